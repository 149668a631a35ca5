import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '@/server/api/openapi';
import { createApiKey, revokeApiKey } from '@/server/api-keys/service';
import { deriveIdentityKeys, protectIdNumber } from '@/server/identities/protect';
import { saveIdentityNumber } from '@/server/identities/repository';
import { makeResidentId } from '@/server/rules/idcard';
import { syncSearchDocuments } from '@/server/search/indexer';
import { RATE_LIMIT_REQUESTS } from '@/server/api/limits';
import { generatedTypes, SCHEMA_FILE } from '@/scripts/openapi-types';
import { readFileSync } from 'node:fs';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { apiClient, apiFetch, BASE } from './client';
import { AUTHORITY_USCC, penaltyRow, toCsv } from '../imports/sample';

const today = '2026-03-01';

it('the OpenAPI document is valid OpenAPI 3.1 and the committed client types are current', async () => {
  const validator = new Validator();
  const result = await validator.validate(openApiDocument() as never);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await generatedTypes());
});

describeEachDatabase('REST API /api/v1', (current) => {
  let ready: Promise<Awaited<ReturnType<typeof setup>>> | undefined;
  const fixtures = () => (ready ??= setup());
  const fullId = makeResidentId({ division: '511102', birthDate: '1985-07-09', sequence: 321 });

  async function setup() {
    const { db } = current();
    const dept = await createDepartment(db);
    const deptCode = (
      await db.selectFrom('departments').select('code').where('id', '=', dept.id).executeTakeFirstOrThrow()
    ).code;
    const black = await createCompany(db, '乐山市失信测试有限公司');
    const red = await createCompany(db, '乐山市守信测试有限公司');
    const paused = await createCompany(db, '乐山市异议测试有限公司');
    const plain = await createCompany(db, '乐山市普通测试有限公司');
    const visible = await createPenalty(db, black, dept, { decisionDate: '2025-09-01', uscc: black.uscc });
    const suspended = await createPenalty(db, paused, dept, {
      status: 'suspended',
      suspendedSince: '2026-02-20',
      uscc: paused.uscc,
    });
    const hidden = [
      await createPenalty(db, black, dept, { publicUntil: today, uscc: black.uscc }),
      await createPenalty(db, black, dept, { status: 'withdrawn', withdrawnOn: '2025-10-01', uscc: black.uscc }),
      await createPenalty(db, black, dept, { status: 'repaired', repairedOn: '2026-01-10', uscc: black.uscc }),
      await createPenalty(db, black, dept, { status: 'unpublished', severity: 'minor', uscc: black.uscc }),
      await createPenalty(db, black, dept, { publicFrom: '2026-03-02', decisionDate: '2026-03-02', uscc: black.uscc }),
    ];
    const keys = deriveIdentityKeys(Buffer.alloc(32, 7));
    const protectedId = protectIdNumber(keys, fullId);
    const idRef = await saveIdentityNumber(db, protectedId);
    const person = await db
      .insertInto('subjects')
      .values({
        kind: 'natural_person',
        name: '王小明',
        nameNorm: '王小明',
        personIdRef: idRef,
        personIdMasked: protectedId.masked,
        personIdType: '身份证',
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const personal = await createPenalty(db, person, dept, {
      subjectCategory: '自然人',
      partyIdType: '身份证',
      partyIdMasked: protectedId.masked,
      partyIdRef: idRef,
      decisionDate: '2026-02-01',
      publicFrom: '2026-02-01',
    });
    const [punish, reward] = await db
      .insertInto('catalogItems')
      .values(
        (['punishment', 'incentive'] as const).map((kind, i) => ({
          code: `T-${kind}-${dept.id}`,
          kind,
          decidingUnit: '乐山市发展和改革委员会',
          measure: kind === 'punishment' ? '限制参与政府采购' : '行政审批绿色通道',
          reason: '测试',
          legalBasis: '测试依据',
          implementingUnits: '乐山市财政局',
          content: kind === 'punishment' ? '依法限制参与政府采购活动' : '优先办理',
          evidence: '认定文书',
          sortOrder: i,
        })),
      )
      .returning('id')
      .execute();
    const entry = (subjectId: number, listType: 'honor' | 'dishonesty', extra: Record<string, unknown> = {}) =>
      db
        .insertInto('listEntries')
        .values({
          listType,
          subjectId,
          departmentId: dept.id,
          decisionNumber: `乐测认〔2026〕${subjectId}${listType}号`,
          basis: '测试依据',
          reason: '测试事由',
          listedOn: '2026-01-01',
          validUntil: '2027-01-01',
          ...extra,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const blackEntry = await entry(black.id, 'dishonesty', { penaltyRecordId: visible.id });
    const redEntry = await entry(red.id, 'honor');
    const pausedEntry = await entry(paused.id, 'dishonesty', { status: 'suspended', suspendedSince: '2026-02-20' });
    await entry(plain.id, 'dishonesty', { validUntil: '2026-02-28' }); // expired yesterday
    await db
      .insertInto('listEntryMeasures')
      .values([
        { listEntryId: blackEntry.id, catalogItemId: punish!.id },
        { listEntryId: pausedEntry.id, catalogItemId: punish!.id },
        { listEntryId: redEntry.id, catalogItemId: reward!.id },
      ])
      .execute();
    await syncSearchDocuments(
      db,
      [black, red, paused, plain, person].map((s) => ({ kind: 'subject' as const, id: s.id })),
    );
    return { db, dept, deptCode, black, red, paused, plain, visible, suspended, hidden, personal };
  }

  it('lists only public penalties, masks persons and never returns a full ID number', async () => {
    const f = await fixtures();
    const client = apiClient(f.db, today);
    const { data, response } = await client.GET('/api/v1/penalties', { params: { query: { department: f.deptCode } } });
    expect(response.status).toBe(200);
    const ids = data!.data.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([f.visible.id, f.suspended.id, f.personal.id]));
    for (const h of f.hidden) expect(ids).not.toContain(h.id);
    const person = data!.data.find((p) => p.id === f.personal.id)!;
    expect(person.CF_XDR_MC).toBe('王**');
    expect(person.CF_XDR_ZJHM).toBe(`${fullId.slice(0, 4)}**********${fullId.slice(-4)}`);
    expect(data!.data.find((p) => p.id === f.suspended.id)!.suspended).toBe(true);
    for (const path of ['/api/v1/penalties', '/api/v1/search?q=王', `/api/v1/search?q=${fullId}`]) {
      const raw = await (await apiFetch(f.db, today)(`${BASE}${path}`)).text();
      expect(raw).not.toContain(fullId);
      expect(raw).not.toContain('王小明');
    }
  });

  it('narrows every list by the year of its decision or listing date, both ends of the year included', async () => {
    const f = await fixtures();
    const client = apiClient(f.db, today);
    const penaltyIds = async (year: number) =>
      (await client.GET('/api/v1/penalties', { params: { query: { department: f.deptCode, year } } })).data!.data.map(
        (p) => p.id,
      );
    const in2025 = await penaltyIds(2025);
    expect(in2025).toContain(f.visible.id); // decided 2025-09-01
    expect(in2025).not.toContain(f.personal.id);
    const in2026 = await penaltyIds(2026);
    expect(in2026).toContain(f.personal.id); // decided 2026-02-01
    expect(in2026).not.toContain(f.visible.id);
    const lists = async (year: number) =>
      (await client.GET('/api/v1/lists', { params: { query: { department: f.deptCode, year } } })).data!.data;
    expect((await lists(2026)).length).toBeGreaterThan(0); // listed on 2026-01-01, the year's first day
    expect(await lists(2025)).toEqual([]);
  });

  it('pages with a stable cursor and returns only changes with changed_since', async () => {
    const f = await fixtures();
    const client = apiClient(f.db, today);
    const all = await client.GET('/api/v1/penalties', { params: { query: { department: f.deptCode } } });
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await client.GET('/api/v1/penalties', {
        params: { query: { department: f.deptCode, limit: 1, ...(cursor ? { cursor } : {}) } },
      });
      seen.push(...page.data!.data.map((p) => p.id));
      if (!page.data!.next_cursor) break;
      cursor = page.data!.next_cursor;
    }
    expect(seen).toEqual(all.data!.data.map((p) => p.id));
    expect(new Set(seen).size).toBe(seen.length);

    await sql`update penalty_records set updated_at = now() + interval '1 hour' where id = ${f.visible.id}`.execute(
      f.db,
    );
    const since = new Date(Date.now() + 30 * 60_000).toISOString();
    const changed = await client.GET('/api/v1/penalties', { params: { query: { changed_since: since } } });
    expect(changed.data!.data.map((p) => p.id)).toEqual([f.visible.id]);
  });

  it('lists records that left public view since a moment, so that a copy can delete them', async () => {
    const f = await fixtures();
    const client = apiClient(f.db, today);
    const gone = await createPenalty(f.db, f.plain, f.dept, { uscc: f.plain.uscc });
    await sql`update penalty_records set status = 'withdrawn', withdrawn_on = ${today}, updated_at = now() + interval '2 hours' where id = ${gone.id}`.execute(
      f.db,
    );
    await sql`update penalty_records set updated_at = now() + interval '2 hours' where id = ${f.suspended.id}`.execute(
      f.db,
    );
    const since = new Date(Date.now() + 90 * 60_000).toISOString();
    const removals = await client.GET('/api/v1/removals', { params: { query: { changed_since: since } } });
    expect(removals.data!.data).toContainEqual(expect.objectContaining({ kind: 'penalty', id: gone.id }));
    expect(removals.data!.data.map((r) => r.id)).not.toContain(f.suspended.id);
    const missing = await apiFetch(f.db, today)(`${BASE}/api/v1/removals`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { parameter: string }).parameter).toBe('changed_since');
  });

  it('answers bad parameters with 400 problem+json naming the parameter in Chinese', async () => {
    const f = await fixtures();
    const fetch = apiFetch(f.db, today);
    const wrongCheck = f.black.uscc!.slice(0, 17) + (f.black.uscc!.endsWith('1') ? '2' : '1');
    const cases: [string, string, string][] = [
      [`/api/v1/subjects/${wrongCheck}`, 'uscc', '校验位错误'],
      ['/api/v1/subjects/123', 'uscc', '应为18位'],
      ['/api/v1/penalties?limit=0', 'limit', '每页条数'],
      ['/api/v1/penalties?year=abc', 'year', '年份应为整数'],
      // A negative page is an integer out of range, not "not an integer".
      ['/api/v1/search?q=%E5%85%AC%E5%8F%B8&page=-1', 'page', '页码应在 1 到 500 之间'],
      ['/api/v1/penalties?changed_since=yesterday', 'changed_since', 'ISO 8601'],
      ['/api/v1/penalties?cursor=bad!', 'cursor', '游标'],
      ['/api/v1/penalties?colour=red', 'colour', '不支持参数'],
      ['/api/v1/lists?list_type=grey', 'list_type', '名单类型'],
      ['/api/v1/penalties?department=nope', 'department', '没有代码为'],
    ];
    for (const [path, parameter, text] of cases) {
      const response = await fetch(`${BASE}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = (await response.json()) as { detail: string; parameter: string; status: number };
      expect(body, path).toMatchObject({ status: 400, parameter });
      expect(body.detail, path).toContain(text);
    }
    const unknown = await fetch(`${BASE}/api/v1/subjects/91350100M000100Y43`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('未找到');
    expect((await fetch(`${BASE}/api/v1/nothing`)).status).toBe(404);
    const wrongMethod = await fetch(`${BASE}/api/v1/penalties`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
  });

  it('credit-check answers each status with the measures that apply and the records behind them', async () => {
    const f = await fixtures();
    const client = apiClient(f.db, today);
    const check = async (uscc: string) =>
      (await client.GET('/api/v1/subjects/{uscc}/credit-check', { params: { path: { uscc } } })).data!;
    const black = await check(f.black.uscc!);
    expect(black.status).toBe('dishonesty');
    expect(black.measures.map((m) => m.measure)).toEqual(['限制参与政府采购']);
    expect(black.penalties.map((p) => p.id)).toEqual([f.visible.id]);
    const red = await check(f.red.uscc!);
    expect(red).toMatchObject({ status: 'honor', measures: [{ kind: 'incentive', measure: '行政审批绿色通道' }] });
    const paused = await check(f.paused.uscc!);
    expect(paused.status).toBe('suspended');
    expect(paused.measures).toEqual([]);
    expect(paused.list_entries).toHaveLength(1);
    const plain = await check(f.plain.uscc!);
    expect(plain).toMatchObject({ status: 'none', measures: [], list_entries: [] });

    const subject = await client.GET('/api/v1/subjects/{uscc}', { params: { path: { uscc: f.black.uscc! } } });
    expect(subject.data!.penalties.map((p) => p.id)).toEqual([f.visible.id]);
    const lists = await client.GET('/api/v1/lists', {
      params: { query: { department: f.deptCode, list_type: 'dishonesty' } },
    });
    expect(lists.data!.data.map((e) => e.subject_name).sort()).toEqual([
      '乐山市失信测试有限公司',
      '乐山市异议测试有限公司',
    ]);
    const search = await client.GET('/api/v1/search', { params: { query: { q: '失信测试' } } });
    expect(search.data!.hits.some((h) => h.title === '乐山市失信测试有限公司')).toBe(true);
    expect(search.data!.facets).toHaveProperty('kind');
    // Flat by default; group=subject makes one item per subject with its other matches counted.
    expect(search.data!.group_count).toBeUndefined();
    const grouped = await client.GET('/api/v1/search', { params: { query: { q: '失信测试', group: 'subject' } } });
    const items = grouped.data!.hits.filter((h) => h.kind !== 'list_entry' && h.subject_id === f.black.id);
    expect(items).toHaveLength(1);
    expect(grouped.data!.group_count).toBe(grouped.data!.hits.length);
    const bad = await client.GET('/api/v1/search', { params: { query: { q: '失信测试', group: 'x' as 'flat' } } });
    expect(bad.response.status).toBe(400);
  });

  it('takes pushed records with a department key: per-record results, idempotent, keys checked', async () => {
    const f = await fixtures();
    const { key, id } = await createApiKey(f.db, { departmentId: f.dept.id, name: '测试系统' });
    const dated = { CF_JDRQ: '2026-02-05', CF_YXQ: '2026-02-05', CF_CFJGDM: AUTHORITY_USCC };
    const records = [penaltyRow(501, dated), penaltyRow(502, { ...dated, CF_XDR_SHXYM: '91511102MA00000000' })];
    const push = (k?: string) =>
      apiClient(f.db, today, k ? { authorization: `Bearer ${k}` } : {}).POST('/api/v1/disclosures', {
        body: { kind: 'penalty', records },
      });

    const anonymous = await push();
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toMatchObject({ status: 401, detail: expect.stringContaining('API 密钥') });
    expect((await push('lsk_wrong')).response.status).toBe(401);

    const first = await push(key);
    expect(first.response.status).toBe(200);
    expect(first.data!.results[0]).toMatchObject({ index: 0, status: 'created' });
    expect(first.data!.results[1]).toMatchObject({ index: 1, status: 'rejected', errors: [{ field: 'CF_XDR_SHXYM' }] });
    const again = await push(key);
    expect(again.data!.results[0]).toMatchObject({ status: 'unchanged', id: first.data!.results[0]!.id });
    const stored = await f.db
      .selectFrom('penaltyRecords')
      .select('departmentId')
      .where('id', '=', first.data!.results[0]!.id!)
      .executeTakeFirstOrThrow();
    expect(stored.departmentId).toBe(f.dept.id);

    const fetch = apiFetch(f.db, today);
    const notJson = await fetch(`${BASE}/api/v1/disclosures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(notJson.status).toBe(415);
    const badBody = await fetch(`${BASE}/api/v1/disclosures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{"kind":"tax","records":[]}',
    });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { parameter: string }).parameter).toBe('kind');
    const broken = await fetch(`${BASE}/api/v1/disclosures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);

    await revokeApiKey(f.db, id);
    const revoked = await push(key);
    expect(revoked.response.status).toBe(403);
    expect(revoked.error!.detail).toContain('吊销');
  });

  it('documents what every operation answers to a wrong, a revoked and a too-often wrong key', async () => {
    const f = await fixtures();
    const { key, id } = await createApiKey(f.db, { departmentId: f.dept.id, name: '已吊销的系统' });
    await revokeApiKey(f.db, id);
    const fetch = apiFetch(f.db, today);
    type Operation = {
      responses: Record<string, unknown>;
      parameters?: { name: string; in: string; required?: boolean }[];
    };
    const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;
    const seen: string[] = [];
    const undocumented: string[] = [];
    for (const [template, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const path = template.replace('{uscc}', f.black.uscc!);
        const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required);
        const url = `${BASE}${path}?${required.map((p) => `${p.name}=2026-01-01T00:00:00Z`).join('&')}`;
        // A fresh address per operation and key, so that only the 429 below comes from the limit.
        for (const [label, token] of [
          ['wrong', 'lsk_wrong'],
          ['revoked', key],
        ] as const) {
          const res = await fetch(url, {
            method: method.toUpperCase(),
            headers: {
              authorization: `Bearer ${token}`,
              'x-forwarded-for': `192.0.2.${seen.length + 1}`,
              'content-type': 'application/json',
            },
            ...(method === 'get' ? {} : { body: '{}' }),
          });
          seen.push(`${method} ${template} ${label} → ${res.status}`);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          if (!(String(res.status) in op.responses)) undocumented.push(seen.at(-1)!);
        }
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(seen.filter((s) => s.endsWith('401'))).toHaveLength(seen.length / 2);
    expect(seen.filter((s) => s.endsWith('403'))).toHaveLength(seen.length / 2);
    // Past the wrong-key limit of one address, the next answer is 429, documented on public reads too.
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++) {
      last = (
        await fetch(`${BASE}/api/v1/penalties`, {
          headers: { authorization: 'Bearer lsk_wrong', 'x-forwarded-for': '198.51.100.7' },
        })
      ).status;
    }
    expect(last).toBe(429);
    for (const [, methods] of Object.entries(paths))
      for (const op of Object.values(methods)) expect(Object.keys(op.responses)).toContain('429');
    expect(undocumented).toEqual([]);
  });

  it('takes a whole file handed over by the CLI, with its error report for the same department only', async () => {
    const f = await fixtures();
    const { key } = await createApiKey(f.db, { departmentId: f.dept.id, name: '命令行' });
    const other = await createDepartment(f.db);
    const { key: otherKey } = await createApiKey(f.db, { departmentId: other.id, name: '其他部门' });
    const dated = { CF_JDRQ: '2026-02-05', CF_YXQ: '2026-02-05' };
    const csv = toCsv([penaltyRow(601, dated), penaltyRow(602, { ...dated, CF_NR_FK: '五千元' })]);
    const fetch = apiFetch(f.db, today);
    const upload = (k: string) =>
      fetch(`${BASE}/api/v1/imports?mode=commit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${k}`, 'x-file-name': encodeURIComponent('处罚.csv') },
        body: csv,
      });
    expect((await fetch(`${BASE}/api/v1/imports`, { method: 'POST', body: csv })).status).toBe(401);
    const response = await upload(key);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { importId: number; created: number; errorRows: number };
    expect(summary).toMatchObject({ created: 1, errorRows: 1 });
    const report = await fetch(`${BASE}/api/v1/imports/${summary.importId}/errors.csv`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('3,CF_NR_FK,');
    const foreign = await fetch(`${BASE}/api/v1/imports/${summary.importId}/errors.csv`, {
      headers: { authorization: `Bearer ${otherKey}` },
    });
    expect(foreign.status).toBe(403);
  });

  it('limits requests per address: 429 with Retry-After past the limit, and again allowed in the next window', async () => {
    const f = await fixtures();
    const now = new Date('2026-03-01T02:01:00Z');
    const windowStart = new Date('2026-03-01T02:00:00Z');
    await f.db
      .insertInto('rateLimitBuckets')
      .values({ key: 'api:ip:203.0.113.9', windowStart, hits: RATE_LIMIT_REQUESTS - 1 })
      .execute();
    const fetch = apiFetch(f.db, today, now);
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    expect((await fetch(`${BASE}/api/v1/catalog`, { headers })).status).toBe(200);
    const limited = await fetch(`${BASE}/api/v1/catalog`, { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('240');
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(((await limited.json()) as { detail: string }).detail).toContain('请求过于频繁');
    expect((await fetch(`${BASE}/api/v1/catalog`, { headers: { 'x-forwarded-for': '203.0.113.10' } })).status).toBe(
      200,
    );
    const later = apiFetch(f.db, today, new Date('2026-03-01T02:05:00Z'));
    expect((await later(`${BASE}/api/v1/catalog`, { headers })).status).toBe(200);
  });
});
