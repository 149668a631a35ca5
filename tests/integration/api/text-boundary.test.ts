import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import { createApiKey } from '@/server/api-keys/service';
import { createCaller } from '@/server/root';
import { importFile } from '@/server/imports/service';
import type { StaffPrincipal } from '@/server/auth/principal';
import { describeEachDatabase } from '../helpers/databases';
import { AUTHORITY_USCC, penaltyRow } from '../imports/sample';
import { accepted, createStaff, createWorld, keys, objectionInput, submit } from '../applications/helpers';
import { apiFetch, BASE } from './client';

// Issue 13, finding 1: one text rule at every door. NUL (PostgreSQL error 22021), other
// control characters and lone surrogates are refused with a Chinese message naming the
// field, the same way in the API's dry run and its commit, in tRPC procedures (public and
// staff) and in department files; a corrupt XLSX is a Chinese refusal, not a 500.

const TODAY = '2026-03-01';
const INTERNAL = /22021|invalid byte sequence|PostgreSQL|postgres|syntax|SQL|stack|Error:|undefined|NaN|\[object/i;

describeEachDatabase('the text rule at every boundary', (current) => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let staff: StaffPrincipal;
  let key: string;

  beforeAll(async () => {
    const { db } = current();
    world = await createWorld(db, '乐山市文本边界测试有限公司');
    staff = await createStaff(db, 'department', world.department.id);
    ({ key } = await createApiKey(db, { departmentId: world.department.id, name: '文本测试' }));
  });

  const push = async (records: Record<string, string>[], dryRun: boolean) => {
    const res = await apiFetch(current().db, TODAY)(`${BASE}/api/v1/disclosures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'penalty', dry_run: dryRun, records }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('POST /api/v1/disclosures: the dry run refuses per record exactly what the commit refuses, never a 503', async () => {
    const dated = { CF_JDRQ: '2026-02-05', CF_YXQ: '2026-02-05', CF_CFJGDM: AUTHORITY_USCC };
    const records = [
      penaltyRow(701, dated),
      penaltyRow(702, { ...dated, CF_SY: '违法事实\u0000后半句' }),
      penaltyRow(703, { ...dated, CF_XDR_MC: '乐山市\ud800测试公司' }),
      penaltyRow(704, { ...dated, CF_NR: '罚款\u001b[31m' }),
    ];
    const dry = await push(records, true);
    expect(dry.status).toBe(200);
    const dryResults = dry.body.results as {
      index: number;
      status: string;
      errors?: { field: string; message: string }[];
    }[];
    expect(dryResults.map((r) => r.status)).toEqual(['valid', 'rejected', 'rejected', 'rejected']);
    expect(dryResults[1]!.errors).toEqual([{ field: 'CF_SY', message: expect.stringContaining('控制字符') }]);
    expect(dryResults[2]!.errors).toEqual([{ field: 'CF_XDR_MC', message: expect.stringContaining('无法识别的字符') }]);
    expect(dryResults[3]!.errors![0]!.field).toBe('CF_NR');

    const commit = await push(records, false);
    expect(commit.status).toBe(200);
    expect(JSON.stringify(commit.body)).not.toMatch(INTERNAL);
    const results = commit.body.results as { status: string; errors?: unknown }[];
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected', 'rejected']);
    // What the dry run said about each refused record is what the commit said.
    expect(results.slice(1).map((r) => r.errors)).toEqual(dryResults.slice(1).map((r) => r.errors));
  });

  it('a file cell with NUL is refused in the preview like in the commit; a corrupt XLSX is a Chinese refusal', async () => {
    const { db } = current();
    const header = Object.keys(penaltyRow(1));
    const row = penaltyRow(711, { CF_JDRQ: '2026-02-05', CF_YXQ: '2026-02-05', CF_SY: 'A\u0000B' });
    const csv = [header.join(','), header.map((h) => row[h]).join(',')].join('\n');
    const opts = (mode: 'preview' | 'commit') => ({
      departmentId: world.department.id,
      channel: 'upload' as const,
      mode,
      today: TODAY,
      actor: { type: 'staff' as const, id: String(staff.id), label: '测试' },
    });
    const bytes = (s: string | Buffer) =>
      (async function* () {
        yield Buffer.from(s);
      })();
    const preview = await importFile(db, { name: 'a.csv', bytes: bytes(csv) }, opts('preview'));
    const commit = await importFile(db, { name: 'a.csv', bytes: bytes(csv) }, opts('commit'));
    expect(preview.errorRows).toBe(1);
    expect(commit.errorRows).toBe(1);
    expect(commit.status).toBe('committed');
    expect(commit.errors[0]).toMatchObject({ field: 'CF_SY', message: expect.stringContaining('控制字符') });

    const corrupt = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 7)]);
    await expect(importFile(db, { name: '处罚.xlsx', bytes: bytes(corrupt) }, opts('preview'))).rejects.toThrow(
      /无法读取.*XLSX/,
    );
    await expect(importFile(db, { name: 'a\r\n.csv', bytes: bytes(csv) }, opts('preview'))).rejects.toThrow(
      /文件名不能换行/,
    );
  });

  it('tRPC procedures refuse NUL and lone surrogates in Chinese naming the field, public and staff alike', async () => {
    const { db } = current();
    const caller = createCaller({ db, today: TODAY, keys });
    const refused = async (p: Promise<unknown>) => {
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe('BAD_REQUEST');
      expect((err as TRPCError).message).not.toMatch(INTERNAL);
      return (err as TRPCError).message;
    };
    const objection = objectionInput(world.record.id);
    expect(
      await refused(
        caller.applications.submit({ ...objection, description: '违法事实与本公司实际情况不符\u0000。', files: [] }),
      ),
    ).toMatch(/description.*控制字符/);
    expect(
      await refused(
        caller.applications.submit({
          ...objection,
          applicant: { ...objection.applicant, name: '测试\udc00公司' } as typeof objection.applicant,
          files: [],
        }),
      ),
    ).toMatch(/applicant\.name.*无法识别/);
    expect(
      await refused(
        caller.applications.submit({
          ...objection,
          files: [{ fileName: 'a\r\nContent-Type: text/html.png', bytes: new Uint8Array([1]) }],
        }),
      ),
    ).toMatch(/不能换行/);
    expect(await refused(caller.disclosures.penalties({ q: '%\u0000' } as never))).toMatch(/控制字符/);

    const filed = await submit(db, objectionInput(world.record.id), TODAY);
    const app = await accepted(db, staff, filed.trackingNumber, TODAY);
    const staffCaller = createCaller({ db, today: TODAY, staff, keys });
    expect(
      await refused(
        staffCaller.applications.refuse({ id: app.id, version: app.version, reasons: '理由\u0000理由理由' }),
      ),
    ).toMatch(/reasons/);
    expect(
      await refused(
        staffCaller.applications.decide({
          id: app.id,
          version: app.version,
          decision: 'explode' as never,
          reasons: '理由理由理由',
        }),
      ),
    ).toContain('请选择一项有效的决定');
  });

  it('cleans what means the same: NFC, CRLF to LF', async () => {
    const { db } = current();
    const filed = await submit(db, objectionInput(world.record.id), TODAY);
    const caller = createCaller({ db, today: TODAY, keys });
    const decomposed = '情况说明：Cafe\u0301 的处罚记载有误。\r\n第二行';
    const done = await caller.applications.submit({
      ...objectionInput(world.record.id),
      description: decomposed,
      files: [],
    });
    const row = await db
      .selectFrom('applications')
      .select('description')
      .where('trackingNumber', '=', done.trackingNumber)
      .executeTakeFirstOrThrow();
    expect(row.description).toBe('情况说明：Café 的处罚记载有误。\n第二行');
    expect(filed.trackingNumber).not.toBe(done.trackingNumber);
  });
});
