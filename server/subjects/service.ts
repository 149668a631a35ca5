import { createHash, randomBytes } from 'node:crypto';
import { measuresOfEntries } from '../catalog/repository';
import { appliedMeasuresOfEntries } from '../coordination/repository';
import { trimDecimal } from '../standard/fields';
import type { Db } from '../db/client';
import { canonicalJson } from '../rules/canonical-json';
import { LIST_TYPE_LABELS, SEVERITY_LABELS, SUBJECT_KIND_LABELS, type ListType } from '../rules/codes';
import {
  licensingActions,
  listEntryActions,
  penaltyActions,
  type PendingApplications,
  type RecordActions,
} from '../rules/repair-eligibility';
import { formatVerificationCode, newVerificationCode, normalizeVerificationCode } from '../rules/verification-code';
import { reserveAttempt, type RateLimit } from '../rate-limit/service';
import { VERIFY_MISSES_BY_ADDRESS, verifyBuckets } from '../rate-limit/doors';
import { retryWhen } from '../rules/rate-limit';
import { licenceIsExpired } from '../visibility/public';
import {
  publicIdNumber,
  publicRepresentative,
  publicSubjectName,
  recordAction,
  type RecordAction,
  type RecordRefKind,
} from './present';
import * as repo from './repository';
import { movedDatesNotes } from '../applications/moved-dates.service';
import { ownUscc } from '../rules/uscc';

export const PORTAL_NAME = '信用乐山';
export const PORTAL_FULL_NAME = '乐山市公共信用信息服务平台';
/** 有效期至 2099-12-31 means 长期 (SPEC §3). */
const LONG_TERM = '2099-12-31';

/** Wrong verification codes one address may try before /verify pauses it (75-bit codes cannot be guessed anyway). */
export const VERIFY_MISS_LIMIT: RateLimit = VERIFY_MISSES_BY_ADDRESS;

function actionsOf(ref: RecordRefKind, id: number, actions: RecordActions): RecordAction[] {
  const list = [recordAction('objection', ref, id, actions.objection)];
  if (actions.repair) list.push(recordAction('repair', ref, id, actions.repair));
  return list;
}

function pendingFor(
  open: Awaited<ReturnType<typeof repo.openApplications>>,
  column: 'penaltyRecordId' | 'licensingRecordId' | 'listEntryId',
  id: number,
): PendingApplications {
  const mine = open.filter((a) => a[column] === id);
  return { objection: mine.some((a) => a.kind === 'objection'), repair: mine.some((a) => a.kind === 'repair') };
}

/**
 * A subject's credit profile as the public sees it today: only records the visibility predicates
 * allow, natural persons masked, each record with its objection/repair buttons and why they are
 * not available yet. Null when the subject does not exist, or is a natural person with nothing
 * public (a person's existence is not public, only their records are — as in search).
 */
function appliedOf(
  rows: { code: string; measure: string; departmentName: string; appliedOn: string }[],
  person: boolean,
) {
  return {
    count: rows.length,
    measures: person
      ? []
      : rows.map((a) => ({ code: a.code, measure: a.measure, department: a.departmentName, appliedOn: a.appliedOn })),
  };
}

export async function getProfile(db: Db, subjectId: number, today: string) {
  const subject = await repo.findSubject(db, subjectId);
  if (!subject) return null;
  const [licensing, penalties, entries, repairs, open] = await Promise.all([
    repo.publicLicensing(db, subjectId, today),
    repo.publicPenalties(db, subjectId, today),
    repo.listEntriesInForce(db, subjectId, today),
    repo.repairsOf(db, subjectId, today),
    repo.openApplications(db, subjectId),
  ]);
  const person = subject.kind === 'natural_person';
  if (person && licensing.length + penalties.length + entries.length === 0) return null;
  const [measures, applied, movedNotes] = await Promise.all([
    measuresOfEntries(
      db,
      entries.map((e) => e.id),
    ),
    appliedMeasuresOfEntries(
      db,
      subjectId,
      entries.map((e) => e.id),
    ),
    movedDatesNotes(db, penalties),
  ]);

  const uscc = ownUscc(subject.uscc);
  const facts = {
    id: subject.id,
    kind: subject.kind,
    kindLabel: SUBJECT_KIND_LABELS[subject.kind],
    name: publicSubjectName(subject.kind, subject.name),
    uscc: person ? null : uscc,
    registrationNumber: person ? null : subject.registrationNumber,
    idType: person ? (subject.personIdType ?? '身份证') : null,
    idNumber: person ? publicIdNumber(subject.personIdMasked) : null,
    representative: publicRepresentative(subject.kind, subject.legalRepresentative),
    division: subject.divisionName,
    // A registered address is a public fact of a business; where a person lives is not.
    address: person ? null : subject.address,
    establishedOn: person ? null : subject.establishedOn,
    registeredCapitalWan: person ? null : trimDecimal(subject.registeredCapital),
    registrationStatus: person ? null : subject.registrationStatus,
    industry: person ? null : subject.industry,
  };

  const licensingDtos = licensing.map((r) => ({
    id: r.id,
    decisionDocumentName: r.decisionDocumentName,
    documentNumber: r.documentNumber,
    licenceCategory: r.licenceCategory,
    certificateName: r.certificateName,
    licenceNumber: r.licenceNumber,
    content: r.content,
    decisionDate: r.decisionDate,
    validFrom: r.validFrom,
    validUntil: r.validUntil === LONG_TERM ? null : r.validUntil,
    authorityName: r.authorityName,
    expired: licenceIsExpired(r.validUntil, today),
    suspended: r.status === 'suspended',
    href: `/disclosures/licensing/${r.id}`,
    actions: actionsOf('licensing', r.id, licensingActions(r, pendingFor(open, 'licensingRecordId', r.id))),
  }));

  const penaltyDtos = penalties.map((r) => ({
    id: r.id,
    documentNumber: r.documentNumber,
    violationType: r.violationType,
    categories: r.categories,
    content: r.content,
    fineAmountWan: trimDecimal(r.fineAmount),
    confiscatedAmountWan: trimDecimal(r.confiscatedAmount),
    decisionDate: r.decisionDate,
    authorityName: r.authorityName,
    severityLabel: SEVERITY_LABELS[r.severity],
    suspended: r.status === 'suspended',
    // While suspended the end date is not running (SPEC §6); it is set again when the objection is decided.
    publicUntil: r.status === 'suspended' ? null : r.publicUntil,
    earliestRepairOn: r.status === 'suspended' || !r.repairableEarly ? null : r.earliestRepairOn,
    /** Why the end dates moved, naming the objections and complaints (SPEC §6); null when they did not. */
    movedDatesNote: movedNotes.get(r.id) ?? null,
    href: `/disclosures/penalties/${r.id}`,
    actions: actionsOf('penalty', r.id, penaltyActions(r, today, pendingFor(open, 'penaltyRecordId', r.id))),
  }));

  const entryDtos = entries.map((e) => {
    const basePenalty =
      e.penaltyId !== null && e.penaltyStatus !== null && e.penaltyEarliestRepairOn !== null
        ? {
            status: e.penaltyStatus,
            earliestRepairOn: e.penaltyEarliestRepairOn,
            repairableEarly: e.penaltyRepairableEarly ?? true,
            categories: e.penaltyCategories ?? [],
            domain: e.penaltyDomain,
          }
        : null;
    return {
      id: e.id,
      listType: e.listType,
      listTypeLabel: LIST_TYPE_LABELS[e.listType],
      decisionNumber: e.decisionNumber,
      basis: e.basis,
      reason: e.reason,
      domain: e.domain,
      listedOn: e.listedOn,
      validUntil: e.status === 'suspended' ? null : e.validUntil,
      departmentName: e.departmentName,
      suspended: e.status === 'suspended',
      measures: measures
        .filter((m) => m.listEntryId === e.id)
        .map((m) => ({
          code: m.code,
          measure: m.measure,
          content: m.content,
          implementingUnits: m.implementingUnits,
        })),
      // 执行反馈 (issue 14): which measures were applied and by whom; of a natural person, how many only.
      applied: appliedOf(
        applied.filter((a) => a.listEntryId === e.id),
        person,
      ),
      actions: actionsOf(
        'list_entry',
        e.id,
        listEntryActions(
          { listType: e.listType, status: e.status, penalty: basePenalty },
          today,
          pendingFor(open, 'listEntryId', e.id),
        ),
      ),
    };
  });

  // What SPEC §6 publicises of a repair is the decision: which kind of information, who decided, from when.
  // Nothing of the repaired record itself (no document number, facts or amounts): it has left public pages.
  const repairDtos = [
    ...repairs.penalties.map((r) => ({
      recordKind: '行政处罚信息',
      departmentName: r.departmentName,
      on: r.repairedOn ?? '',
    })),
    ...repairs.entries.map((r) => ({
      recordKind: LIST_TYPE_LABELS.dishonesty,
      departmentName: r.departmentName,
      on: r.repairedOn ?? '',
    })),
  ].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.recordKind.localeCompare(b.recordKind)));

  const activeOn = (type: ListType) => entryDtos.some((e) => e.listType === type && !e.suspended);
  const anySuspended =
    licensingDtos.some((r) => r.suspended) ||
    penaltyDtos.some((r) => r.suspended) ||
    entryDtos.some((e) => e.suspended);
  const badges: string[] = [];
  if (activeOn('honor')) badges.push('守信激励');
  if (activeOn('dishonesty')) badges.push('失信惩戒');
  if (anySuspended) badges.push('异议处理中');
  if (repairDtos.length > 0) badges.push('已修复');

  return {
    today,
    subject: facts,
    badges,
    licensing: licensingDtos,
    penalties: penaltyDtos,
    listEntries: entryDtos,
    repairs: repairDtos,
    /** True for a section cut at SECTION_LIMIT rows. */
    truncated: {
      licensing: licensing.length >= repo.SECTION_LIMIT,
      penalties: penalties.length >= repo.SECTION_LIMIT,
      listEntries: entries.length >= repo.SECTION_LIMIT,
    },
  };
}

export type SubjectProfile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

/** What a credit report says: the profile of the day without buttons and links. Stored as issued. */
export function reportContentOf(profile: SubjectProfile) {
  return {
    portal: { name: PORTAL_NAME, fullName: PORTAL_FULL_NAME },
    issuedOn: profile.today,
    subject: profile.subject,
    badges: profile.badges,
    licensing: profile.licensing.map(({ actions: _a, href: _h, ...r }) => r),
    penalties: profile.penalties.map(({ actions: _a, href: _h, ...r }) => r),
    // The report keeps its issued format: which measures departments reported applying is on the
    // live profile, not in the report (reports issued before it existed verify unchanged).
    listEntries: profile.listEntries.map(({ actions: _a, applied: _ap, ...e }) => e),
    repairs: profile.repairs,
  };
}

export type ReportContent = ReturnType<typeof reportContentOf>;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** 信用报告编号: LSXY-20261128-000042. */
export function reportNumberOf(issuedOn: string, seq: number): string {
  return `LSXY-${issuedOn.replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
}

/**
 * Issues today's report of a subject and returns its verification code. The same content on the
 * same day gives the same report (and code), so repeated clicks and reloads add no rows.
 */
export async function issueReport(db: Db, subjectId: number, today: string) {
  const profile = await getProfile(db, subjectId, today);
  if (!profile) return null;
  const content = canonicalJson(reportContentOf(profile));
  const contentSha256 = sha256Hex(content);
  const existing = await repo.findSameReport(db, subjectId, today, contentSha256);
  if (existing) return { verificationCode: existing.verificationCode };
  await repo.insertReport(db, {
    verificationCode: newVerificationCode((n) => randomBytes(n)),
    subjectId,
    issuedOn: today,
    contentSha256,
    content,
  });
  // Read back: a concurrent identical issue may have won the unique index.
  const stored = await repo.findSameReport(db, subjectId, today, contentSha256);
  if (!stored) throw new Error('issued report vanished');
  return { verificationCode: stored.verificationCode };
}

/** A stored report by its code, with its content as issued and whether the digest still matches it. */
async function storedReport(db: Db, code: string) {
  const row = await repo.findReport(db, code);
  if (!row || row.content === null) return null;
  // jsonb comes back parsed (pg and PGlite); a string would mean a driver change.
  const content = (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as ReportContent;
  return {
    subjectId: row.subjectId,
    verificationCode: formatVerificationCode(row.verificationCode),
    reportNumber: reportNumberOf(row.issuedOn, row.reportSeq),
    issuedOn: row.issuedOn,
    contentSha256: row.contentSha256,
    digestMatches: sha256Hex(canonicalJson(content)) === row.contentSha256,
    content,
  };
}

/** The report of a subject with this code, exactly as issued; null if the code is not this subject's. */
export async function getIssuedReport(db: Db, subjectId: number, codeInput: string) {
  const code = normalizeVerificationCode(codeInput);
  if (!code) return null;
  const report = await storedReport(db, code);
  return report && report.subjectId === subjectId ? report : null;
}

/** Counts and document numbers per section: what /verify shows of a report. */
export function reportSummaryOf(content: ReportContent) {
  return [
    { key: 'licensing', label: '行政许可', documentNumbers: content.licensing.map((r) => r.documentNumber) },
    { key: 'penalties', label: '行政处罚', documentNumbers: content.penalties.map((r) => r.documentNumber) },
    { key: 'listEntries', label: '红黑名单', documentNumbers: content.listEntries.map((e) => e.decisionNumber) },
    { key: 'repairs', label: '信用修复记录', documentNumbers: [] as string[] },
  ].map((s) => ({ ...s, count: s.key === 'repairs' ? content.repairs.length : s.documentNumbers.length }));
}

/**
 * Checks a verification code. Wrong codes count against the caller's address and the code
 * (atomically, server/rate-limit); past either limit no code is checked until the window
 * passes, and the answer says when. A right code counts nothing. Shows the server's copy,
 * never what the visitor brings.
 */
export async function verifyReport(db: Db, codeInput: string, clientIp: string | null | undefined, now = new Date()) {
  const code = normalizeVerificationCode(codeInput);
  const attempt = await reserveAttempt(db, verifyBuckets(code, clientIp), now);
  if (!attempt.allowed) {
    return {
      status: 'rate_limited' as const,
      retryMinutes: Math.ceil(attempt.retryAfterSeconds / 60),
      retryWhen: retryWhen(attempt.retryAfterSeconds, now),
    };
  }
  const report = code ? await storedReport(db, code) : null;
  if (!report) return { status: 'not_found' as const };
  await attempt.refund();
  const { content } = report;
  return {
    status: 'valid' as const,
    verificationCode: report.verificationCode,
    reportNumber: report.reportNumber,
    issuedOn: report.issuedOn,
    contentSha256: report.contentSha256,
    digestMatches: report.digestMatches,
    subject: {
      id: report.subjectId,
      name: content.subject.name,
      kindLabel: content.subject.kindLabel,
      uscc: content.subject.uscc,
      idNumber: content.subject.idNumber,
    },
    badges: content.badges,
    sections: reportSummaryOf(content),
  };
}
