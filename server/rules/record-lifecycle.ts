// Every change to a public record, as one pure rule (SPEC §3, §4, §6): the record's current
// state and a change (publish, re-import, correct, suspend, resume, withdraw, repair, expire)
// give the columns to write and the events it causes — or a refusal in Chinese. The one
// writer (server/records/writer.ts) applies the answer; no other code decides record state.

import type { CreditDomain, ListEntryStatus, PenaltyCategory, RecordStatus, Severity } from './codes';
import { creditDomainOf } from './credit-domain';
import { formatDate } from './format';
import { addDays, compareDates, daysBetween, type IsoDate } from './dates';
import { normalizeName } from './normalize';
import { NEVER_EARLY_REPAIR_CATEGORIES, addDuration, publicationPeriod, ruleFor } from './periods';
import { addWorkdays } from './workdays';

export type RecordKind = 'penalty' | 'licensing' | 'list_entry';

/** A complaint filed within this many working days after an objection's rejection keeps the suspension continuous (SPEC §6). */
export const COMPLAINT_WINDOW_WORKDAYS = 15;

/** The record's state as far as the rule needs it (a penalty row; licences and list entries use a subset). */
export interface PenaltyState {
  subjectId: number;
  status: RecordStatus;
  decisionDate: IsoDate;
  publicUntil: IsoDate;
  earliestRepairOn: IsoDate;
  repairableEarly: boolean;
  suspendedSince: IsoDate | null;
  suspendedDays: number;
  decidedCorrections: Readonly<Record<string, string>>;
}
export interface LicensingState {
  subjectId: number;
  status: RecordStatus;
}
export interface ListEntryState {
  status: ListEntryStatus;
  validUntil: IsoDate;
  suspendedSince: IsoDate | null;
  suspendedDays: number;
}

/** Penalty fields a correction may change (an upheld objection or the staff form). */
export const CORRECTABLE_PENALTY_FIELDS = ['violationFacts', 'content', 'legalBasis'] as const;
export type PenaltyCorrections = Partial<Record<(typeof CORRECTABLE_PENALTY_FIELDS)[number], string>>;

export type RecordChange =
  /** An objection or complaint is handled: punishment is suspended from `since` (default: `on`). */
  | { type: 'suspend'; on: IsoDate; since?: IsoDate }
  /**
   * The objection was rejected or the complaint decided: the period resumes, both bounds move by
   * the suspended days. With `othersHandled` (another objection or complaint about the record is
   * still being handled) punishment stays suspended until the last of them is decided (SPEC §6).
   */
  | { type: 'resume'; on: IsoDate; othersHandled?: boolean }
  /** Facts corrected by an upheld objection or by the department's form; a re-import never undoes them. */
  | { type: 'correct'; on: IsoDate; fields: PenaltyCorrections }
  | { type: 'withdraw'; on: IsoDate; reason: string }
  /** A list entry taken off before its end by its department. */
  | { type: 'remove'; on: IsoDate; reason: string }
  | { type: 'repair'; on: IsoDate; reason: string }
  | { type: 'expire'; on: IsoDate };

/** What happened, for subscribers of the writer (joint-action tasks, webhooks: issue 14). */
export type RecordEventName =
  'published' | 'updated' | 'suspended' | 'resumed' | 'corrected' | 'withdrawn' | 'removed' | 'repaired' | 'expired';

export type Decision =
  | { ok: true; set: Record<string, unknown>; events: RecordEventName[]; warnings: string[] }
  /** `conflict`: the record's state already answers the change (e.g. withdrawn twice). */
  | { ok: false; refusal: string; conflict?: boolean };

const refuse = (refusal: string, conflict = false): Decision => ({ ok: false, refusal, conflict });
const accept = (set: Record<string, unknown>, events: RecordEventName[] = [], warnings: string[] = []): Decision => ({
  ok: true,
  set,
  events,
  warnings,
});
const NOTHING = accept({});

const STATUS_REFUSALS: Partial<Record<RecordStatus | ListEntryStatus, string>> = {
  withdrawn: '该信息已撤销。',
  repaired: '该信息已信用修复，停止公示。',
  removed: '该名单信息已移出。',
  expired: '该名单信息已到期。',
};

/** The days from `since` to `on` (never negative) and the date moved by them. */
export function suspendedSpan(since: IsoDate, on: IsoDate): number {
  return Math.max(0, daysBetween(since, on));
}

/** The sentence the record page shows when suspension moved its end date (SPEC §6). */
export function suspensionNote(suspendedDays: number): string | null {
  return suspendedDays > 0 ? `因异议处理暂停 ${suspendedDays} 天，相应顺延` : null;
}

/** Last day a complaint keeps an objection's suspension continuous. */
export function complaintWindowEnd(rejectedOn: IsoDate): IsoDate {
  return addWorkdays(rejectedOn, COMPLAINT_WINDOW_WORKDAYS);
}

/** A change to a penalty. */
export function decidePenaltyChange(state: PenaltyState, change: RecordChange): Decision {
  const settled = STATUS_REFUSALS[state.status];
  switch (change.type) {
    case 'suspend':
      if (state.status !== 'published') return NOTHING;
      return accept({ status: 'suspended', suspendedSince: change.since ?? change.on }, ['suspended']);
    case 'resume': {
      if (state.status !== 'suspended' || !state.suspendedSince || change.othersHandled) return NOTHING;
      const days = suspendedSpan(state.suspendedSince, change.on);
      return accept(
        {
          status: 'published',
          suspendedSince: null,
          suspendedDays: state.suspendedDays + days,
          publicUntil: addDays(state.publicUntil, days),
          earliestRepairOn: addDays(state.earliestRepairOn, days),
        },
        ['resumed'],
      );
    }
    case 'correct': {
      if (settled) return refuse(`${settled}不能更正。`, true);
      const fields = cleanCorrections(change.fields);
      if (Object.keys(fields).length === 0) return refuse('请至少填写一项更正后的内容。');
      return accept({ ...fields, decidedCorrections: { ...state.decidedCorrections, ...fields } }, ['corrected']);
    }
    case 'withdraw':
      if (state.status === 'withdrawn') return refuse('该信息已撤销。', true);
      return accept(
        { status: 'withdrawn', suspendedSince: null, withdrawnOn: change.on, withdrawalReason: change.reason },
        ['withdrawn'],
      );
    case 'repair':
      if (settled) return refuse(settled, true);
      if (!state.repairableEarly)
        return refuse(`该处罚不得提前修复，须公示期满（${formatDate(state.publicUntil)}）后自动停止公示。`);
      if (compareDates(change.on, state.earliestRepairOn) < 0)
        return refuse(`最短公示期未满（${formatDate(state.earliestRepairOn)}），不能准予修复。`);
      return accept({ status: 'repaired', suspendedSince: null, repairedOn: change.on }, ['repaired']);
    case 'expire':
      // A penalty leaves public pages by itself at publicUntil; expiry only records it.
      return state.status === 'published' && compareDates(state.publicUntil, change.on) <= 0
        ? accept({}, ['expired'])
        : NOTHING;
    case 'remove':
      return refuse('行政处罚信息只能撤销，不能移出。');
  }
}

/** A change to a licence: suspended while an objection is handled, never moved in time. */
export function decideLicensingChange(state: LicensingState, change: RecordChange): Decision {
  switch (change.type) {
    case 'suspend':
      return state.status === 'published' ? accept({ status: 'suspended' }, ['suspended']) : NOTHING;
    case 'resume':
      return state.status === 'suspended' && !change.othersHandled
        ? accept({ status: 'published' }, ['resumed'])
        : NOTHING;
    case 'withdraw':
      if (state.status === 'withdrawn') return refuse('该信息已撤销。', true);
      return accept({ status: 'withdrawn', withdrawnOn: change.on, withdrawalReason: change.reason }, ['withdrawn']);
    case 'correct':
      if (state.status === 'withdrawn') return refuse('该行政许可已撤销，不能更正。', true);
      return accept({ ...change.fields }, ['corrected']);
    case 'expire':
      return accept({}, ['expired']);
    case 'repair':
    case 'remove':
      return refuse('行政许可信息不适用信用修复或移出。');
  }
}

/** A change to a list entry (red or black list). */
export function decideListEntryChange(state: ListEntryState, change: RecordChange): Decision {
  const inForce = state.status === 'active' || state.status === 'suspended';
  switch (change.type) {
    case 'suspend':
      if (state.status !== 'active') return NOTHING;
      return accept({ status: 'suspended', suspendedSince: change.since ?? change.on }, ['suspended']);
    case 'resume': {
      if (state.status !== 'suspended' || !state.suspendedSince || change.othersHandled) return NOTHING;
      const days = suspendedSpan(state.suspendedSince, change.on);
      return accept(
        {
          status: 'active',
          suspendedSince: null,
          suspendedDays: state.suspendedDays + days,
          validUntil: addDays(state.validUntil, days),
        },
        ['resumed'],
      );
    }
    case 'withdraw':
    case 'remove':
      if (state.status === 'removed') return refuse('该名单信息已移出。', true);
      if (!inForce && change.type === 'withdraw') return NOTHING;
      return accept(
        {
          status: 'removed',
          suspendedSince: null,
          removedOn: change.on,
          removalReason: change.type === 'withdraw' ? `所依据的信息已撤销：${change.reason}` : change.reason,
        },
        ['removed'],
      );
    case 'repair':
      if (!inForce) return NOTHING;
      return accept(
        { status: 'repaired', suspendedSince: null, removedOn: change.on, removalReason: `信用修复：${change.reason}` },
        ['repaired'],
      );
    case 'expire':
      return state.status === 'active' && compareDates(state.validUntil, change.on) < 0
        ? accept({ status: 'expired' }, ['expired'])
        : NOTHING;
    case 'correct':
      if (state.status === 'removed') return refuse('该名单信息已移出，不能更正。', true);
      return accept({ ...change.fields }, ['corrected']);
  }
}

export function decideChange(
  kind: RecordKind,
  state: PenaltyState | LicensingState | ListEntryState,
  change: RecordChange,
): Decision {
  if (kind === 'penalty') return decidePenaltyChange(state as PenaltyState, change);
  if (kind === 'licensing') return decideLicensingChange(state as LicensingState, change);
  return decideListEntryChange(state as ListEntryState, change);
}

/** What a change to a penalty does to the list entries resting on it. */
export function cascadeToListEntries(change: RecordChange): RecordChange | null {
  switch (change.type) {
    case 'suspend':
    case 'resume':
    case 'withdraw':
    case 'repair':
      return change;
    default:
      return null;
  }
}

function cleanCorrections(fields: PenaltyCorrections): PenaltyCorrections {
  const out: PenaltyCorrections = {};
  for (const k of CORRECTABLE_PENALTY_FIELDS) {
    const v = fields[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

// ------------------------------------------------------------------ who may publish what

export interface PublishingDepartment {
  name: string;
  shortName?: string | null;
  uscc: string;
}
export interface RegisteredUnit {
  name: string;
  uscc: string | null;
}

export type AuthorityCheck =
  { ok: true; authorityName: string; authorityCode: string; warning: string | null } | { ok: false; refusal: string };

/**
 * 谁决定、谁公示 (SPEC §3): the row's authority must be the department itself or a sub-unit the
 * office registered for it; a code that differs from the one on file is replaced by it, with a warning.
 */
export function checkAuthority(
  kind: 'penalty' | 'licensing',
  row: { authorityName: string; authorityCode: string },
  department: PublishingDepartment,
  units: readonly RegisteredUnit[],
): AuthorityCheck {
  const [nameField, codeField] =
    kind === 'penalty' ? ['处罚机关（CF_CFJG）', 'CF_CFJGDM'] : ['许可机关（XK_XKJG）', 'XK_XKJGDM'];
  const wanted = normalizeName(row.authorityName);
  const own = [department.name, department.shortName ?? ''].filter(Boolean).some((n) => normalizeName(n) === wanted);
  const unit = own ? undefined : units.find((u) => normalizeName(u.name) === wanted);
  if (!own && !unit) {
    return {
      ok: false,
      refusal: `${nameField}“${row.authorityName}”不是本部门（${department.name}），也不是市联席会议办公室为本部门登记的下属单位：各部门只能公示本部门作出的决定`,
    };
  }
  const onFile = own ? department.uscc : (unit!.uscc ?? row.authorityCode);
  return {
    ok: true,
    authorityName: own ? department.name : unit!.name,
    authorityCode: onFile,
    warning:
      onFile !== row.authorityCode
        ? `机关代码（${codeField}）“${row.authorityCode}”与登记的“${onFile}”不一致，已按登记的代码公示`
        : null,
  };
}

/**
 * The party must be the subject of its code (SPEC §3): the row's name, normalised (§2), must be
 * the subject's current name or a name it carried before; otherwise the row is refused.
 */
export function checkParty(
  rowName: string,
  subject: { name: string; formerNames: readonly string[] },
  codeField: string,
): { ok: true } | { ok: false; refusal: string } {
  const wanted = normalizeName(rowName);
  if ([subject.name, ...subject.formerNames].some((n) => normalizeName(n) === wanted)) return { ok: true };
  return {
    ok: false,
    refusal: `行政相对人名称“${rowName}”与${codeField}所登记的主体“${subject.name}”（含曾用名）不符，请核对名称与代码`,
  };
}

// ------------------------------------------------------------------ publish and re-import

export interface PenaltyFacts {
  decisionDate: IsoDate;
  severity: Severity;
  categories: readonly PenaltyCategory[];
  legalBasis: string;
  requestedPublicUntil: IsoDate | null;
  /** Explicit publication of a minor penalty (the form); files follow the default. */
  publish?: boolean;
  /** A domain the department stated (the form); otherwise derived from department and legal basis. */
  domain?: CreditDomain;
}

export interface PenaltyPeriodColumns {
  domain: CreditDomain | null;
  publicFrom: IsoDate;
  earliestRepairOn: IsoDate;
  publicUntil: IsoDate;
  periodRuleId: string;
  repairableEarly: boolean;
  published: boolean;
}

/**
 * Domain and period of a penalty from its facts (SPEC §3, §4). When the domain cannot be told
 * and a category is one of the never-early ones, the penalty is not repairable early and stays
 * public for the full maximum, with a warning naming the row.
 */
export function penaltyPeriodFromFacts(
  facts: PenaltyFacts,
  departmentName: string,
  rowLabel: string | null = null,
): PenaltyPeriodColumns & { warnings: string[] } {
  const domain = facts.domain ?? creditDomainOf({ departmentName, legalBasis: facts.legalBasis });
  const period = publicationPeriod({
    decisionDate: facts.decisionDate,
    severity: facts.severity,
    categories: facts.categories,
    domain,
    requestedPublicUntil: facts.requestedPublicUntil,
    ...(facts.publish === undefined ? {} : { publish: facts.publish }),
  });
  const warnings = [...period.warnings];
  const neverEarlyCategories = facts.categories.filter((c) => NEVER_EARLY_REPAIR_CATEGORIES.includes(c));
  if (domain === null && neverEarlyCategories.length > 0) {
    const maximum = addDuration(facts.decisionDate, ruleFor(facts.decisionDate).periods[facts.severity].max);
    warnings.push(
      `${rowLabel ?? ''}无法从处罚依据（CF_YJ）和部门判断所属领域，“${neverEarlyCategories.join('、')}”按不得提前修复公示至${maximum}，请核对处罚依据`,
    );
    return {
      domain,
      publicFrom: period.publicFrom,
      earliestRepairOn: maximum,
      publicUntil: maximum,
      periodRuleId: period.ruleId,
      repairableEarly: false,
      published: period.published,
      warnings,
    };
  }
  return {
    domain,
    publicFrom: period.publicFrom,
    earliestRepairOn: period.earliestRepair,
    publicUntil: period.publicUntil,
    periodRuleId: period.ruleId,
    repairableEarly: period.repairableEarly,
    published: period.published,
    warnings,
  };
}

/** The stored state a re-import must respect. */
export interface StoredRecord {
  subjectId: number;
  subjectName: string;
  status: RecordStatus;
  suspendedDays?: number;
  decidedCorrections?: Readonly<Record<string, string>> | null;
  reportedAt: Date | string;
}

export type ImportDecision =
  | {
      ok: true;
      /** Every column of the row (empty cells as null), with what the portal decided kept. */
      columns: Record<string, unknown>;
      events: RecordEventName[];
      warnings: string[];
    }
  | { ok: false; refusal: string };

const startOfDay = (d: IsoDate) => new Date(`${d}T00:00:00+08:00`);
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/**
 * A row of a file (or of the push API) for a record that may exist already (SPEC §3): facts
 * update and the period is recomputed from them; suspended days, a correction, a withdrawal, a
 * repair stay; a different party is refused; reported_at is never before the decision date.
 * `columns` are the row's columns (every optional column present, null when the cell is empty).
 */
export function decideImport(
  kind: 'penalty' | 'licensing',
  existing: StoredRecord | null,
  incoming: {
    subjectId: number;
    subjectName: string;
    documentNumber: string;
    columns: Record<string, unknown>;
    facts: PenaltyFacts | null;
  },
  ctx: { departmentName: string; now: Date; rowLabel?: string },
): ImportDecision {
  if (existing && existing.subjectId !== incoming.subjectId) {
    return {
      ok: false,
      refusal: `文书号“${incoming.documentNumber}”已公示于另一当事人“${existing.subjectName}”名下，不能改为“${incoming.subjectName}”：更换当事人须由本部门在后台以更正办理并说明理由`,
    };
  }
  const columns: Record<string, unknown> = { ...incoming.columns };
  const warnings: string[] = [];
  const decisionDate = String(columns.decisionDate);
  columns.reportedAt = later(existing ? new Date(existing.reportedAt) : ctx.now, startOfDay(decisionDate));
  const settled = existing && existing.status !== 'published' && existing.status !== 'unpublished';
  if (kind === 'penalty' && incoming.facts) {
    const corrections = existing?.decidedCorrections ?? {};
    for (const k of CORRECTABLE_PENALTY_FIELDS) if (corrections[k]) columns[k] = corrections[k];
    const facts = { ...incoming.facts, legalBasis: String(columns.legalBasis) };
    const period = penaltyPeriodFromFacts(facts, ctx.departmentName, ctx.rowLabel ?? null);
    warnings.push(...period.warnings);
    const moved = existing?.suspendedDays ?? 0;
    Object.assign(columns, {
      domain: period.domain,
      summaryProcedure: false,
      publicFrom: period.publicFrom,
      publicUntil: addDays(period.publicUntil, moved),
      earliestRepairOn: addDays(period.earliestRepairOn, moved),
      periodRuleId: period.periodRuleId,
      repairableEarly: period.repairableEarly,
      status: settled ? existing.status : period.published ? 'published' : 'unpublished',
    });
  } else {
    columns.status = settled ? existing.status : 'published';
  }
  const events: RecordEventName[] = existing ? [] : columns.status === 'published' ? ['published'] : [];
  if (existing) events.push('updated');
  return { ok: true, columns, events, warnings };
}

/** A complaint continues the objection's suspension from its rejection when filed within the window (SPEC §6). */
export function complaintSuspendsFrom(objection: { rejectedOn: IsoDate | null }, filedOn: IsoDate): IsoDate {
  if (objection.rejectedOn && compareDates(filedOn, complaintWindowEnd(objection.rejectedOn)) <= 0)
    return objection.rejectedOn;
  return filedOn;
}
