import { expect, it } from 'vitest';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { seedDemoIfEmpty } from '@/server/seed';
import { describeEachDatabase } from '../helpers/databases';
import { apiFetch, BASE } from './client';

// Issue 17, finding 8: the API docs' own examples failed (the example USCC → 400, the OpenAPI
// example → 404). Every example in the OpenAPI document is called against a seeded demo city
// and must answer with its documented status: `x-expected-status` where an example carries
// one, else the operation's success status. The POST operations need a department key and are
// left to api.test.ts.

const TODAY = '2026-11-20';

interface Example {
  value: unknown;
  'x-expected-status'?: number;
}
interface Param {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  example?: unknown;
  examples?: Record<string, Example>;
}
interface Operation {
  operationId: string;
  parameters?: Param[];
  responses: Record<string, unknown>;
}

describeEachDatabase('every example of the API docs answers as documented on the demo data', (current) => {
  it('calls each example of each GET operation and gets its documented status', async () => {
    const { db } = current();
    await seedDemoIfEmpty(db, {
      size: 300,
      seed: 'demo',
      today: TODAY,
      identityKeys: deriveIdentityKeys(Buffer.alloc(32, 3)),
    });
    const call = apiFetch(db, TODAY);
    const doc = (await (await call(`${BASE}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const calls: { id: string; url: string; expected: number; got: number }[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op) continue;
      const params = op.parameters ?? [];
      const query = new URLSearchParams();
      for (const p of params.filter((x) => x.in === 'query' && x.example !== undefined)) {
        for (const v of [p.example].flat()) query.append(p.name, String(v));
      }
      const success = Number(Object.keys(op.responses).find((s) => s.startsWith('2')));
      const pathParams = params.filter((p) => p.in === 'path');
      const variants: { values: Record<string, string>; expected: number }[] = [];
      if (pathParams.length === 0) variants.push({ values: {}, expected: success });
      for (const p of pathParams) {
        const examples: Example[] = p.examples
          ? Object.values(p.examples)
          : p.example !== undefined
            ? [{ value: p.example }]
            : [];
        expect(examples.length, `${op.operationId}: path parameter ${p.name} has an example`).toBeGreaterThan(0);
        for (const ex of examples)
          variants.push({ values: { [p.name]: String(ex.value) }, expected: ex['x-expected-status'] ?? success });
      }
      for (const v of variants) {
        const filled = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(v.values[n] ?? ''));
        const url = `${BASE}${filled}${query.size ? `?${query}` : ''}`;
        const res = await call(url);
        calls.push({ id: op.operationId, url, expected: v.expected, got: res.status });
      }
    }
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((c) => c.got !== c.expected)).toEqual([]);
    // The credit check's examples show both answers a reader needs: a listed subject and a clean one.
    expect(calls.filter((c) => c.id === 'creditCheck').map((c) => c.expected)).toEqual([200, 200, 404, 400]);
  });

  it('the examples say what they show: the listed subject is under punishment, the clean one is not', async () => {
    const { db } = current();
    const call = apiFetch(db, TODAY);
    const doc = (await (await call(`${BASE}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const examples = doc.paths['/api/v1/subjects/{uscc}/credit-check']!.get!.parameters![0]!.examples!;
    const statusOf = async (uscc: unknown) =>
      ((await (await call(`${BASE}/api/v1/subjects/${String(uscc)}/credit-check`)).json()) as { status: string })
        .status;
    expect(await statusOf(examples.listed!.value)).toBe('dishonesty');
    expect(await statusOf(examples.clean!.value)).toBe('none');
    const docs = await (await call(`${BASE}/api/v1/docs`)).text();
    expect(docs).toContain(`/api/v1/subjects/${String(examples.listed!.value)}/credit-check`);
    expect(docs).not.toContain('91511102MA62A1B2C3');
    const answers = await call(`${BASE}/api/v1/docs/credit-check`);
    expect(answers.status).toBe(200);
    const html = await answers.text();
    for (const phrase of ['未列入红黑名单', '失信联合惩戒对象', '异议处理中', '404 不等于“无不良记录”'])
      expect(html).toContain(phrase);
  });
});
