import { sql } from 'kysely';
import type { Db } from '../db/client';
import { columnList, jsonRecordset, snakeCase } from '../db/json-rows';
import { timed } from '../perf/phases';
import { writeAudit, type AuditActor, type AuditEntry } from '../audit';
import { decideImport, type PenaltyFacts, type StoredRecord } from '../rules/record-lifecycle';
import { syncBulkChange } from '../search/bulk';
import { emitRecordEvents, type RecordEvent } from './writer';

// The batched variant of the one writer, for imports (files, the CLI, POST /api/v1/disclosures
// and the licensing form): the same pure rule (decideImport) decides each row; rows, audit
// entries and search documents are then written with one set-based statement per table and
// batch, so a 100,000-row file stays fast on both databases.

export type Outcome = 'created' | 'updated' | 'unchanged';
export interface RowOutcome {
  rowNumber: number;
  outcome: Outcome;
  id: number;
  documentNumber: string;
}
export interface RowRefusal {
  rowNumber: number;
  field: string;
  message: string;
}

export interface ImportedRow {
  rowNumber: number;
  kind: 'penalty' | 'licensing';
  subjectId: number;
  subjectName: string;
  documentNumber: string;
  documentNumberNorm: string;
  /** Every column the row writes (empty cells as null). */
  columns: Record<string, unknown>;
  facts: PenaltyFacts | null;
}

const SQL_TABLE = { licensing: 'licensing_records', penalty: 'penalty_records' } as const;
/** The columns a statement writes: an undefined value means "the default", as in a Kysely insert. */
const writtenKeys = (row: Record<string, unknown>) => Object.keys(row).filter((k) => row[k] !== undefined);

/** Canonical text of a cell for comparison: numerics without trailing zeros, arrays joined, instants as ISO. */
function canon(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  return /^\d+\.\d+$/.test(s) ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => canon(before[k]) !== canon(after[k]));
}

/** Writes a batch of valid rows of one department; returns each row's outcome and the rows the rule refused. */
export async function writeImportedRecords(
  db: Db,
  kind: 'penalty' | 'licensing',
  rows: readonly ImportedRow[],
  ctx: {
    departmentId: number;
    departmentName: string;
    importId: number | null;
    actor: AuditActor;
    now: Date;
    newSubjectIds: readonly number[];
  },
): Promise<{ outcomes: RowOutcome[]; refusals: RowRefusal[] }> {
  const norms = rows.map((r) => r.documentNumberNorm);
  // One probe of the unique btree per number (a LIMIT 1 lateral cannot become a hash join): an
  // IN list of 2000 values let the planner pick the document number's trigram GIN index, and a
  // plain join a sequential scan, on the statistics of a table growing inside the import's transaction.
  const existing = norms.length
    ? (
        await timed('db: records — read existing', () =>
          sql<Record<string, unknown> & { documentNumberNorm: string }>`
          select t.* from unnest(${norms}::text[]) as n(norm)
          cross join lateral (
            select * from ${sql.raw(SQL_TABLE[kind])}
            where department_id = ${ctx.departmentId} and document_number_norm = n.norm limit 1) t`.execute(db),
        )
      ).rows
    : [];
  const byNorm = new Map<string, Record<string, unknown>>(existing.map((e) => [e.documentNumberNorm, e]));
  const outcomes: RowOutcome[] = [];
  const refusals: RowRefusal[] = [];
  const inserts: { row: ImportedRow; values: Record<string, unknown> }[] = [];
  const updates: { id: number; values: Record<string, unknown> }[] = [];
  const audits: AuditEntry[] = [];
  const events: RecordEvent[] = [];
  const note = ctx.importId === null ? null : `导入批次 ${ctx.importId}`;

  for (const row of rows) {
    const before = byNorm.get(row.documentNumberNorm);
    const decision = decideImport(kind, before ? (before as unknown as StoredRecord) : null, row, {
      departmentName: ctx.departmentName,
      now: ctx.now,
      rowLabel: `第${row.rowNumber}行：`,
    });
    if (!decision.ok) {
      refusals.push({
        rowNumber: row.rowNumber,
        field: kind === 'penalty' ? 'CF_XDR_MC' : 'XK_XDR_MC',
        message: decision.refusal,
      });
      continue;
    }
    const after = decision.columns;
    if (!before) {
      after.sourceImportId = ctx.importId;
      inserts.push({ row, values: after });
      continue;
    }
    const id = Number(before.id);
    const changed = changedFields(before, after);
    if (changed.length === 0) {
      outcomes.push({ rowNumber: row.rowNumber, outcome: 'unchanged', id, documentNumber: row.documentNumber });
      continue;
    }
    updates.push({ id, values: { ...after, sourceImportId: ctx.importId } });
    audits.push({
      action: `${kind}.import_update`,
      entity: kind,
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
      note,
    });
    for (const event of decision.events)
      events.push({
        kind,
        id,
        event,
        departmentId: ctx.departmentId,
        subjectId: row.subjectId,
        on: ctx.now.toISOString().slice(0, 10),
      });
    outcomes.push({ rowNumber: row.rowNumber, outcome: 'updated', id, documentNumber: row.documentNumber });
  }

  const tableSql = sql.raw(SQL_TABLE[kind]);
  if (updates.length > 0) {
    const keys = writtenKeys(updates[0]!.values);
    await sql`
      update ${tableSql} t set ${sql.raw(keys.map((k) => `${snakeCase(k)} = x.${snakeCase(k)}`).join(', '))}, updated_at = now()
      from json_populate_recordset(null::${tableSql}, ${jsonRecordset(updates.map((u) => ({ ...u.values, id: u.id })))}) x
      where t.id = x.id`.execute(db);
  }
  if (inserts.length > 0) {
    const keys = writtenKeys(inserts[0]!.values);
    const created = await timed('db: records — insert', () =>
      sql<{ id: number; documentNumberNorm: string }>`
      insert into ${tableSql} (${columnList(keys)})
      select ${columnList(keys)} from json_populate_recordset(null::${tableSql}, ${jsonRecordset(inserts.map((p) => p.values))})
      returning id, document_number_norm as "documentNumberNorm"`.execute(db),
    );
    const idOfNorm = new Map(created.rows.map((r) => [r.documentNumberNorm, Number(r.id)]));
    for (const p of inserts) {
      const id = idOfNorm.get(p.row.documentNumberNorm)!;
      outcomes.push({ rowNumber: p.row.rowNumber, outcome: 'created', id, documentNumber: p.row.documentNumber });
      audits.push({
        action: `${kind}.import_create`,
        entity: kind,
        entityId: id,
        after: { documentNumber: p.row.documentNumber },
        note,
      });
      if (p.values.status === 'published')
        events.push({
          kind,
          id,
          event: 'published',
          departmentId: ctx.departmentId,
          subjectId: p.row.subjectId,
          on: String(p.values.publicFrom),
        });
    }
  }
  if (audits.length > 0) await timed('db: records — audit', () => writeAudit(db, ctx.actor, audits));
  // Existing subjects are never changed by an import, so only new subjects and the changed records need documents.
  await syncBulkChange(db, {
    kind,
    recordIds: outcomes.filter((o) => o.outcome !== 'unchanged').map((o) => o.id),
    newSubjectIds: [...ctx.newSubjectIds],
  });
  await emitRecordEvents(db, events);
  return { outcomes: outcomes.sort((a, b) => a.rowNumber - b.rowNumber), refusals };
}
