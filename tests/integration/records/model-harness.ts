import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import type { Db } from '@/server/db/client';
import { createCaller } from '@/server/root';
import { createApiKey } from '@/server/api-keys/service';
import { importFile } from '@/server/imports/service';
import { acceptApplication, decideApplication, refuseApplication } from '@/server/applications/service';
import { correctPenalty, withdrawRecord } from '@/server/records/service';
import { getPublicPenalty } from '@/server/disclosures/service';
import { runLifecycle } from '@/server/lifecycle/service';
import type { StaffPrincipal } from '@/server/auth/principal';
import { createDepartment } from '../helpers/fixtures';
import { appByTracking, createStaff, objectionInput, officeDepartment, submit } from '../applications/helpers';
import { AUTHORITY_USCC, bytesOf, companyUscc, toCsv, PENALTY_HEADERS } from '../imports/sample';
import { apiFetch, BASE } from '../api/client';
import {
  CONTENTS,
  CORRECTIONS,
  DECISION_CHOICES,
  FACTS,
  FINES,
  REMARKS,
  VARIANTS,
  earliestRepairOn,
  initialModel,
  pick,
  isPublic,
  plusDays,
  publicStatus,
  publicUntil,
  repairableEarly,
  step,
  suspensionNote,
  violationFacts,
  type Expectation,
  type Facts,
  type Model,
  type Op,
  type Variant,
} from './model';

// Runs generated operation sequences on one penalty record through the REAL entry points
// (file import, POST /api/v1/disclosures, staff forms, applications and their decisions, the
// lifecycle job) and, after every step, compares what the public sees — the record row, the
// API's subject answer, the record page, search, and the audit trail — with the pure model
// of model.ts. Shared by tests/integration/records/model.test.ts and tests/bench/model.bench.ts.

/** What a suite shares: one department with its staff, API key, and the office. */
export interface World {
  db: Db;
  department: { id: number; name: string };
  staff: StaffPrincipal;
  officer: StaffPrincipal;
  apiKey: string;
}

export async function createWorld(db: Db): Promise<World> {
  const department = await createDepartment(db);
  const office = await officeDepartment(db);
  const staff = await createStaff(db, 'department', department.id);
  const officer = await createStaff(db, 'office', office.id);
  const { key } = await createApiKey(db, { departmentId: department.id, name: '模型测试系统' });
  return { db, department, staff, officer, apiKey: key };
}

export interface Sequence {
  variant: Variant;
  /** Days after 2025-07-01 (after 国办发〔2025〕22号 took effect). */
  decisionOffset: number;
  /** Days from the decision to the first import. */
  firstDayOffset: number;
  first: Facts;
  firstVia: 'file' | 'api';
  ops: Op[];
}

const factsArb: fc.Arbitrary<Facts> = fc.record({
  content: fc.nat(1),
  fine: fc.nat(1),
  facts: fc.nat(1),
  remarks: fc.nat(2),
});

/** Most re-imports keep 处罚类别; some change it (and with it severity and period). */
const reimportVariantArb: fc.Arbitrary<Variant | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom<Variant>('fine', 'closure', 'revocation') },
);

const importArb = (via: 'file' | 'api'): fc.Arbitrary<Op> =>
  fc
    .record({ facts: factsArb, variant: reimportVariantArb })
    .map(({ facts, variant }) => ({ op: 'import' as const, via, facts, ...(variant ? { variant } : {}) }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: importArb('file'),
  },
  {
    weight: 2,
    arbitrary: importArb('api'),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'importOtherParty' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'pushForeign' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('correct' as const), text: fc.nat(CORRECTIONS.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'withdraw' as const }) },
  { weight: 4, arbitrary: fc.constant({ op: 'objection' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('decide' as const),
      choice: fc.nat(DECISION_CHOICES - 1),
      text: fc.nat(CORRECTIONS.length - 1),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('complaint' as const), accept: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('repair' as const), approve: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('days' as const),
      n: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 50, max: 400 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('jump' as const),
      to: fc.constantFrom('publicUntil' as const, 'earliestRepair' as const),
      offset: fc.constantFrom(-1 as const, 0 as const),
    }),
  },
);

const waitArb = (min: number, max: number): fc.Arbitrary<Op[]> =>
  fc.integer({ min, max }).map((n) => (n > 0 ? [{ op: 'days' as const, n }] : []));
/** Something that may happen while an objection or complaint is handled (or not). */
const duringArb: fc.Arbitrary<Op[]> = fc.option(opArb, { nil: undefined }).map((op) => (op ? [op] : []));

/**
 * An objection's whole story: filed and accepted, days pass, decided; after a rejection maybe a
 * complaint — within the window (≤ 14 days, the suspension continues) or surely after it
 * (≥ 45 days) — accepted or refused, days pass, decided. Other operations may fall in between.
 * Random single operations alone rarely line these steps up.
 */
const objectionStoryArb: fc.Arbitrary<Op[]> = fc
  .tuple(
    duringArb,
    waitArb(0, 60),
    fc.record({
      op: fc.constant('decide' as const),
      choice: fc.nat(DECISION_CHOICES - 1),
      text: fc.nat(CORRECTIONS.length - 1),
    }),
    fc.option(
      fc.tuple(
        fc.oneof(waitArb(0, 14), waitArb(45, 90)),
        fc.record({ op: fc.constant('complaint' as const), accept: fc.boolean() }),
        duringArb,
        waitArb(0, 40),
        fc.record({ op: fc.constant('decide' as const), choice: fc.nat(DECISION_CHOICES - 1), text: fc.constant(0) }),
      ),
      { nil: undefined },
    ),
  )
  .map(([during, wait, decide, complaint]) => [
    { op: 'objection' as const },
    ...during,
    ...wait,
    decide,
    ...(complaint ? [...complaint[0], complaint[1], ...complaint[2], ...complaint[3], complaint[4]] : []),
  ]);

/** A repair's story: days pass up to the earliest repair date (or its eve), maybe something else happens, the subject applies. */
const repairStoryArb: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.constantFrom(-1 as const, 0 as const, 0 as const),
    duringArb,
    fc.record({ op: fc.constant('repair' as const), approve: fc.boolean() }),
  )
  .map(([offset, during, repair]) => [
    { op: 'jump' as const, to: 'earliestRepair' as const, offset },
    ...during,
    repair,
  ]);

export function sequenceArb(maxSteps: number): fc.Arbitrary<Sequence> {
  return fc.record({
    variant: fc.constantFrom<Variant>('fine', 'fine', 'closure', 'revocation'),
    decisionOffset: fc.integer({ min: 0, max: 250 }),
    firstDayOffset: fc.integer({ min: 0, max: 30 }),
    first: factsArb,
    firstVia: fc.constantFrom('file' as const, 'api' as const),
    ops: fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: opArb.map((op) => [op]) },
          { weight: 2, arbitrary: objectionStoryArb },
          { weight: 1, arbitrary: repairStoryArb },
        ),
        {
          minLength: 1,
          maxLength: maxSteps,
        },
      )
      .map((chunks) => chunks.flat().slice(0, maxSteps)),
  });
}

// ------------------------------------------------------------------ one record's world

let serial = 0;
const HEADERS = [...PENALTY_HEADERS, 'BZ'];
const actor = { type: 'system' as const, id: null, label: '模型测试' };
const RATE_WINDOW_MS = 301_000;

interface Record_ {
  n: number;
  name: string;
  uscc: string;
  documentNumber: string;
  /** Each sequence counts against its own rate-limit window of the API. */
  now: Date;
  id: number | null;
  subjectId: number | null;
  /** Objections under way, oldest first. */
  objections: { trackingNumber: string; queryCode: string }[];
  /** The last decided objection, when it was rejected (a complaint may follow it). */
  rejected: { trackingNumber: string; queryCode: string } | null;
  complaint: { trackingNumber: string } | null;
}

/** Digits as distinct characters, so that no subject's name contains another's. */
const cjk = (n: number) => [...String(n)].map((d) => '零壹贰叁肆伍陆柒捌玖'[Number(d)]).join('');

function row(r: Record_, m: Model, facts: Facts, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CF_WSH: r.documentNumber,
    CF_XDR_MC: r.name,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: r.uscc,
    CF_XDR_ZJLX: '',
    CF_XDR_ZJHM: '',
    CF_WFXW: '经营超过保质期的食品',
    CF_SY: pick(FACTS, facts.facts),
    CF_YJ: '《中华人民共和国食品安全法》第一百二十四条',
    CF_CFLB: VARIANTS[m.variant].category,
    CF_NR: pick(CONTENTS, facts.content),
    CF_NR_FK: pick(FINES, facts.fine),
    CF_JDRQ: m.decisionDate,
    CF_YXQ: m.decisionDate,
    CF_GSJZQ: '',
    CF_CFJG: '乐山市市场监督管理局',
    CF_CFJGDM: AUTHORITY_USCC,
    CF_SJLY: '乐山市市场监督管理局',
    CF_SJLYDM: AUTHORITY_USCC,
    BZ: pick(REMARKS, facts.remarks),
    ...overrides,
  };
}

async function importCsv(w: World, m: Model, rows: Record<string, string>[]) {
  return importFile(
    w.db,
    { name: '行政处罚.csv', bytes: bytesOf(toCsv(rows, HEADERS)) },
    { departmentId: w.department.id, channel: 'upload', mode: 'commit', today: m.today, actor },
  );
}

interface PushAnswer {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: { status: string; id?: number; errors?: { field: string | null; message: string }[] }[];
}

async function push(w: World, r: Record_, m: Model, records: Record<string, string>[]): Promise<PushAnswer> {
  const res = await apiFetch(
    w.db,
    m.today,
    r.now,
  )(`${BASE}/api/v1/disclosures`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'penalty', records }),
  });
  assert.equal(res.status, 200, `POST /api/v1/disclosures answered ${res.status}: ${await res.clone().text()}`);
  return (await res.json()) as PushAnswer;
}

/** The operation must be refused with a sentence containing `message`. */
async function refused(work: Promise<unknown>, message: string) {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof TRPCError, `expected a refusal, got ${String(err)}`);
    assert.ok(err.message.includes(message), `refusal “${err.message}” should say “${message}”`);
    return;
  }
  assert.fail(`expected a refusal saying “${message}”, but the operation succeeded`);
}

// ------------------------------------------------------------------ executing one operation

/** Runs `op` on the model and on the system; the answer names what happened, for the statistics. */
async function execute(w: World, r: Record_, m: Model, op: Op): Promise<string> {
  const expected = step(m, op);
  const label = `${op.op}${'via' in op ? `(${op.via})` : ''}`;
  if (expected.kind === 'skip') return `${label}: skipped`;
  await run(w, r, m, op, expected);
  if (expected.kind === 'refused') return `${label}: refused (${expected.message})`;
  const detail = expected.outcome ?? expected.decision ?? 'done';
  return `${label}: ${detail}${expected.continuesSuspension ? ', continuing the suspension' : ''}`;
}

async function run(w: World, r: Record_, m: Model, op: Op, expected: Exclude<Expectation, { kind: 'skip' }>) {
  const db = w.db;
  const today = m.today;
  switch (op.op) {
    case 'import': {
      const records = [row(r, m, op.facts)];
      let outcome: string;
      if (op.via === 'file') {
        const summary = await importCsv(w, m, records);
        assert.equal(summary.errorRows, 0, JSON.stringify(summary.errors));
        outcome = summary.created ? 'created' : summary.updated ? 'updated' : summary.unchanged ? 'unchanged' : 'none';
      } else {
        const answer = await push(w, r, m, records);
        assert.equal(answer.rejected, 0, JSON.stringify(answer.results));
        outcome = answer.results[0]!.status;
        if (r.id === null) r.id = answer.results[0]!.id!;
      }
      assert.equal(outcome, expected.kind === 'done' ? expected.outcome : 'refused', 'import outcome');
      if (r.id === null) {
        const created = await db
          .selectFrom('penaltyRecords')
          .select(['id', 'subjectId'])
          .where('departmentId', '=', w.department.id)
          .where('documentNumber', '=', r.documentNumber)
          .executeTakeFirstOrThrow();
        r.id = created.id;
      }
      if (r.subjectId === null) {
        const created = await db
          .selectFrom('penaltyRecords')
          .select('subjectId')
          .where('id', '=', r.id)
          .executeTakeFirstOrThrow();
        r.subjectId = created.subjectId;
      }
      return;
    }
    case 'importOtherParty': {
      const summary = await importCsv(w, m, [
        row(r, m, m.facts, {
          CF_XDR_MC: `乐山市${cjk(r.n)}另一家商贸有限公司`,
          CF_XDR_SHXYM: companyUscc(r.n + 500_000),
        }),
      ]);
      assert.equal(summary.errorRows, 1, 'a re-import naming another party is refused');
      assert.equal(summary.created + summary.updated + summary.unchanged, 0);
      assert.ok(summary.errors[0]!.message.includes(expectMessage(expected)), summary.errors[0]!.message);
      return;
    }
    case 'pushForeign': {
      const answer = await push(w, r, m, [row(r, m, m.facts, { CF_CFJG: '乐山市生态环境局' })]);
      assert.equal(answer.rejected, 1, 'a push in another authority’s name is refused');
      assert.equal(answer.results[0]!.status, 'rejected');
      assert.equal(answer.results[0]!.errors![0]!.field, 'CF_CFJG');
      assert.ok(answer.results[0]!.errors![0]!.message.includes(expectMessage(expected)));
      return;
    }
    case 'correct': {
      const work = correctPenalty(
        db,
        w.staff,
        { id: r.id!, violationFacts: pick(CORRECTIONS, op.text), reason: '核对决定书后更正。' },
        today,
      );
      return expected.kind === 'refused' ? refused(work, expected.message) : void (await work);
    }
    case 'withdraw': {
      const work = withdrawRecord(db, w.staff, { kind: 'penalty', id: r.id!, reason: '经行政复议撤销。' }, today);
      return expected.kind === 'refused' ? refused(work, expected.message) : void (await work);
    }
    case 'objection': {
      const work = submit(db, objectionInput(r.id!), today);
      if (expected.kind === 'refused') return refused(work, expected.message);
      const filed = await work;
      const app = await appByTracking(db, filed.trackingNumber);
      await acceptApplication(db, w.staff, { id: app.id, version: app.version }, today);
      r.objections.push({ trackingNumber: filed.trackingNumber, queryCode: filed.queryCode });
      return;
    }
    case 'decide': {
      const decision = expected.kind === 'done' ? expected.decision! : null;
      assert.ok(decision, 'a decision on an open application is never refused');
      if (decision === 'uphold' || decision === 'amend') {
        const app = await appByTracking(db, r.complaint!.trackingNumber);
        await decideApplication(
          db,
          w.officer,
          {
            id: app.id,
            version: app.version,
            decision,
            reasons: decision === 'uphold' ? '维持原答复。' : '原答复有误，予以改正。',
          },
          today,
        );
        r.complaint = null;
        return;
      }
      const objection = r.objections.shift()!;
      const app = await appByTracking(db, objection.trackingNumber);
      await decideApplication(
        db,
        w.staff,
        {
          id: app.id,
          version: app.version,
          decision,
          reasons: decision === 'reject' ? '经核查，处罚信息与决定书一致。' : '经核查，异议成立。',
          ...(decision === 'correct' ? { corrections: { violationFacts: pick(CORRECTIONS, op.text) } } : {}),
        },
        today,
      );
      r.rejected = decision === 'reject' ? objection : null;
      return;
    }
    case 'complaint': {
      const work = submit(
        db,
        objectionInput(r.id!, {
          kind: 'complaint',
          record: undefined,
          parentTrackingNumber: r.rejected!.trackingNumber,
          parentQueryCode: r.rejected!.queryCode,
          reasonCategory: '异议答复理由不充分',
        }),
        today,
      );
      r.rejected = null;
      if (expected.kind === 'refused') return refused(work, expected.message);
      const filed = await work;
      const app = await appByTracking(db, filed.trackingNumber);
      if (op.accept) {
        await acceptApplication(db, w.officer, { id: app.id, version: app.version }, today);
        r.complaint = { trackingNumber: filed.trackingNumber };
      } else {
        await refuseApplication(
          db,
          w.officer,
          { id: app.id, version: app.version, reasons: '不属于投诉受理范围。' },
          today,
        );
      }
      return;
    }
    case 'repair': {
      const work = submit(db, objectionInput(r.id!, { kind: 'repair', reasonCategory: '已履行行政处罚决定' }), today);
      if (expected.kind === 'refused') return refused(work, expected.message);
      const filed = await work;
      let app = await appByTracking(db, filed.trackingNumber);
      await acceptApplication(db, w.staff, { id: app.id, version: app.version }, today);
      app = await appByTracking(db, filed.trackingNumber);
      await decideApplication(
        db,
        w.staff,
        {
          id: app.id,
          version: app.version,
          decision: op.approve ? 'approve_repair' : 'deny_repair',
          reasons: op.approve ? '已履行处罚决定并完成整改。' : '整改证明材料不足。',
        },
        today,
      );
      return;
    }
    case 'days':
    case 'jump':
      await runLifecycle(db, today);
      return;
  }
}

function expectMessage(e: Expectation): string {
  assert.equal(e.kind, 'refused');
  return e.kind === 'refused' ? e.message : '';
}

// ------------------------------------------------------------------ observing the public state

const canonAmount = (v: unknown) => (v === null || v === undefined ? null : String(v).replace(/\.?0+$/, ''));

async function observe(w: World, r: Record_, m: Model) {
  const db = w.db;
  if (r.id === null) return;
  const stored = await db.selectFrom('penaltyRecords').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
  assert.deepEqual(
    {
      status: stored.status,
      subjectId: stored.subjectId,
      publicFrom: stored.publicFrom,
      publicUntil: stored.publicUntil,
      earliestRepairOn: stored.earliestRepairOn,
      repairableEarly: stored.repairableEarly,
      suspendedDays: stored.suspendedDays,
      suspendedSince: stored.suspendedSince,
      violationFacts: stored.violationFacts,
      content: stored.content,
      fineAmount: canonAmount(stored.fineAmount),
      remarks: stored.remarks,
    },
    {
      status: m.status,
      subjectId: r.subjectId,
      publicFrom: m.decisionDate,
      publicUntil: publicUntil(m),
      earliestRepairOn: earliestRepairOn(m),
      repairableEarly: repairableEarly(m),
      suspendedDays: m.suspendedDays,
      suspendedSince: m.suspendedSince,
      violationFacts: violationFacts(m),
      content: pick(CONTENTS, m.facts.content),
      fineAmount: pick(FINES, m.facts.fine),
      remarks: pick(REMARKS, m.facts.remarks) || null,
    },
    'the stored record',
  );

  const audits = await db
    .selectFrom('auditLog')
    .select('action')
    .where('entityType', '=', 'penalty_record')
    .where('entityId', '=', String(r.id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    m.audits,
    'the audit trail of the record',
  );

  const visible = isPublic(m);
  const suspended = m.status === 'suspended';

  // The API's answer about the subject (what approval systems and re-users read).
  const res = await apiFetch(db, m.today, r.now)(`${BASE}/api/v1/subjects/${r.uscc}`);
  assert.equal(res.status, 200, `GET /api/v1/subjects/${r.uscc} answered ${res.status}`);
  const subject = (await res.json()) as { penalties: Record<string, unknown>[] };
  const listed = subject.penalties.filter((p) => p.id === r.id);
  assert.equal(listed.length, visible ? 1 : 0, `the API lists the penalty iff it is public (${m.today})`);
  if (visible)
    assert.deepEqual(
      {
        CF_GSJZQ: listed[0]!.CF_GSJZQ,
        earliest_repair_on: listed[0]!.earliest_repair_on,
        suspended: listed[0]!.suspended,
        CF_SY: listed[0]!.CF_SY,
        CF_NR: listed[0]!.CF_NR,
        CF_XDR_SHXYM: listed[0]!.CF_XDR_SHXYM,
      },
      {
        CF_GSJZQ: suspended ? null : publicUntil(m),
        earliest_repair_on: repairableEarly(m) ? earliestRepairOn(m) : null,
        suspended,
        CF_SY: violationFacts(m),
        CF_NR: pick(CONTENTS, m.facts.content),
        CF_XDR_SHXYM: r.uscc,
      },
      'the API’s penalty',
    );

  // The record's page.
  const page = await getPublicPenalty(db, m.today, r.id);
  assert.equal(page !== null, visible, `the record page exists iff the penalty is public (${m.today})`);
  if (page)
    assert.deepEqual(
      {
        publicUntil: page.publicUntil,
        earliestRepairOn: page.earliestRepairOn,
        suspended: page.suspended,
        suspensionNote: page.suspensionNote,
        badges: page.badges.includes('异议处理中'),
      },
      {
        publicUntil: publicUntil(m),
        earliestRepairOn: repairableEarly(m) ? earliestRepairOn(m) : null,
        suspended,
        suspensionNote: suspensionNote(m),
        badges: suspended,
      },
      'the record page',
    );

  // Search, by the subject's name.
  const found = await createCaller({ db, today: m.today }).search.query({ q: r.name, kinds: ['penalty'] });
  const hit = found.hits.find((h) => h.docId === `penalty:${r.id}`);
  assert.equal(hit !== undefined, visible, `search finds the penalty iff it is public (${m.today})`);
  if (hit) assert.equal(hit.display.badges.includes('异议处理中'), suspended, 'search marks a suspended penalty');
}

// ------------------------------------------------------------------ one sequence

export interface RunStats {
  sequences: number;
  steps: number;
  skipped: number;
  /** How often each operation ran with each answer ("objection: done", "repair: refused (…)"). */
  outcomes: Record<string, number>;
  /** How many sequences ended in each public status. */
  finalStatus: Record<string, number>;
}

export const emptyStats = (): RunStats => ({ sequences: 0, steps: 0, skipped: 0, outcomes: {}, finalStatus: {} });

export async function runSequence(w: World, seq: Sequence, stats?: RunStats): Promise<void> {
  serial += 1;
  const n = 200_000 + serial;
  const decisionDate = plusDays('2025-07-01', seq.decisionOffset);
  const m = initialModel(seq.variant, decisionDate, plusDays(decisionDate, seq.firstDayOffset), seq.first);
  const r: Record_ = {
    n,
    name: `乐山市${cjk(n)}号商贸有限公司`,
    uscc: companyUscc(n),
    documentNumber: `乐市监罚〔2025〕模${n}号`,
    now: new Date(Date.UTC(2030, 0, 1) + serial * RATE_WINDOW_MS),
    id: null,
    subjectId: null,
    objections: [],
    rejected: null,
    complaint: null,
  };
  const ops: Op[] = [{ op: 'import', via: seq.firstVia, facts: seq.first }, ...seq.ops];
  for (const [i, op] of ops.entries()) {
    const before: Model = structuredClone(m);
    try {
      const outcome = await execute(w, r, m, op);
      if (stats) {
        if (outcome.endsWith('skipped')) stats.skipped += 1;
        stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
      }
      await observe(w, r, m);
    } catch (err) {
      const where = `step ${i + 1} of ${ops.length} (${JSON.stringify(op)}) on ${m.today}; model before: ${JSON.stringify(before)}; model after: ${JSON.stringify(m)}`;
      if (err instanceof Error) err.message = `${err.message}\n  at ${where}`;
      throw err;
    }
    if (stats) stats.steps += 1;
  }
  if (stats) {
    stats.sequences += 1;
    const status = publicStatus(m);
    stats.finalStatus[status] = (stats.finalStatus[status] ?? 0) + 1;
  }
}

/** Runs `runs` generated sequences on `w`; fast-check reports the seed and the shrunk sequence of a failure. */
export async function checkModel(
  w: World,
  options: { runs: number; maxSteps: number; seed?: number },
  stats?: RunStats,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(sequenceArb(options.maxSteps), (seq) => runSequence(w, seq, stats)),
    { numRuns: options.runs, ...(options.seed === undefined ? {} : { seed: options.seed }), endOnFailure: false },
  );
}
