import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { expect, it } from 'vitest';
import { openDatabase, type Db } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { appRouter } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';

// What a caller of /api/trpc sees when it sends nonsense: a 4xx with a Chinese sentence,
// never an English parser message, a JSON dump of the checks, or the text of an internal error.

const TODAY = '2026-06-30';

async function call(db: Db, path: string, init?: RequestInit) {
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${path}`, init),
    router: appRouter,
    createContext: async () => ({ db, today: TODAY }),
  });
  const body = (await response.json()) as { error?: { json: { message: string } } };
  return { status: response.status, message: body.error?.json.message ?? null };
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: value }))}`;

describeEachDatabase('the tRPC endpoint with bad requests', (current) => {
  it.each([
    ['search.query?input=notjson', 400, '不是有效的 JSON'],
    ['search.query', 400, '请提供查询参数'],
    [`search.query?${input({ q: 123 })}`, 400, '查询内容（q）应为文字'],
    [`search.query?${input({})}`, 400, '请输入查询内容（q）'],
    [`search.query?${input({ q: '公司', page: 'x' })}`, 400, '页码应为数字'],
    [`search.query?${input({ q: '公司', years: ['2024'] })}`, 400, '参数 years.0'],
    [`search.query?${input({ q: '公司', sort: 'name' })}`, 400, '参数 sort：排序方式'],
    [`search.query?${input({ q: '公司', unknownOption: true })}`, 400, 'unknownOption'],
    ['nope.query', 404, '没有这个接口'],
  ])('GET %s answers %i in Chinese', async (path, status, message) => {
    const result = await call(current().db, path);
    expect(result.status).toBe(status);
    expect(result.message).toContain(message);
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.message).not.toMatch(/Invalid|expected|Unexpected|No procedure|received/);
  });

  it('answers a query sent with POST with 405 and says to use GET', async () => {
    const result = await call(current().db, 'search.query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { q: '公司' } }),
    });
    expect(result.status).toBe(405);
    expect(result.message).toContain('查询请用 GET');
  });

  it('answers a good query with 200', async () => {
    const response = await call(current().db, `search.query?${input({ q: '公司' })}`);
    expect(response.status).toBe(200);
  });
});

it('hides the text of an internal error behind a Chinese sentence', async () => {
  const handle = await openDatabase({ memory: true });
  await migrateToLatest(handle.db);
  await handle.close(); // every query now fails inside the server
  const result = await call(handle.db, `search.query?${input({ q: '公司' })}`);
  expect(result.status).toBe(500);
  expect(result.message).toBe('服务器内部错误，我们已记录此问题，请稍后重试。');
});
