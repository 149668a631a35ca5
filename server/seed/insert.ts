// Fast inserts of generated rows: one `insert … select … from unnest($1::text[], $2::date[], …)`
// per table and batch, so a statement has one parameter per column whatever the row count
// (PostgreSQL's 65,535-parameter limit never applies) and the server parses it once.

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/client';
import { SUBJECT_KIND_LABELS } from '../rules/codes';
import { documentNumberNorm } from './licensing';
import type { GenChunk, GenExposure, GenLicence, GenListEntry, GenPenalty, GenSubject, IdentityRef } from './model';

type PgType = 'text' | 'int4' | 'int8' | 'date' | 'numeric' | 'bool' | 'timestamptz' | 'text[]';

interface Column<R> {
  name: string;
  type: PgType;
  get: (row: R) => string | number | boolean | null | readonly string[];
}

/** Rows per statement: large enough to amortise a round trip, small enough to keep memory flat. */
const BATCH_ROWS = 5000;
/** Separator for text[] cells sent through a text[] parameter (never appears in generated text). */
const ARRAY_SEPARATOR = '\u001f';

async function bulkInsert<R>(
  db: Db,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  /** Raw SQL after the select: on conflict …, returning …. */
  tail = '',
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const params: RawBuilder<unknown>[] = columns.map((c) => {
      const values = batch.map((r) => {
        const v = c.get(r);
        return Array.isArray(v) ? v.join(ARRAY_SEPARATOR) : v;
      });
      const type = c.type === 'text[]' ? 'text' : c.type;
      return sql`${values}::${sql.raw(type)}[]`;
    });
    const names = columns.map((c) => c.name).join(', ');
    const aliases = columns.map((_, i) => `c${i}`).join(', ');
    const selected = columns
      .map((c, i) => (c.type === 'text[]' ? `string_to_array(u.c${i}, chr(31))` : `u.c${i}`))
      .join(', ');
    const query = sql<
      Record<string, unknown>
    >`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(selected)} from unnest(${sql.join(params)}) as u(${sql.raw(aliases)}) ${sql.raw(tail)}`;
    const result = await query.execute(db);
    out.push(...result.rows);
  }
  return out;
}

/** n fresh ids from the table's own sequence, so rows can refer to each other before they are inserted. */
async function reserveIds(db: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const result = await sql<{
    id: number | string;
  }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n}::int)`.execute(db);
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

// ---------------------------------------------------------------- column lists

const IDENTITY_COLUMNS: readonly Column<IdentityRef>[] = [
  { name: 'id_type', type: 'text', get: (r) => r.value.idType },
  { name: 'hmac', type: 'text', get: (r) => r.value.hmac },
  { name: 'ciphertext', type: 'text', get: (r) => r.value.ciphertext },
  { name: 'masked', type: 'text', get: (r) => r.value.masked },
];

const SUBJECT_COLUMNS: readonly Column<GenSubject>[] = [
  { name: 'id', type: 'int8', get: (s) => s.id },
  { name: 'kind', type: 'text', get: (s) => s.kind },
  { name: 'name', type: 'text', get: (s) => s.name },
  { name: 'name_norm', type: 'text', get: (s) => s.nameNorm },
  { name: 'uscc', type: 'text', get: (s) => s.uscc },
  { name: 'registration_number', type: 'text', get: (s) => s.registrationNumber },
  { name: 'org_code', type: 'text', get: (s) => s.orgCode },
  { name: 'tax_number', type: 'text', get: (s) => s.taxNumber },
  { name: 'institution_cert', type: 'text', get: (s) => s.institutionCert },
  { name: 'social_org_cert', type: 'text', get: (s) => s.socialOrgCert },
  { name: 'legal_representative', type: 'text', get: (s) => s.legalRepresentative },
  { name: 'legal_rep_id_type', type: 'text', get: (s) => s.legalRepId?.value.idType ?? null },
  { name: 'legal_rep_id_masked', type: 'text', get: (s) => s.legalRepId?.value.masked ?? null },
  { name: 'legal_rep_id_ref', type: 'int8', get: (s) => s.legalRepId?.id ?? null },
  { name: 'person_id_type', type: 'text', get: (s) => s.personId?.value.idType ?? null },
  { name: 'person_id_masked', type: 'text', get: (s) => s.personId?.value.masked ?? null },
  { name: 'person_id_ref', type: 'int8', get: (s) => s.personId?.id ?? null },
  { name: 'division_code', type: 'text', get: (s) => s.divisionCode },
  { name: 'industry', type: 'text', get: (s) => s.industryLabel },
  { name: 'address', type: 'text', get: (s) => s.address },
  { name: 'established_on', type: 'date', get: (s) => s.establishedOn },
  { name: 'registered_capital', type: 'numeric', get: (s) => s.registeredCapital },
  { name: 'business_scope', type: 'text', get: (s) => s.businessScope },
  { name: 'registration_status', type: 'text', get: (s) => s.registrationStatus },
];

/** The party (行政相对人) slots both record kinds copy from their subject. */
function partyColumns<
  R extends { subject: GenSubject; dept: { id: number; name: string; uscc: string } },
>(): Column<R>[] {
  return [
    { name: 'subject_id', type: 'int8', get: (r) => r.subject.id },
    { name: 'department_id', type: 'int4', get: (r) => r.dept.id },
    { name: 'subject_name', type: 'text', get: (r) => r.subject.name },
    { name: 'subject_category', type: 'text', get: (r) => SUBJECT_KIND_LABELS[r.subject.kind] },
    { name: 'uscc', type: 'text', get: (r) => r.subject.uscc },
    { name: 'registration_number', type: 'text', get: (r) => r.subject.registrationNumber },
    { name: 'org_code', type: 'text', get: (r) => r.subject.orgCode },
    { name: 'tax_number', type: 'text', get: (r) => r.subject.taxNumber },
    { name: 'institution_cert', type: 'text', get: (r) => r.subject.institutionCert },
    { name: 'social_org_cert', type: 'text', get: (r) => r.subject.socialOrgCert },
    { name: 'legal_representative', type: 'text', get: (r) => r.subject.legalRepresentative },
    { name: 'legal_rep_id_type', type: 'text', get: (r) => r.subject.legalRepId?.value.idType ?? null },
    { name: 'legal_rep_id_masked', type: 'text', get: (r) => r.subject.legalRepId?.value.masked ?? null },
    { name: 'legal_rep_id_ref', type: 'int8', get: (r) => r.subject.legalRepId?.id ?? null },
    { name: 'party_id_type', type: 'text', get: (r) => r.subject.personId?.value.idType ?? null },
    { name: 'party_id_masked', type: 'text', get: (r) => r.subject.personId?.value.masked ?? null },
    { name: 'party_id_ref', type: 'int8', get: (r) => r.subject.personId?.id ?? null },
    { name: 'authority_name', type: 'text', get: (r) => r.dept.name },
    { name: 'authority_code', type: 'text', get: (r) => r.dept.uscc },
    { name: 'source_unit_name', type: 'text', get: (r) => r.dept.name },
    { name: 'source_unit_code', type: 'text', get: (r) => r.dept.uscc },
  ];
}

const LICENCE_COLUMNS: readonly Column<GenLicence>[] = [
  ...partyColumns<GenLicence>(),
  { name: 'decision_document_name', type: 'text', get: (l) => l.decisionDocumentName },
  { name: 'document_number', type: 'text', get: (l) => l.documentNumber },
  { name: 'document_number_norm', type: 'text', get: (l) => documentNumberNorm(l.documentNumber) },
  { name: 'licence_category', type: 'text', get: (l) => l.licenceCategory },
  { name: 'certificate_name', type: 'text', get: (l) => l.certificateName },
  { name: 'licence_number', type: 'text', get: (l) => l.licenceNumber },
  { name: 'content', type: 'text', get: (l) => l.content },
  { name: 'decision_date', type: 'date', get: (l) => l.decisionDate },
  { name: 'valid_from', type: 'date', get: (l) => l.validFrom },
  { name: 'valid_until', type: 'date', get: (l) => l.validUntil },
  { name: 'current_state', type: 'text', get: (l) => l.currentState },
  { name: 'remarks', type: 'text', get: (l) => l.remarks },
  { name: 'status', type: 'text', get: (l) => l.status },
  { name: 'public_from', type: 'date', get: (l) => l.decisionDate },
  { name: 'withdrawn_on', type: 'date', get: (l) => l.withdrawnOn },
  { name: 'withdrawal_reason', type: 'text', get: (l) => l.withdrawalReason },
  { name: 'reported_at', type: 'timestamptz', get: (l) => l.reportedAt },
];

const PENALTY_COLUMNS: readonly Column<GenPenalty>[] = [
  { name: 'id', type: 'int8', get: (p) => p.id },
  ...partyColumns<GenPenalty>(),
  { name: 'document_number', type: 'text', get: (p) => p.documentNumber },
  { name: 'document_number_norm', type: 'text', get: (p) => documentNumberNorm(p.documentNumber) },
  { name: 'violation_type', type: 'text', get: (p) => p.violationType },
  { name: 'violation_facts', type: 'text', get: (p) => p.violationFacts },
  { name: 'legal_basis', type: 'text', get: (p) => p.legalBasis },
  { name: 'categories', type: 'text[]', get: (p) => p.categories },
  { name: 'content', type: 'text', get: (p) => p.content },
  { name: 'fine_amount', type: 'numeric', get: (p) => p.fineAmount },
  { name: 'confiscated_amount', type: 'numeric', get: (p) => p.confiscatedAmount },
  { name: 'licence_affected', type: 'text', get: (p) => p.licenceAffected },
  { name: 'decision_date', type: 'date', get: (p) => p.decisionDate },
  { name: 'penalty_valid_until', type: 'date', get: (p) => p.penaltyValidUntil },
  { name: 'requested_public_until', type: 'date', get: (p) => p.requestedPublicUntil },
  { name: 'remarks', type: 'text', get: (p) => p.remarks },
  { name: 'severity', type: 'text', get: (p) => p.severity },
  { name: 'severity_explicit', type: 'bool', get: (p) => p.severityExplicit },
  { name: 'summary_procedure', type: 'bool', get: (p) => p.summaryProcedure },
  { name: 'domain', type: 'text', get: (p) => p.domain },
  { name: 'status', type: 'text', get: (p) => p.status },
  { name: 'public_from', type: 'date', get: (p) => p.publicFrom },
  { name: 'earliest_repair_on', type: 'date', get: (p) => p.earliestRepairOn },
  { name: 'public_until', type: 'date', get: (p) => p.publicUntil },
  { name: 'period_rule_id', type: 'text', get: (p) => p.periodRuleId },
  { name: 'repairable_early', type: 'bool', get: (p) => p.repairableEarly },
  { name: 'suspended_since', type: 'date', get: (p) => p.suspendedSince },
  { name: 'suspended_days', type: 'int4', get: (p) => p.suspendedDays },
  { name: 'repaired_on', type: 'date', get: (p) => p.repairedOn },
  { name: 'withdrawn_on', type: 'date', get: (p) => p.withdrawnOn },
  { name: 'withdrawal_reason', type: 'text', get: (p) => p.withdrawalReason },
  { name: 'reported_at', type: 'timestamptz', get: (p) => p.reportedAt },
];

const LIST_ENTRY_COLUMNS: readonly Column<GenListEntry>[] = [
  { name: 'id', type: 'int8', get: (e) => e.id },
  { name: 'list_type', type: 'text', get: (e) => e.listType },
  { name: 'subject_id', type: 'int8', get: (e) => e.subject.id },
  { name: 'department_id', type: 'int4', get: (e) => e.dept.id },
  { name: 'decision_number', type: 'text', get: (e) => e.decisionNumber },
  { name: 'basis', type: 'text', get: (e) => e.basis },
  { name: 'reason', type: 'text', get: (e) => e.reason },
  { name: 'domain', type: 'text', get: (e) => e.domain },
  { name: 'listed_on', type: 'date', get: (e) => e.listedOn },
  { name: 'valid_until', type: 'date', get: (e) => e.validUntil },
  { name: 'status', type: 'text', get: (e) => e.status },
  { name: 'removed_on', type: 'date', get: (e) => e.removedOn },
  { name: 'removal_reason', type: 'text', get: (e) => e.removalReason },
  { name: 'suspended_since', type: 'date', get: (e) => e.suspendedSince },
  { name: 'penalty_record_id', type: 'int8', get: (e) => e.penalty?.id ?? null },
];

type Measure = { entry: GenListEntry; catalogItemId: number };
const MEASURE_COLUMNS: readonly Column<Measure>[] = [
  { name: 'list_entry_id', type: 'int8', get: (m) => m.entry.id },
  { name: 'catalog_item_id', type: 'int4', get: (m) => m.catalogItemId },
];

const EXPOSURE_COLUMNS: readonly Column<GenExposure>[] = [
  { name: 'title', type: 'text', get: (x) => x.title },
  { name: 'domain', type: 'text', get: (x) => x.domain },
  { name: 'subject_id', type: 'int8', get: (x) => x.subject.id },
  { name: 'subject_name', type: 'text', get: (x) => x.subject.name },
  { name: 'department_id', type: 'int4', get: (x) => x.dept.id },
  { name: 'penalty_record_id', type: 'int8', get: (x) => x.penalty?.id ?? null },
  { name: 'summary', type: 'text', get: (x) => x.summary },
  { name: 'body', type: 'text', get: (x) => x.body },
  { name: 'published_on', type: 'date', get: (x) => x.publishedOn },
  { name: 'status', type: 'text', get: (x) => x.status },
];

export interface ChunkCounts {
  identityNumbers: number;
  subjects: number;
  licensingRecords: number;
  penaltyRecords: number;
  listEntries: number;
  listEntryMeasures: number;
  exposureCases: number;
}

/**
 * Inserts one generated chunk; call it inside a transaction. Protected ID numbers go to
 * identity_numbers first (upsert by HMAC, as saveIdentityNumber does, in bulk); every other
 * row keeps only the masked copy and the reference.
 */
export async function insertChunk(db: Db, chunk: GenChunk, options: { bulk?: boolean } = {}): Promise<ChunkCounts> {
  // Generated data can be regenerated: a crash losing the last chunk's commit is acceptable.
  if (options.bulk === true) await sql`set local synchronous_commit to off`.execute(db);
  const identities: IdentityRef[] = [];
  for (const s of chunk.subjects) {
    if (s.legalRepId !== null) identities.push(s.legalRepId);
    if (s.personId !== null) identities.push(s.personId);
  }
  if (identities.length > 0) {
    const saved = await bulkInsert(
      db,
      'identity_numbers',
      IDENTITY_COLUMNS,
      identities,
      'on conflict (hmac) do update set id_type = excluded.id_type returning id, hmac',
    );
    // Upsert so that a person already stored (same HMAC) keeps one row, like saveIdentityNumber.
    const byHmac = new Map(saved.map((r) => [String(r.hmac), Number(r.id)]));
    for (const ref of identities) ref.id = byHmac.get(ref.value.hmac) ?? 0;
  }

  const subjectIds = await reserveIds(db, 'subjects', chunk.subjects.length);
  chunk.subjects.forEach((s, i) => (s.id = subjectIds[i] ?? 0));
  await bulkInsert(db, 'subjects', SUBJECT_COLUMNS, chunk.subjects);
  await bulkInsert(db, 'licensing_records', LICENCE_COLUMNS, chunk.licences);

  const penaltyIds = await reserveIds(db, 'penalty_records', chunk.penalties.length);
  chunk.penalties.forEach((p, i) => (p.id = penaltyIds[i] ?? 0));
  await bulkInsert(db, 'penalty_records', PENALTY_COLUMNS, chunk.penalties);

  const entryIds = await reserveIds(db, 'list_entries', chunk.listEntries.length);
  chunk.listEntries.forEach((e, i) => (e.id = entryIds[i] ?? 0));
  await bulkInsert(db, 'list_entries', LIST_ENTRY_COLUMNS, chunk.listEntries);
  const measures = chunk.listEntries.flatMap((entry) => entry.measures.map((m) => ({ entry, catalogItemId: m.id })));
  await bulkInsert(db, 'list_entry_measures', MEASURE_COLUMNS, measures);
  await bulkInsert(db, 'exposure_cases', EXPOSURE_COLUMNS, chunk.exposures);

  return {
    identityNumbers: identities.length,
    subjects: chunk.subjects.length,
    licensingRecords: chunk.licences.length,
    penaltyRecords: chunk.penalties.length,
    listEntries: chunk.listEntries.length,
    listEntryMeasures: measures.length,
    exposureCases: chunk.exposures.length,
  };
}
