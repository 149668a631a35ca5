import { sql } from 'kysely';
import type { Db } from '../db/client';
import { SUBJECT_KIND_LABELS } from '../rules/codes';
import { ownUscc, USCC_PLACEHOLDER } from '../rules/uscc';
import { idNumberHmac, protectIdNumber, type IdentityKeys } from '../identities/protect';
import type { ValidRow, SubjectInput, IdNumberInput } from './validate';
import { timed } from '../perf/phases';
import { columnList, jsonRecordset } from '../db/json-rows';
import type { AuditActor } from '../audit';

// SQL of the importer: set-based per batch (one query per table and batch, never one per row)
// so that a 100,000-row file stays fast on both databases.

export type { Outcome, RowOutcome } from '../records/import-batch';
export type Actor = AuditActor;

/** Rows per multi-row insert: ~45 columns × 500 stays far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The columns a statement writes: an undefined value means "the default", as in a Kysely insert. */
const writtenKeys = (row: Record<string, unknown>) => Object.keys(row).filter((k) => row[k] !== undefined);

interface SavedId {
  id: number;
  masked: string;
  type: string;
}

async function saveIdentities(db: Db, keys: IdentityKeys, ids: IdNumberInput[]): Promise<Map<string, SavedId>> {
  const byHmac = new Map<string, ReturnType<typeof protectIdNumber>>();
  for (const id of ids) {
    const hmac = idNumberHmac(keys, id.number);
    if (!byHmac.has(hmac)) byHmac.set(hmac, protectIdNumber(keys, id.number, id.type));
  }
  const saved = new Map<string, SavedId>();
  for (const part of chunks([...byHmac.values()], INSERT_CHUNK)) {
    const rows = await db
      .insertInto('identityNumbers')
      .values(part)
      .onConflict((oc) => oc.column('hmac').doUpdateSet({ idType: (eb) => eb.ref('excluded.idType') }))
      .returning(['id', 'hmac', 'masked', 'idType'])
      .execute();
    for (const r of rows) saved.set(r.hmac, { id: r.id, masked: r.masked, type: r.idType });
  }
  return saved;
}

/** How a subject is recognised: USCC, else registration number (placeholder), else the person's ID HMAC. */
function subjectKey(s: SubjectInput, keys: IdentityKeys): string {
  if (ownUscc(s.uscc)) return `u:${s.uscc}`;
  if (s.kind === 'natural_person' && s.personId) return `p:${idNumberHmac(keys, s.personId.number)}`;
  return `r:${s.registrationNumber ?? ''}:${s.nameNorm}`;
}

export interface ResolvedSubject {
  id: number;
  created: boolean;
  legalRep: SavedId | null;
  person: SavedId | null;
}

/** Finds or creates the subjects of a batch; returns them by subjectKey. */
export async function resolveSubjects(
  db: Db,
  keys: IdentityKeys,
  subjects: SubjectInput[],
): Promise<{ byRow: ResolvedSubject[]; createdIds: number[] }> {
  const ids = await timed('db: subjects — identities', () =>
    saveIdentities(db, keys, [
      ...subjects.flatMap((s) => (s.personId ? [s.personId] : [])),
      ...subjects.flatMap((s) => (s.legalRepId ? [s.legalRepId] : [])),
    ]),
  );
  const idOf = (i: IdNumberInput | null) => (i ? (ids.get(idNumberHmac(keys, i.number)) ?? null) : null);
  const wanted = new Map<string, SubjectInput>();
  for (const s of subjects) wanted.set(subjectKey(s, keys), s);

  const found = new Map<string, number>();
  const usccs = [...wanted.keys()].filter((k) => k.startsWith('u:')).map((k) => k.slice(2));
  if (usccs.length) {
    // The placeholder condition repeats the partial unique index's: PostgreSQL proves it from an IN list of at most 100 values only.
    const rows = await db
      .selectFrom('subjects')
      .select(['id', 'uscc'])
      .where('uscc', 'in', usccs)
      .where('uscc', 'is not', null)
      .where('uscc', '<>', USCC_PLACEHOLDER)
      .execute();
    for (const r of rows) {
      found.set(`u:${r.uscc}`, r.id);
    }
  }
  const personRefs = [...wanted.entries()]
    .filter(([k]) => k.startsWith('p:'))
    .map(([k]) => ({ k, ref: ids.get(k.slice(2))?.id }))
    .filter((x): x is { k: string; ref: number } => x.ref !== undefined);
  if (personRefs.length) {
    const rows = await db
      .selectFrom('subjects')
      .select(['id', 'personIdRef'])
      .where(
        'personIdRef',
        'in',
        personRefs.map((p) => p.ref),
      )
      .where('personIdRef', 'is not', null)
      .execute();
    const byRef = new Map(rows.map((r) => [r.personIdRef, r.id]));
    for (const p of personRefs) {
      const id = byRef.get(p.ref);
      if (id !== undefined) found.set(p.k, id);
    }
  }
  const byRegistration = [...wanted.entries()].filter(([k, s]) => k.startsWith('r:') && s.registrationNumber !== null);
  if (byRegistration.length) {
    const rows = await db
      .selectFrom('subjects')
      .select(['id', 'registrationNumber', 'nameNorm'])
      .where('registrationNumber', 'in', [...new Set(byRegistration.map(([, s]) => s.registrationNumber!))])
      .where('registrationNumber', 'is not', null)
      .orderBy('id')
      .execute();
    const byPair = new Map<string, number>();
    for (const r of rows) {
      const pair = `${r.registrationNumber}\u0000${r.nameNorm}`;
      if (!byPair.has(pair)) byPair.set(pair, r.id);
    }
    for (const [k, s] of byRegistration) {
      const id = byPair.get(`${s.registrationNumber}\u0000${s.nameNorm}`);
      if (id !== undefined) found.set(k, id);
    }
  }

  const missing = [...wanted.entries()].filter(([k]) => !found.has(k));
  const createdIds: number[] = [];
  if (missing.length > 0) {
    const values = missing.map(([, s]) => {
      const rep = idOf(s.legalRepId);
      const person = idOf(s.personId);
      return {
        kind: s.kind,
        name: s.name,
        nameNorm: s.nameNorm,
        uscc: s.kind === 'natural_person' ? null : s.uscc,
        ...partyCodes(s),
        legalRepIdType: rep?.type ?? null,
        legalRepIdMasked: rep?.masked ?? null,
        legalRepIdRef: rep?.id ?? null,
        personIdType: person?.type ?? null,
        personIdMasked: person?.masked ?? null,
        personIdRef: person?.id ?? null,
      };
    });
    // One statement with one JSON parameter (like the records), ids returned in the rows' order.
    const keys = writtenKeys(values[0]!);
    const rows = await timed('db: subjects — insert', () =>
      sql<{ id: number }>`
        insert into subjects (${columnList(keys)})
        select ${columnList(keys)} from json_populate_recordset(null::subjects, ${jsonRecordset(values)})
        returning id`.execute(db),
    );
    missing.forEach(([k], i) => {
      const id = Number(rows.rows[i]!.id);
      found.set(k, id);
      createdIds.push(id);
    });
  }
  const created = new Set(createdIds);
  const byRow = subjects.map((s) => {
    const id = found.get(subjectKey(s, keys))!;
    return { id, created: created.has(id), legalRep: idOf(s.legalRepId), person: idOf(s.personId) };
  });
  return { byRow, createdIds };
}

/** The party's registration codes and legal representative, as subjects and records both store them. */
const partyCodes = (s: SubjectInput) => ({
  registrationNumber: s.registrationNumber,
  orgCode: s.orgCode,
  taxNumber: s.taxNumber,
  institutionCert: s.institutionCert,
  socialOrgCert: s.socialOrgCert,
  legalRepresentative: s.legalRepresentative,
});

/** The columns a row writes, party slots included (what "unchanged" is judged on). */
export function recordColumns(row: ValidRow, subject: ResolvedSubject, departmentId: number): Record<string, unknown> {
  const s = row.subject;
  const columns: Record<string, unknown> = {
    subjectId: subject.id,
    departmentId,
    subjectName: s.name,
    subjectCategory: SUBJECT_KIND_LABELS[s.kind],
    uscc: s.uscc,
    ...partyCodes(s),
    legalRepIdType: subject.legalRep?.type ?? null,
    legalRepIdMasked: subject.legalRep?.masked ?? null,
    legalRepIdRef: subject.legalRep?.id ?? null,
    partyIdType: subject.person?.type ?? null,
    partyIdMasked: subject.person?.masked ?? null,
    partyIdRef: subject.person?.id ?? null,
  };
  // A plain copy: object rest and spread of ~45 properties cost more than the rest of a row's JS (profiled).
  const values = row.values as unknown as Record<string, unknown>;
  // A penalty's `published` decides its status; it is not a column.
  for (const key in values) if (key !== 'published') columns[key] = values[key];
  return columns;
}

/** Each subject's current name and the names its records were filed under (its former names, SPEC §3). */
export async function subjectNames(db: Db, ids: readonly number[]) {
  const out = new Map<number, { name: string; formerNames: string[] }>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const rows = await sql<{ id: number; name: string; former: string | null }>`
    select s.id, s.name, f.subject_name as former from subjects s
    left join lateral (
      select distinct subject_name from penalty_records where subject_id = s.id
      union select distinct subject_name from licensing_records where subject_id = s.id) f on true
    where s.id = any(${unique}::int[])`.execute(db);
  for (const r of rows.rows) {
    const entry = out.get(Number(r.id)) ?? { name: r.name, formerNames: [] };
    if (r.former && r.former !== r.name) entry.formerNames.push(r.former);
    out.set(Number(r.id), entry);
  }
  return out;
}
