import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// The search as the pages and the API will call it: through tRPC, with the input checked at
// the boundary and every mistake explained in Chinese.
describeEachDatabase('search through tRPC', (current) => {
  beforeAll(async () => {
    await seedSearchFixtures(current().db);
  });

  const caller = () => createCaller({ db: current().db, today: TODAY });

  it('answers a query with hits, a total and facets', async () => {
    const result = await caller().search.query({ q: '金顶' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0]?.titleSegments.some((s) => s.match && s.text.includes('金顶'))).toBe(true);
    expect(result.facets.kind.length).toBeGreaterThan(0);
  });

  it.each([
    [{ q: '公司', page: 0 }, '页码从 1 开始'],
    [{ q: '公司', page: 501 }, '最多可查看前 500 页'],
    [{ q: '公司', sort: 'name' }, '排序方式'],
    [{ q: '公司', kinds: ['company'] }, '信息类别不正确'],
    [{ q: '公司', divisionCodes: ['5111'] }, '行政区划代码应为 6 位数字'],
    [{ q: '公司', severities: ['bad'] }, '失信严重程度不正确'],
    [{ q: 'x'.repeat(201) }, '不能超过 200 个字'],
  ])('refuses %j with a Chinese message', async (input, message) => {
    const error = await caller()
      .search.query(input as never)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toContain(message);
  });
});
