// A pure reference model of ONE penalty record's public state (SPEC §3, §4, §6), for the
// model-based test in model.test.ts. It is written from the specification, independently of
// server/rules: its own date arithmetic, its own periods table, its own suspension rules.
// Nothing here touches a database.

export type IsoDate = string;

// ------------------------------------------------------------------ dates (UTC, no library)

const toUtc = (d: IsoDate) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day);
};
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export function plusDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

export function daysFrom(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Calendar months later; a day past the target month's end is clamped to its last day. */
export function plusMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(ty, tm, Math.min(day, last)));
}

// ------------------------------------------------------------------ the record's kinds

/**
 * The three penalties a sequence may be about, all under 《食品安全法》 (domain 食品药品):
 * - `fine` 罚款 — general: repair after 3 months, public for 1 year;
 * - `closure` 责令关闭 — serious but repairable early: repair after 1 year, public for 3 years;
 * - `revocation` 吊销许可证件 — serious and never repaired early in 食品药品: public for the full 3 years.
 */
export type Variant = 'fine' | 'closure' | 'revocation';

export const VARIANTS: Record<Variant, { category: string; minMonths: number; maxMonths: number; early: boolean }> = {
  fine: { category: '罚款', minMonths: 3, maxMonths: 12, early: true },
  closure: { category: '责令关闭', minMonths: 12, maxMonths: 36, early: true },
  revocation: { category: '吊销许可证件', minMonths: 36, maxMonths: 36, early: false },
};

/** Alternative texts the generated operations choose from (by index). */
export const CONTENTS = ['罚款人民币五千元', '罚款人民币六千元', '罚款人民币八千元并没收违法所得'] as const;
export const FINES = ['0.5', '0.6', '0.8'] as const;
export const FACTS = [
  '当事人货架上摆放待售的饼干已超过保质期。',
  '当事人经营的散装熟食未标明生产日期。',
  '当事人冷库内存放的冻肉已超过保质期。',
] as const;
export const REMARKS = ['', '首次报送', '补充报送'] as const;
export const CORRECTIONS = [
  '经复核，当事人待售的饼干中有两箱超过保质期。',
  '经复核，超过保质期的食品尚未实际销售。',
  '经复核，违法事实以决定书附件为准。',
] as const;

/** The i-th alternative (generators only give valid indexes). */
export function pick(xs: readonly string[], i: number): string {
  const v = xs[i];
  if (v === undefined) throw new RangeError(`no alternative ${i}`);
  return v;
}

export interface Facts {
  content: number;
  fine: number;
  facts: number;
  remarks: number;
}

// ------------------------------------------------------------------ operations

export type Op =
  /** `variant`: the re-import changes 处罚类别 (severity and period are recomputed from it, SPEC §3). */
  | { op: 'import'; via: 'file' | 'api'; facts: Facts; variant?: Variant }
  | { op: 'importOtherParty' }
  | { op: 'pushForeign' }
  | { op: 'correct'; text: number }
  | { op: 'withdraw' }
  | { op: 'objection' }
  /** The department decides the open objection, or the office the open complaint (`choice` picks the decision). */
  | { op: 'decide'; choice: number; text: number }
  | { op: 'complaint'; accept: boolean }
  | { op: 'repair'; approve: boolean }
  | { op: 'days'; n: number }
  /** Days pass up to a boundary of the record: the day before or the day of its publicUntil or earliest repair date. */
  | { op: 'jump'; to: 'publicUntil' | 'earliestRepair'; offset: -1 | 0 };

export type DbStatus = 'published' | 'suspended' | 'withdrawn' | 'repaired';
/** What the public sees: `expired` is a published record at or past its publicUntil (SPEC §4). */
export type PublicStatus = DbStatus | 'expired';

export interface Model {
  today: IsoDate;
  variant: Variant;
  decisionDate: IsoDate;
  /** False until the first import. */
  exists: boolean;
  status: DbStatus;
  suspendedSince: IsoDate | null;
  suspendedDays: number;
  facts: Facts;
  /** A correction decided by the portal (staff form or upheld objection); re-imports keep it. */
  correctedFacts: string | null;
  /** The lifecycle job recorded the end of publication (once). */
  endRecorded: boolean;
  /** Audit actions the record must have, in order. */
  audits: string[];
  // The applications in flight (at most one objection and one complaint at a time).
  /** Objections accepted and not yet decided (at most MAX_OPEN_OBJECTIONS), decided oldest first. */
  openObjections: number;
  /** The day the last objection was rejected, while no complaint was filed against it. */
  complaintableSince: IsoDate | null;
  openComplaint: boolean;
}

export function initialModel(variant: Variant, decisionDate: IsoDate, today: IsoDate, facts: Facts): Model {
  return {
    today,
    variant,
    decisionDate,
    exists: false,
    status: 'published',
    suspendedSince: null,
    suspendedDays: 0,
    facts,
    correctedFacts: null,
    endRecorded: false,
    audits: [],
    openObjections: 0,
    complaintableSince: null,
    openComplaint: false,
  };
}

// ------------------------------------------------------------------ derived public state

export const publicFrom = (m: Model) => m.decisionDate;
export const repairableEarly = (m: Model) => VARIANTS[m.variant].early;
/** The end of publication: the maximum period, moved later by every completed suspension (SPEC §6). */
export const publicUntil = (m: Model) =>
  plusDays(plusMonths(m.decisionDate, VARIANTS[m.variant].maxMonths), m.suspendedDays);
/** The earliest day a repair can take effect, moved by the same days. */
export const earliestRepairOn = (m: Model) =>
  plusDays(plusMonths(m.decisionDate, VARIANTS[m.variant].minMonths), m.suspendedDays);

export function publicStatus(m: Model): PublicStatus {
  return m.status === 'published' && m.today >= publicUntil(m) ? 'expired' : m.status;
}

/** On public pages, in search and in the API today (a suspended record stays, marked 异议处理中). */
export function isPublic(m: Model): boolean {
  const s = publicStatus(m);
  return m.exists && m.decisionDate <= m.today && (s === 'published' || s === 'suspended');
}

export const violationFacts = (m: Model) => m.correctedFacts ?? pick(FACTS, m.facts.facts);
export const suspensionNote = (m: Model) =>
  m.suspendedDays > 0 ? `因异议处理暂停 ${m.suspendedDays} 天，相应顺延` : null;

// ------------------------------------------------------------------ transitions

/** What the operation should do: refused (with a Chinese fragment of the reason) or accepted; `skip` = not applicable now. */
export type Expectation =
  | { kind: 'skip' }
  | { kind: 'refused'; message: string }
  | {
      kind: 'done';
      outcome?: 'created' | 'updated' | 'unchanged';
      decision?: Decision;
      continuesSuspension?: boolean;
    };

/** The decisions of the application service (server/rules/applications.ts names them so). */
export type Decision = 'reject' | 'correct' | 'revoke' | 'uphold' | 'amend';
const OBJECTION_DECISIONS = ['reject', 'reject', 'correct', 'revoke'] as const;
const COMPLAINT_DECISIONS = ['uphold', 'uphold', 'amend'] as const;
export const DECISION_CHOICES = 4;

/** The decision `choice` stands for on the application now open, or null when none is open. */
export function decisionOf(m: Model, choice: number): Decision | null {
  if (m.openComplaint) return COMPLAINT_DECISIONS[choice % COMPLAINT_DECISIONS.length]!;
  if (m.openObjections > 0) return OBJECTION_DECISIONS[choice % OBJECTION_DECISIONS.length]!;
  return null;
}

const settled = (m: Model) => m.status === 'withdrawn' || m.status === 'repaired';

function suspend(m: Model, since: IsoDate) {
  if (m.status !== 'published') return;
  m.status = 'suspended';
  m.suspendedSince = since;
  m.audits.push('penalty.suspend');
}

function resume(m: Model) {
  if (m.status !== 'suspended' || m.suspendedSince === null) return;
  m.suspendedDays += Math.max(0, daysFrom(m.suspendedSince, m.today));
  m.status = 'published';
  m.suspendedSince = null;
  m.audits.push('penalty.resume');
}

function withdraw(m: Model): boolean {
  if (m.status === 'withdrawn') return false;
  m.status = 'withdrawn';
  m.suspendedSince = null;
  m.audits.push('penalty.withdraw');
  return true;
}

function correct(m: Model, text: number): boolean {
  if (settled(m)) return false;
  m.correctedFacts = pick(CORRECTIONS, text);
  m.audits.push('penalty.correct');
  return true;
}

/** The stored, public facts of the record (what a re-import compares). */
const storedFacts = (m: Model) => [
  m.variant,
  pick(CONTENTS, m.facts.content),
  pick(FINES, m.facts.fine),
  violationFacts(m),
  pick(REMARKS, m.facts.remarks),
];

/** Objections a subject may have under way at once in the generated sequences. */
export const MAX_OPEN_OBJECTIONS = 2;

/** The days between a rejection and a complaint that surely lie within 15 working days, and surely beyond. */
const SURELY_WITHIN_DAYS = 14;
const SURELY_BEYOND_DAYS = 45;

/**
 * Applies `op` to the model (mutating it) and says what the system should answer. The
 * caller runs the same operation through the real entry points and compares.
 */
export function step(m: Model, op: Op): Expectation {
  switch (op.op) {
    case 'import': {
      if (!m.exists) {
        m.exists = true;
        m.facts = op.facts;
        if (op.variant) m.variant = op.variant;
        m.audits.push('penalty.import_create');
        return { kind: 'done', outcome: 'created' };
      }
      const before = storedFacts(m).join('|');
      m.facts = op.facts;
      if (op.variant) m.variant = op.variant;
      if (storedFacts(m).join('|') === before) return { kind: 'done', outcome: 'unchanged' };
      m.audits.push('penalty.import_update');
      return { kind: 'done', outcome: 'updated' };
    }
    case 'importOtherParty':
      if (!m.exists) return { kind: 'skip' };
      return { kind: 'refused', message: '另一当事人' };
    case 'pushForeign':
      return { kind: 'refused', message: '不是本部门' };
    case 'correct':
      if (!m.exists) return { kind: 'skip' };
      return correct(m, op.text) ? { kind: 'done' } : { kind: 'refused', message: '不能更正' };
    case 'withdraw':
      if (!m.exists) return { kind: 'skip' };
      return withdraw(m) ? { kind: 'done' } : { kind: 'refused', message: '已撤销' };
    case 'objection':
      if (!m.exists || m.openObjections >= MAX_OPEN_OBJECTIONS || m.openComplaint) return { kind: 'skip' };
      if (!isPublic(m)) return { kind: 'refused', message: '没有找到' };
      m.openObjections += 1;
      m.complaintableSince = null;
      suspend(m, m.today);
      return { kind: 'done' };
    case 'decide': {
      const decision = decisionOf(m, op.choice);
      if (decision === null) return { kind: 'skip' };
      if (decision === 'uphold' || decision === 'amend') {
        m.openComplaint = false;
        if (decision === 'uphold') resume(m);
        else withdraw(m);
        return { kind: 'done', decision };
      }
      m.openObjections -= 1;
      // Joint punishment stays suspended while ANY objection is still being handled (SPEC §6).
      const stillHandled = m.openObjections > 0;
      // A complaint may follow the last decided objection when it was rejected.
      m.complaintableSince = decision === 'reject' ? m.today : null;
      if (decision === 'reject') {
        if (!stillHandled) resume(m);
      } else if (decision === 'correct') {
        if (!stillHandled) resume(m);
        correct(m, op.text);
      } else withdraw(m);
      return { kind: 'done', decision };
    }
    case 'complaint': {
      if (m.complaintableSince === null || m.openObjections > 0 || m.openComplaint) return { kind: 'skip' };
      const gap = daysFrom(m.complaintableSince, m.today);
      if (gap > SURELY_WITHIN_DAYS && gap < SURELY_BEYOND_DAYS) return { kind: 'skip' };
      const rejectedOn = m.complaintableSince;
      // One complaint attempt per rejected objection in the generated sequences.
      m.complaintableSince = null;
      if (!isPublic(m)) return { kind: 'refused', message: '不再公示' };
      // Within the window the suspension is continuous from the rejection (SPEC §6).
      const continues = gap <= SURELY_WITHIN_DAYS && gap > 0;
      if (continues) suspend(m, rejectedOn);
      if (op.accept) {
        m.openComplaint = true;
        suspend(m, m.today);
      } else resume(m);
      return { kind: 'done', continuesSuspension: continues };
    }
    case 'repair':
      if (!m.exists) return { kind: 'skip' };
      if (!isPublic(m)) return { kind: 'refused', message: '没有找到' };
      if (!repairableEarly(m)) return { kind: 'refused', message: '不得提前修复' };
      if (m.today < earliestRepairOn(m)) return { kind: 'refused', message: '最短公示期未满' };
      if (op.approve) {
        m.status = 'repaired';
        m.suspendedSince = null;
        m.audits.push('penalty.repair');
      }
      return { kind: 'done' };
    case 'jump':
    case 'days': {
      const target =
        op.op === 'days'
          ? plusDays(m.today, op.n)
          : plusDays(op.to === 'publicUntil' ? publicUntil(m) : earliestRepairOn(m), op.offset);
      if (target <= m.today) return { kind: 'skip' };
      m.today = target;
      if (m.exists && m.status === 'published' && !m.endRecorded && publicUntil(m) <= m.today) {
        m.endRecorded = true;
        m.audits.push('penalty.expire');
      }
      return { kind: 'done' };
    }
  }
}
