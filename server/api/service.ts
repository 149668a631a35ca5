import type { Db } from '../db/client';
import { activeItemsByChange, measuresOfEntries } from '../catalog/repository';
import { licensingByChange, penaltiesByChange, suspendedPenaltyCount } from '../disclosures/feed-repository';
import { casesByChange } from '../exposure/repository';
import { entriesInForceByChange } from '../lists/repository';
import { findOrganisationByUscc } from '../subjects/repository';
import { removedSince } from '../visibility/removed-repository';
import { departmentByCode } from '../departments/repository';
import { importFile, importRows, ImportFileError, importErrorReportCsv } from '../imports/service';
import { FIELDS, type RecordKind } from '../standard/fields';
import { SUBJECT_KIND_LABELS } from '../rules/codes';
import { validateUscc } from '../rules/uscc';
import { searchPublic } from '../search/service';
import { publicSubjectName } from '../subjects/present';
import { licensingStandard, listEntryStandard as listEntryJson, penaltyStandard } from '../open-data/standard';
import { z } from '../validation';
import { DEFAULT_LIMIT, MAX_IMPORT_BYTES, MAX_PUSH_BYTES, MAX_PUSH_RECORDS } from './limits';
import { decodeCursor, encodeCursor, parseQuery, type ParamName } from './params';
import { ApiError } from './problem';
import type { KeyCheck } from '../api-keys/service';
import { recordCreditCheck } from '../coordination/service';

// The REST endpoints (/api/v1): each takes the request context and answers JSON, or throws
// ApiError for a problem response. The router wraps them all (errors, keys, rate limit).

export interface ApiContext {
  db: Db;
  today: string;
  request: Request;
  url: URL;
  params: Record<string, string>;
  key: Extract<KeyCheck, { ok: true }> | null;
}

const LIST_PARAMS = ['department', 'year', 'changed_since', 'cursor', 'limit'] as const satisfies readonly ParamName[];

async function pageOf(ctx: ApiContext, allowed: readonly ParamName[]) {
  const q = parseQuery(ctx.url, [...LIST_PARAMS, ...allowed]);
  let departmentId: number | undefined;
  if (q.department) {
    const dept = await departmentByCode(ctx.db, q.department);
    if (!dept)
      throw new ApiError(400, `参数 department：没有代码为“${q.department}”的部门`, { parameter: 'department' });
    departmentId = dept.id;
  }
  const limit = q.limit ?? DEFAULT_LIMIT;
  return {
    q,
    filters: { ...(departmentId ? { departmentId } : {}), ...(q.year ? { year: q.year } : {}) },
    page: { after: decodeCursor(q.cursor), changedSince: q.changed_since ?? null, limit },
  };
}

function paginated<R extends { id: number; updatedAt: string }, T>(rows: R[], limit: number, map: (r: R) => T) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { data: page.map(map), next_cursor: more && last ? encodeCursor(last.updatedAt, last.id) : null };
}

export async function listPenalties(ctx: ApiContext) {
  const { filters, page } = await pageOf(ctx, []);
  const rows = await penaltiesByChange(ctx.db, ctx.today, filters, page);
  return paginated(rows, page.limit, penaltyStandard);
}

export async function listLicensing(ctx: ApiContext) {
  const { filters, page } = await pageOf(ctx, []);
  const rows = await licensingByChange(ctx.db, ctx.today, filters, page);
  return paginated(rows, page.limit, (r) => licensingStandard(r, ctx.today));
}

export async function listLists(ctx: ApiContext) {
  const { q, filters, page } = await pageOf(ctx, ['list_type']);
  const rows = await entriesInForceByChange(
    ctx.db,
    ctx.today,
    { ...filters, ...(q.list_type ? { listType: q.list_type } : {}) },
    page,
  );
  return paginated(rows, page.limit, listEntryJson);
}

export async function listExposureCases(ctx: ApiContext) {
  const { q, filters, page } = await pageOf(ctx, ['domain']);
  const rows = await casesByChange(ctx.db, ctx.today, { ...filters, ...(q.domain ? { domain: q.domain } : {}) }, page);
  return paginated(rows, page.limit, (r) => ({
    id: r.id,
    title: r.title,
    domain: r.domain,
    subject_name: r.subjectKind ? publicSubjectName(r.subjectKind, r.subjectName) : r.subjectName,
    uscc: r.uscc,
    department: r.departmentCode,
    summary: r.summary,
    body: r.body,
    published_on: r.publishedOn,
    updated_at: r.updatedAt,
  }));
}

export async function listCatalog(ctx: ApiContext) {
  const q = parseQuery(ctx.url, ['catalog_kind', 'domain', 'changed_since', 'cursor', 'limit']);
  const page = {
    after: decodeCursor(q.cursor),
    changedSince: q.changed_since ?? null,
    limit: q.limit ?? DEFAULT_LIMIT,
  };
  const rows = await activeItemsByChange(
    ctx.db,
    { ...(q.catalog_kind ? { kind: q.catalog_kind } : {}), ...(q.domain ? { domain: q.domain } : {}) },
    page,
  );
  return paginated(rows, page.limit, (r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind,
    deciding_unit: r.decidingUnit,
    measure: r.measure,
    reason: r.reason,
    legal_basis: r.legalBasis,
    implementing_units: r.implementingUnits,
    content: r.content,
    evidence: r.evidence,
    domain: r.domain,
    updated_at: r.updatedAt,
  }));
}

/** GET /api/v1/removals: what left public view since `changed_since`, for systems that keep a copy. */
export async function listRemovals(ctx: ApiContext) {
  const q = parseQuery(ctx.url, ['changed_since', 'limit']);
  if (!q.changed_since) {
    throw new ApiError(400, '参数 changed_since：必填，例如 2026-11-01T00:00:00+08:00', { parameter: 'changed_since' });
  }
  const limit = q.limit ?? DEFAULT_LIMIT;
  const rows = await removedSince(ctx.db, ctx.today, q.changed_since, limit);
  return { data: rows.map((r) => ({ kind: r.kind, id: r.id, removed_at: r.at })), truncated: rows.length >= limit };
}

export async function search(ctx: ApiContext) {
  const q = parseQuery(ctx.url, [
    'q',
    'kind',
    'department',
    'year',
    'category',
    'severity',
    'list_type',
    'domain',
    'sort',
    'group',
    'page',
  ]);
  let departmentIds: number[] | undefined;
  if (q.department) {
    const dept = await departmentByCode(ctx.db, q.department);
    if (!dept)
      throw new ApiError(400, `参数 department：没有代码为“${q.department}”的部门`, { parameter: 'department' });
    departmentIds = [dept.id];
  }
  const result = await searchPublic(
    ctx.db,
    {
      q: q.q ?? '',
      ...(q.kind ? { kinds: q.kind } : {}),
      ...(departmentIds ? { departmentIds } : {}),
      ...(q.year ? { years: [q.year] } : {}),
      ...(q.category ? { categories: q.category } : {}),
      ...(q.severity ? { severities: q.severity } : {}),
      ...(q.list_type ? { listTypes: [q.list_type] } : {}),
      ...(q.domain ? { domains: [q.domain] } : {}),
      ...(q.sort ? { sort: q.sort } : {}),
      ...(q.group ? { group: q.group } : {}),
      ...(q.page ? { page: q.page } : {}),
    },
    ctx.today,
  );
  return {
    total: result.total,
    total_is_exact: result.totalIsExact,
    page: result.page,
    page_size: result.pageSize,
    page_count: result.pageCount,
    ...(result.groupCount === undefined ? {} : { group_count: result.groupCount }),
    notice: result.notice,
    code: result.code,
    hits: result.hits.map((h) => ({
      kind: h.kind,
      id: h.entityId,
      subject_id: h.subjectId,
      title: h.display.title,
      subtitle: h.display.subtitle,
      document_number: h.display.documentNumber,
      department_name: h.display.departmentName,
      date: h.display.date,
      badges: h.display.badges,
      href: h.display.href,
      ...(h.collapsed ? { collapsed: h.collapsed } : {}),
    })),
    facets: Object.fromEntries(
      Object.entries(result.facets).map(([name, values]) => [
        name,
        values.map((v) => ({ value: v.value, label: v.label, count: v.count })),
      ]),
    ),
  };
}

async function subjectOrThrow(ctx: ApiContext) {
  const raw = decodeURIComponent(ctx.params.uscc ?? '');
  const check = validateUscc(raw);
  if (!check.ok) throw new ApiError(400, `参数 uscc：${check.message}`, { parameter: 'uscc' });
  if (check.placeholder)
    throw new ApiError(400, '参数 uscc：占位符 00000000000000000X 不能用于查询，请使用主体的统一社会信用代码', {
      parameter: 'uscc',
    });
  const subject = await findOrganisationByUscc(ctx.db, check.uscc);
  if (!subject) throw new ApiError(404, `未找到统一社会信用代码为 ${check.uscc} 的信用主体`);
  return subject;
}

const ALL = { after: null, changedSince: null, limit: 1000 };

export async function subject(ctx: ApiContext) {
  parseQuery(ctx.url, []);
  const s = await subjectOrThrow(ctx);
  const [penalties, licences, entries] = await Promise.all([
    penaltiesByChange(ctx.db, ctx.today, { uscc: s.uscc! }, ALL),
    licensingByChange(ctx.db, ctx.today, { uscc: s.uscc! }, ALL),
    entriesInForceByChange(ctx.db, ctx.today, { subjectId: s.id }, ALL),
  ]);
  return {
    uscc: s.uscc,
    name: publicSubjectName(s.kind, s.name),
    kind: s.kind,
    kind_label: SUBJECT_KIND_LABELS[s.kind],
    registration_number: s.registrationNumber,
    legal_representative: s.legalRepresentative,
    division_code: s.divisionCode,
    division_name: s.divisionName,
    industry: s.industry,
    address: s.address,
    established_on: s.establishedOn,
    registration_status: s.registrationStatus,
    penalties: penalties.map(penaltyStandard),
    licensing: licences.map((r) => licensingStandard(r, ctx.today)),
    list_entries: entries.map(listEntryJson),
  };
}

export const CREDIT_STATUS_LABELS = {
  dishonesty: '失信联合惩戒对象：应依目录实施惩戒措施',
  suspended: '异议处理中：联合惩戒暂停实施',
  honor: '守信红名单：可依目录实施激励措施',
  none: '未列入红黑名单',
} as const;

/** For approval systems (SPEC §5, §6): what applies to this subject today, and why. */
export async function creditCheck(ctx: ApiContext) {
  parseQuery(ctx.url, []);
  const s = await subjectOrThrow(ctx);
  const entries = await entriesInForceByChange(ctx.db, ctx.today, { subjectId: s.id }, ALL);
  const activeBlack = entries.filter((e) => e.listType === 'dishonesty' && e.status === 'active');
  const suspendedBlack = entries.filter((e) => e.listType === 'dishonesty' && e.status === 'suspended');
  const activeRed = entries.filter((e) => e.listType === 'honor' && e.status === 'active');
  const suspendedPenalties = await suspendedPenaltyCount(ctx.db, s.id, ctx.today);
  // A suspended entry never punishes (SPEC §6); punishment wins over incentives.
  const status: keyof typeof CREDIT_STATUS_LABELS =
    activeBlack.length > 0
      ? 'dishonesty'
      : suspendedBlack.length > 0
        ? 'suspended'
        : activeRed.length > 0
          ? 'honor'
          : 'none';
  const applying = status === 'dishonesty' ? activeBlack : status === 'honor' ? activeRed : [];
  const measures = await measuresOfEntries(
    ctx.db,
    applying.map((e) => e.id),
    { activeOnly: true },
  );
  const penaltyIds = new Set(applying.map((e) => e.penaltyRecordId).filter((id): id is number => id !== null));
  const penalties =
    penaltyIds.size === 0
      ? []
      : (await penaltiesByChange(ctx.db, ctx.today, { uscc: s.uscc! }, ALL)).filter((p) => penaltyIds.has(p.id));
  return {
    // The id an approval system reports its decision against (POST /api/v1/feedback, check_id).
    check_id: await recordCreditCheck(ctx.db, {
      subjectId: s.id,
      today: ctx.today,
      status,
      catalogItemIds: measures.map((m) => m.id),
      apiKeyId: ctx.key?.keyId ?? null,
      departmentId: ctx.key?.departmentId ?? null,
    }),
    uscc: s.uscc,
    name: s.name,
    checked_on: ctx.today,
    status,
    status_label: CREDIT_STATUS_LABELS[status],
    measures: measures.map((m) => ({
      code: m.code,
      kind: m.kind,
      measure: m.measure,
      content: m.content,
      implementing_units: m.implementingUnits,
      legal_basis: m.legalBasis,
      list_entry_id: m.listEntryId,
    })),
    list_entries: (status === 'suspended' ? suspendedBlack : applying).map(listEntryJson),
    penalties: penalties.map(penaltyStandard),
    suspended_penalties: suspendedPenalties,
  };
}

const pushSchema = z.object({
  kind: z.enum(['licensing', 'penalty'], 'kind 应为 licensing 或 penalty'),
  dry_run: z.boolean('dry_run 应为 true 或 false').optional(),
  records: z
    .array(z.record(z.string(), z.unknown()), 'records 应为记录数组')
    .min(1, 'records 至少要有一条记录')
    .max(MAX_PUSH_RECORDS, `每次最多提交 ${MAX_PUSH_RECORDS} 条记录`),
});

async function readLimited(request: Request, max: number): Promise<Buffer> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > max) throw new ApiError(413, `请求内容超过 ${Math.round(max / 1024 / 1024)} MB 上限`);
  const buf = Buffer.from(await request.arrayBuffer());
  if (buf.length > max) throw new ApiError(413, `请求内容超过 ${Math.round(max / 1024 / 1024)} MB 上限`);
  return buf;
}

/** POST /api/v1/disclosures: a department system pushes records in the standard's field codes. */
export async function pushDisclosures(ctx: ApiContext) {
  const key = ctx.key!;
  const type = ctx.request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) throw new ApiError(415, '请以 application/json 提交，格式见 /api/v1/docs');
  let body: unknown;
  try {
    body = JSON.parse((await readLimited(ctx.request, MAX_PUSH_BYTES)).toString('utf8'));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(400, '请求体不是有效的 JSON', { parameter: 'body' });
  }
  const parsed = pushSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const parameter = issue.path.join('.') || 'body';
    throw new ApiError(400, `参数 ${parameter}：${issue.message}`, { parameter });
  }
  const { kind, records } = parsed.data;
  const known = new Set(FIELDS[kind as RecordKind].map((f) => f.code));
  const summary = await importRows(
    ctx.db,
    kind,
    (async function* () {
      for (const [i, r] of records.entries()) {
        yield { rowNumber: i + 1, raw: Object.fromEntries(Object.entries(r).filter(([k]) => known.has(k))) };
      }
    })(),
    {
      departmentId: key.departmentId,
      channel: 'api',
      mode: parsed.data.dry_run ? 'preview' : 'commit',
      today: ctx.today,
      actor: { type: 'api', id: String(key.keyId), label: `${key.departmentName}（API）` },
      collectOutcomes: true,
    },
  );
  if (summary.status === 'failed') throw new ApiError(503, summary.failure ?? '写入失败，已全部回滚，请稍后重试');
  const outcomes = new Map((summary.outcomes ?? []).map((o) => [o.rowNumber, o]));
  const errors = new Map<number, { field: string | null; message: string }[]>();
  for (const e of summary.errors)
    errors.set(e.rowNumber, [...(errors.get(e.rowNumber) ?? []), { field: e.field, message: e.message }]);
  return {
    import_id: summary.importId,
    dry_run: summary.status === 'previewed',
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.errorRows,
    results: records.map((_, i) => {
      const o = outcomes.get(i + 1);
      const errs = errors.get(i + 1);
      if (errs) return { index: i, status: 'rejected' as const, errors: errs };
      // A dry run is rolled back: what it would write has no id yet.
      if (o && summary.status !== 'previewed')
        return { index: i, status: o.outcome, id: o.id, document_number: o.documentNumber };
      return { index: i, status: 'valid' as const };
    }),
  };
}

/** POST /api/v1/imports: a whole file handed over (the CLI while the portal holds the embedded database). */
export async function importUpload(ctx: ApiContext) {
  const key = ctx.key!;
  const q = new URLSearchParams(ctx.url.search);
  const mode = q.get('mode') === 'preview' ? 'preview' : 'commit';
  let name: string;
  try {
    name = decodeURIComponent(ctx.request.headers.get('x-file-name') ?? '');
  } catch {
    throw new ApiError(400, 'X-File-Name 请求头的百分号编码无效，请用 encodeURIComponent 编码文件名', {
      parameter: 'X-File-Name',
    });
  }
  if (!name)
    throw new ApiError(400, '请在 X-File-Name 请求头中给出文件名（.csv 或 .xlsx）', { parameter: 'X-File-Name' });
  if (!ctx.request.body) throw new ApiError(400, '请求体为空：请把文件内容作为请求体发送', { parameter: 'file' });
  if (Number(ctx.request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) {
    throw new ApiError(413, `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限`);
  }
  const source = ctx.request.body;
  // Streamed straight into the parser: a 100,000-row file never sits in memory whole.
  const bytes = (async function* () {
    let total = 0;
    for await (const chunk of source as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > MAX_IMPORT_BYTES) throw new ApiError(413, `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限`);
      yield Buffer.from(chunk);
    }
  })();
  try {
    const summary = await importFile(
      ctx.db,
      { name, bytes },
      {
        departmentId: key.departmentId,
        channel: 'upload',
        mode,
        today: ctx.today,
        actor: { type: 'api', id: String(key.keyId), label: `${key.departmentName}（文件导入）` },
      },
    );
    return { ...summary, errors: summary.errors.slice(0, 1000) };
  } catch (err) {
    if (err instanceof ImportFileError) throw new ApiError(400, err.message, { parameter: 'file' });
    throw err;
  }
}

/** GET /api/v1/imports/{id}/errors.csv: the error report of one of the key's department's imports. */
export async function importErrors(ctx: ApiContext) {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id)) throw new ApiError(400, '参数 id：导入批次号应为整数', { parameter: 'id' });
  const owner = await ctx.db.selectFrom('imports').select('departmentId').where('id', '=', id).executeTakeFirst();
  if (!owner) throw new ApiError(404, `没有批次号为 ${id} 的导入`);
  if (owner.departmentId !== ctx.key!.departmentId) throw new ApiError(403, '该导入批次不属于此密钥所属部门');
  const csv = await importErrorReportCsv(ctx.db, id);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-${id}-errors.csv"`,
    },
  });
}
