import { sql } from 'kysely';
import { changingPublicData } from '../http/invalidate';
import { createHash } from 'node:crypto';
import { csvDocument } from '../csv/writer';
import type { Db } from '../db/client';
import { identityKeys } from '../identities/keys';
import { checkAuthority, checkParty, type PublishingDepartment, type RegisteredUnit } from '../rules/record-lifecycle';
import { writeImportedRecords, type ImportedRow } from '../records/import-batch';
import {
  FIELDS,
  RECORD_KIND_LABELS,
  detectRecordKind,
  fieldCodeOf,
  labelOf,
  type RecordKind,
} from '../standard/fields';
import { openTable, formatOf, type FileFormat } from './parse';
import { addPhaseTime, timed, timedSync } from '../perf/phases';
import { recordColumns, resolveSubjects, subjectNames, type Actor, type Outcome, type RowOutcome } from './repository';
import { validateRow, type RawRow, type RowIssue, type ValidRow } from './validate';
import { logInternalError } from '../http/error-reference';
import { textProblem, textProblemMessage } from '../validation';

// Department imports (files, the CLI and the push API share this pipeline): stream rows,
// validate each, then write all good rows in ONE transaction, in batches of set-based
// statements, with the search documents synced in the same transaction. Either every good
// row of the file is in or none is; bad rows are reported with their field and a reason.

/** Rows written per batch of statements inside the transaction. */
export const IMPORT_BATCH_ROWS = 2000;

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface RowError extends RowIssue {
  rowNumber: number;
}

export interface ImportSummary {
  importId: number;
  kind: RecordKind;
  status: 'previewed' | 'committed' | 'failed';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorRows: number;
  /** Bad rows, each field once, in file order (capped at ERRORS_KEPT). */
  errors: RowError[];
  warnings: { rowNumber: number; message: string }[];
  /** Outcome of each good row, when asked for (the push API answers per record). */
  outcomes?: RowOutcome[];
  failure?: string;
}

const ERRORS_KEPT = 50_000;

export interface ImportOptions {
  departmentId: number;
  channel: 'upload' | 'cli' | 'api';
  mode: 'preview' | 'commit';
  today: string;
  actor: Actor;
  fileName?: string | null;
  createdBy?: number | null;
  collectOutcomes?: boolean;
  onProgress?: (rows: number) => void;
}

export interface SourceRow {
  rowNumber: number;
  raw: RawRow;
}

/** Reads a department's file (CSV or XLSX) into rows keyed by field code, checking its header first. */
export async function rowsOfFile(
  fileName: string,
  bytes: AsyncIterable<Buffer | Uint8Array>,
  hash?: ReturnType<typeof createHash>,
): Promise<{ kind: RecordKind; rows: AsyncIterable<SourceRow>; ignoredHeaders: string[] }> {
  const nameProblem = textProblem(fileName, { singleLine: true });
  if (nameProblem) throw new ImportFileError(textProblemMessage('文件名', nameProblem));
  const format: FileFormat | null = formatOf(fileName);
  if (!format) throw new ImportFileError(`不支持的文件类型“${fileName}”：请上传 CSV 或 XLSX 文件。`);
  const hashed = hash
    ? (async function* () {
        for await (const chunk of bytes) {
          hash.update(chunk);
          yield chunk;
        }
      })()
    : bytes;
  // An error of the byte source (a size limit, a dropped upload) is passed on as it is; any
  // other error while reading is the file's: it is not a valid CSV/XLSX.
  let sourceError: unknown = null;
  const source = (async function* () {
    try {
      yield* hashed;
    } catch (err) {
      sourceError = err;
      throw err;
    }
  })();
  const unreadable = (err: unknown) =>
    err instanceof ImportFileError || sourceError !== null
      ? (sourceError ?? err)
      : new ImportFileError(
          `文件“${fileName}”无法读取：它不是有效的 ${format.toUpperCase()} 文件，可能已损坏。请用 Excel 或 WPS 重新另存后再上传。`,
        );
  const table = await openTable(format, source).catch((err: unknown) => {
    throw unreadable(err);
  });
  const kind = detectRecordKind(table.headers);
  const refuse = (message: string) => {
    table.close();
    return new ImportFileError(message);
  };
  if (!kind) {
    throw refuse('无法识别表头：第一行应为国家标准字段代码（XK_* 或 CF_*）或其中文名称。');
  }
  const codes = table.headers.map((h) => fieldCodeOf(kind, h));
  const missing = FIELDS[kind].filter((f) => f.required && !codes.includes(f.code));
  if (missing.length > 0) {
    throw refuse(
      `${RECORD_KIND_LABELS[kind]}文件缺少必填列：${missing.map((f) => `${f.label}（${f.code}）`).join('、')}。`,
    );
  }
  const ignoredHeaders = table.headers.filter((h, i) => h !== '' && codes[i] === null);
  return {
    kind,
    ignoredHeaders,
    rows: {
      async *[Symbol.asyncIterator]() {
        // A file that breaks half-way (a truncated zip) is the file's fault, not the server's.
        const rows = (async function* () {
          try {
            yield* table.rows;
          } catch (err) {
            throw unreadable(err);
          }
        })();
        for await (const r of rows) {
          const raw: RawRow = {};
          codes.forEach((code, i) => {
            if (code) raw[code] = r.cells[i] ?? '';
          });
          yield { rowNumber: r.rowNumber, raw };
        }
      },
    },
  };
}

/** Validates (and in commit mode writes) rows of one kind for one department. */
export async function importRows(
  db: Db,
  kind: RecordKind,
  rows: AsyncIterable<SourceRow>,
  options: ImportOptions,
  fileSha256?: () => string | null,
): Promise<ImportSummary> {
  const created = await db
    .insertInto('imports')
    .values({
      departmentId: options.departmentId,
      recordKind: kind,
      channel: options.channel,
      fileName: options.fileName ?? null,
      status: 'running',
      createdBy: options.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const importId = created.id;
  const department = await publishingDepartment(db, options.departmentId);
  const summary: ImportSummary = {
    importId,
    kind,
    status: options.mode === 'preview' ? 'previewed' : 'committed',
    totalRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errorRows: 0,
    errors: [],
    warnings: [],
    ...(options.collectOutcomes ? { outcomes: [] } : {}),
  };
  const seen = new Map<string, number>();
  const keys = identityKeys();

  const consume = async (target: Db | null) => {
    let batch: ValidRow[] = [];
    // One batch is written while the next is read and validated (the database and the parser
    // work at once); batches are still written one after the other, in file order.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const full = batch;
      batch = [];
      if (!target || full.length === 0) return;
      await timed('wait: reader waits for the previous batch', () => writing);
      writing = writeBatch(target, kind, full, options, importId, keys, department).then(({ outcomes, refusals }) => {
        for (const o of outcomes) summary[o.outcome satisfies Outcome] += 1;
        summary.outcomes?.push(...outcomes);
        for (const r of refusals) addErrors(summary, r.rowNumber, [{ field: r.field, message: r.message }]);
      });
      // Its failure is raised by the next flush or at the end, not as an unhandled rejection.
      writing.catch(() => {});
    };
    try {
      await timed('reader: wall time of reading the file (parse + validate + waits)', () =>
        readRows(flush, () => batch),
      );
    } catch (err) {
      // Never leave a write running on the transaction's connection after it is rolled back.
      await writing.catch(() => {});
      throw err;
    }
    await timed('wait: last batch after the file is read', () => writing);
    options.onProgress?.(summary.totalRows);
  };
  const readRows = async (flush: () => Promise<void>, current: () => ValidRow[]) => {
    for await (const { rowNumber, raw } of rows) {
      summary.totalRows += 1;
      const result = timedSync('node: validate rows', () =>
        validateRow(kind, raw, rowNumber, options.today, department.name),
      );
      const authority = result.ok ? checkAuthority(kind, result.row.values, department, department.units) : null;
      if (authority && !authority.ok) {
        addErrors(summary, rowNumber, [
          { field: kind === 'licensing' ? 'XK_XKJG' : 'CF_CFJG', message: authority.refusal },
        ]);
      } else if (result.ok && authority?.ok) {
        result.row.values.authorityName = authority.authorityName;
        result.row.values.authorityCode = authority.authorityCode;
        if (authority.warning) result.row.warnings.push(authority.warning);
        const norm = result.row.values.documentNumberNorm;
        const first = seen.get(norm);
        if (first !== undefined) {
          addErrors(summary, rowNumber, [
            {
              field: kind === 'licensing' ? 'XK_WSH' : 'CF_WSH',
              message: `文书号与第${first}行重复，同一文件中每个文书号只能出现一次`,
            },
          ]);
          continue;
        }
        seen.set(norm, rowNumber);
        for (const w of result.row.warnings) summary.warnings.push({ rowNumber, message: w });
        current().push(result.row);
        if (current().length >= IMPORT_BATCH_ROWS) await flush();
      } else if (!result.ok) {
        addErrors(summary, rowNumber, result.issues);
      }
      if (summary.totalRows % 1000 === 0) options.onProgress?.(summary.totalRows);
    }
    await flush();
  };

  try {
    if (options.mode === 'commit') {
      let consumed = 0;
      await changingPublicData(() =>
        db.transaction().execute(async (trx) => {
          await consume(trx);
          consumed = performance.now();
        }),
      );
      addPhaseTime('db: commit', performance.now() - consumed);
    } else await rolledBack(db, consume);
    summary.errors.sort((a, b) => a.rowNumber - b.rowNumber);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    summary.status = 'failed';
    summary.created = summary.updated = summary.unchanged = 0;
    // The database's own text stays in the log: it is no message for a department.
    const reference = logInternalError(err, `导入批次 ${importId} 失败`);
    summary.failure = `导入失败，已全部回滚，未写入任何记录（错误编号 ${reference}），请稍后重试或联系网站管理员。`;
  }
  const written = (n: number) => (summary.status === 'previewed' ? 0 : n);
  await db
    .updateTable('imports')
    .set({
      status: summary.status,
      fileSha256: fileSha256?.() ?? null,
      totalRows: summary.totalRows,
      // A preview wrote nothing: the history counts what was written.
      createdRows: written(summary.created),
      updatedRows: written(summary.updated),
      unchangedRows: written(summary.unchanged),
      errorRows: summary.errorRows,
      finishedAt: new Date(),
    })
    .where('id', '=', importId)
    .execute();
  for (let i = 0; i < summary.errors.length; i += 1000) {
    await db
      .insertInto('importErrors')
      .values(
        summary.errors
          .slice(i, i + 1000)
          .map((e) => ({ importId, rowNumber: e.rowNumber, field: e.field, message: e.message })),
      )
      .execute();
  }
  return summary;
}

/**
 * The dry run is the commit, rolled back: every check the writer makes (the party of a code,
 * a document number already filed against another party, re-import rules) decides the
 * preview exactly as it would decide the commit, and nothing stays (SPEC §3; issue 13's
 * "the dry run decides exactly what the commit decides"). Inside a caller's transaction (the
 * staff preview keeps its file in one) a savepoint is rolled back instead.
 */
async function rolledBack(db: Db, work: (trx: Db) => Promise<void>): Promise<void> {
  if (db.isTransaction) {
    await sql`savepoint import_dry_run`.execute(db);
    try {
      await work(db);
    } finally {
      await sql`rollback to savepoint import_dry_run`.execute(db);
      await sql`release savepoint import_dry_run`.execute(db);
    }
    return;
  }
  const undo = new Error('import dry run: roll back');
  await db
    .transaction()
    .execute(async (trx) => {
      await work(trx);
      throw undo;
    })
    .catch((err: unknown) => {
      if (err !== undo) throw err;
    });
}

function addErrors(summary: ImportSummary, rowNumber: number, issues: RowIssue[]) {
  summary.errorRows += 1;
  const fields = new Set<string | null>();
  for (const issue of issues) {
    if (fields.has(issue.field) || summary.errors.length >= ERRORS_KEPT) continue;
    fields.add(issue.field);
    summary.errors.push({ rowNumber, ...issue });
  }
}

async function writeBatch(
  db: Db,
  kind: RecordKind,
  batch: ValidRow[],
  options: ImportOptions,
  importId: number,
  keys: ReturnType<typeof identityKeys>,
  department: PublishingDepartment & { id: number },
) {
  const { byRow, createdIds } = await timed('db: subjects (match, create, identities)', () =>
    resolveSubjects(
      db,
      keys,
      batch.map((r) => r.subject),
    ),
  );
  // The party must be the subject of its code (SPEC §3): a subject found by its code must carry the row's name.
  const known = await subjectNames(
    db,
    byRow.filter((s) => !s.created).map((s) => s.id),
  );
  const refusals: { rowNumber: number; field: string; message: string }[] = [];
  const rows: ImportedRow[] = [];
  batch.forEach((row, i) => {
    const subject = byRow[i]!;
    const names = known.get(subject.id);
    const p = kind === 'licensing' ? 'XK' : 'CF';
    const party = names ? checkParty(row.subject.name, names, `${p}_XDR_SHXYM`) : { ok: true as const };
    if (!party.ok) {
      refusals.push({ rowNumber: row.rowNumber, field: `${p}_XDR_MC`, message: party.refusal });
      return;
    }
    const v = row.values;
    rows.push({
      rowNumber: row.rowNumber,
      kind,
      subjectId: subject.id,
      subjectName: row.subject.name,
      documentNumber: v.documentNumber,
      documentNumberNorm: v.documentNumberNorm,
      columns: recordColumns(row, subject, options.departmentId),
      facts:
        row.kind === 'penalty'
          ? {
              decisionDate: row.values.decisionDate,
              severity: row.values.severity,
              categories: row.values.categories,
              legalBasis: row.values.legalBasis,
              requestedPublicUntil: row.values.requestedPublicUntil,
            }
          : null,
    });
  });
  const written = await timed('db: records (all)', () =>
    writeImportedRecords(db, kind, rows, {
      departmentId: options.departmentId,
      departmentName: department.name,
      importId,
      actor: options.actor,
      now: new Date(),
      newSubjectIds: createdIds,
    }),
  );
  return { outcomes: written.outcomes, refusals: [...refusals, ...written.refusals] };
}

/** The importing department and the sub-units the office registered for it (SPEC §3). */
async function publishingDepartment(
  db: Db,
  id: number,
): Promise<PublishingDepartment & { id: number; units: RegisteredUnit[] }> {
  const department = await db
    .selectFrom('departments')
    .select(['id', 'name', 'shortName', 'uscc'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!department) throw new ImportFileError('没有这个部门，无法导入。');
  const units = await db
    .selectFrom('departmentUnits')
    .select(['name', 'uscc'])
    .where('departmentId', '=', id)
    .execute();
  return { ...department, units };
}

/** Imports (or previews) a file: the shared entry of the upload page, the CLI and the portal endpoint. */
export async function importFile(
  db: Db,
  file: { name: string; bytes: AsyncIterable<Buffer | Uint8Array> },
  options: ImportOptions,
): Promise<ImportSummary & { ignoredHeaders: string[] }> {
  const hash = createHash('sha256');
  const { kind, rows, ignoredHeaders } = await rowsOfFile(file.name, file.bytes, hash);
  const summary = await importRows(db, kind, rows, { ...options, fileName: file.name }, () => hash.digest('hex'));
  return { ...summary, ignoredHeaders };
}

/** The error report of an import as CSV (UTF-8 with BOM so that Excel opens it correctly). */
export async function importErrorReportCsv(db: Db, importId: number): Promise<string | null> {
  const imp = await db.selectFrom('imports').select(['id', 'recordKind']).where('id', '=', importId).executeTakeFirst();
  if (!imp) return null;
  const errors = await db
    .selectFrom('importErrors')
    .select(['rowNumber', 'field', 'message'])
    .where('importId', '=', importId)
    .orderBy('rowNumber')
    .orderBy('id')
    .execute();
  return csvDocument([
    ['行号', '字段代码', '字段名称', '错误说明'],
    ...errors.map((e) => [e.rowNumber, e.field ?? '', e.field ? labelOf(imp.recordKind, e.field) : '', e.message]),
  ]);
}

export async function importHistory(db: Db, departmentId: number | null, limit = 50) {
  let q = db
    .selectFrom('imports')
    .innerJoin('departments', 'departments.id', 'imports.departmentId')
    .select([
      'imports.id',
      'imports.recordKind',
      'imports.channel',
      'imports.fileName',
      'imports.status',
      'imports.totalRows',
      'imports.createdRows',
      'imports.updatedRows',
      'imports.unchangedRows',
      'imports.errorRows',
      'imports.createdAt',
      'imports.finishedAt',
      'departments.name as departmentName',
    ])
    .orderBy('imports.id', 'desc')
    .limit(limit);
  if (departmentId !== null) q = q.where('imports.departmentId', '=', departmentId);
  return q.execute();
}

export { departmentByCode } from '../departments/repository';
