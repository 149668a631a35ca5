import { createHash } from 'node:crypto';
import { csvStream, type CsvValue } from '../csv/writer';
import type { Db } from '../db/client';
import { publishedFields, type FieldDef } from '../standard/fields';
import { licensingByChange, penaltiesByChange } from '../disclosures/feed-repository';
import { entriesInForceByChange } from '../lists/repository';
import { licensingStandard, listEntryStandard, penaltyStandard } from './standard';
import { licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from '../visibility/public';

// Open data (SPEC §3, §7): every public record as CSV and JSON at stable URLs
// (/open-data/penalties.csv …) with the standard's field codes. Files are generated on
// request, streamed in keyset pages, and carry an ETag over (today, row count, last change):
// a changed record, a new day (publication ends) or a new record gives a new file, and an
// unchanged one answers 304 without being rebuilt. Only what the public predicates allow,
// masked as on the pages.

export const DATASETS = ['penalties', 'licensing', 'lists'] as const;
export type Dataset = (typeof DATASETS)[number];
export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface DatasetInfo {
  name: Dataset;
  title: string;
  description: string;
  fields: (Pick<FieldDef, 'code' | 'label'> & { note?: string })[];
}

const EXTRA_RECORD_FIELDS = [
  { code: 'suspended', label: '异议处理中', note: 'true 表示异议或投诉处理中，联合惩戒暂停' },
  { code: 'department', label: '报送部门代码' },
  { code: 'updated_at', label: '最后变更时间（UTC）' },
];

export const DATASET_INFO: Record<Dataset, DatasetInfo> = {
  penalties: {
    name: 'penalties',
    title: '行政处罚',
    description: '公示期内的行政处罚决定（国家标准 CF_* 字段）。公示期满、撤销、修复或不予公示的记录不在其中。',
    fields: [
      { code: 'id', label: '平台记录编号' },
      ...publishedFields('penalty').map((f) => ({
        code: f.code,
        label: f.label,
        ...(f.code.endsWith('ZJHM') ? { note: '已脱敏：只显示前4位和后4位' } : {}),
        ...(f.code === 'CF_XDR_MC' ? { note: '自然人只显示姓氏' } : {}),
        ...(f.code === 'CF_GSJZQ' ? { note: '公示截止日（该日起不再公示）' } : {}),
      })),
      { code: 'severity', label: '失信严重程度', note: 'minor 轻微、general 一般、serious 严重' },
      ...EXTRA_RECORD_FIELDS,
    ],
  },
  licensing: {
    name: 'licensing',
    title: '行政许可',
    description: '已公示的行政许可决定（国家标准 XK_* 字段）。超过有效期的许可仍然列出并标记 expired。',
    fields: [
      { code: 'id', label: '平台记录编号' },
      ...publishedFields('licensing').map((f) => ({
        code: f.code,
        label: f.label,
        ...(f.code.endsWith('ZJHM') ? { note: '已脱敏：只显示前4位和后4位' } : {}),
        ...(f.code === 'XK_XDR_MC' ? { note: '自然人只显示姓氏' } : {}),
      })),
      { code: 'expired', label: '已过期', note: 'true 表示已超过有效期至' },
      ...EXTRA_RECORD_FIELDS,
    ],
  },
  lists: {
    name: 'lists',
    title: '红黑名单',
    description: '当前有效的守信红名单和失信联合惩戒对象名单条目。',
    fields: [
      { code: 'id', label: '平台记录编号' },
      { code: 'list_type', label: '名单类型', note: 'honor 守信红名单、dishonesty 失信联合惩戒对象名单' },
      { code: 'list_type_label', label: '名单类型名称' },
      { code: 'subject_name', label: '主体名称', note: '自然人只显示姓氏' },
      { code: 'uscc', label: '统一社会信用代码' },
      { code: 'department', label: '认定部门代码' },
      { code: 'department_name', label: '认定部门' },
      { code: 'decision_number', label: '认定文号' },
      { code: 'basis', label: '认定依据' },
      { code: 'reason', label: '列入事由' },
      { code: 'domain', label: '领域' },
      { code: 'listed_on', label: '列入日期' },
      { code: 'valid_until', label: '有效期至' },
      ...EXTRA_RECORD_FIELDS,
    ],
  },
};

const PAGE = 1000;

/** Every public row of a dataset, in (updated_at, id) order, a page at a time. */
async function* records(db: Db, today: string, dataset: Dataset): AsyncGenerator<Record<string, unknown>> {
  let after: { ts: string; id: number } | null = null;
  for (;;) {
    const page = { after, changedSince: null, limit: PAGE };
    let rows: { id: number; updatedAt: string; out: Record<string, unknown> }[];
    if (dataset === 'penalties') {
      rows = (await penaltiesByChange(db, today, {}, page)).map((r) => ({ ...r, out: penaltyStandard(r) }));
    } else if (dataset === 'licensing') {
      rows = (await licensingByChange(db, today, {}, page)).map((r) => ({ ...r, out: licensingStandard(r, today) }));
    } else {
      rows = (await entriesInForceByChange(db, today, {}, page)).map((r) => ({ ...r, out: listEntryStandard(r) }));
    }
    for (const r of rows.slice(0, PAGE)) yield r.out;
    if (rows.length <= PAGE) return;
    const last = rows[PAGE - 1]!;
    after = { ts: last.updatedAt, id: last.id };
  }
}

/** Count and last change of a dataset's public rows: what the ETag and the dictionary page show. */
export async function datasetState(
  db: Db,
  today: string,
  dataset: Dataset,
): Promise<{ count: number; lastChange: string | null }> {
  const q =
    dataset === 'penalties'
      ? db
          .selectFrom('penaltyRecords')
          .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('updatedAt').as('last')])
          .where((eb) => penaltyIsPublic(eb, today))
      : dataset === 'licensing'
        ? db
            .selectFrom('licensingRecords')
            .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('updatedAt').as('last')])
            .where((eb) => licensingIsPublic(eb, today))
        : db
            .selectFrom('listEntries')
            .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('updatedAt').as('last')])
            .where((eb) => listEntryIsInForce(eb, today));
  const r = await q.executeTakeFirstOrThrow();
  return { count: Number(r.n), lastChange: r.last ? new Date(r.last as unknown as string).toISOString() : null };
}

export async function etagOf(db: Db, today: string, dataset: Dataset, format: Format): Promise<string> {
  const state = await datasetState(db, today, dataset);
  const hash = createHash('sha256')
    .update(`${dataset}|${format}|${today}|${state.count}|${state.lastChange}`)
    .digest('base64url');
  return `"${hash.slice(0, 27)}"`;
}

/** The file's body as a stream of UTF-8 text chunks. */
export async function* fileChunks(db: Db, today: string, dataset: Dataset, format: Format): AsyncGenerator<string> {
  const fields = DATASET_INFO[dataset].fields.map((f) => f.code);
  if (format === 'csv') {
    yield* csvStream(fields, rowsOf(records(db, today, dataset), fields));
    return;
  }
  const info = DATASET_INFO[dataset];
  yield `{"dataset":${JSON.stringify(dataset)},"title":${JSON.stringify(info.title)},"generated_on":${JSON.stringify(today)},"fields":${JSON.stringify(info.fields)},"records":[`;
  let first = true;
  let buffer = '';
  for await (const r of records(db, today, dataset)) {
    const picked = Object.fromEntries(fields.map((f) => [f, r[f] ?? null]));
    buffer += `${first ? '' : ','}\n${JSON.stringify(picked)}`;
    first = false;
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n]}\n`;
}

/** The dictionary page's data: each dataset with its size today. */
export async function openDataOverview(db: Db, today: string) {
  return Promise.all(
    DATASETS.map(async (name) => ({ ...DATASET_INFO[name], ...(await datasetState(db, today, name)) })),
  );
}

/** An HTTP answer for /open-data/{dataset}.{format}: 304 when the client's copy is current. */
export async function openDataResponse(
  db: Db,
  today: string,
  file: string,
  ifNoneMatch: string | null,
): Promise<Response | null> {
  const m = /^([a-z]+)\.(csv|json)$/.exec(file);
  if (!m || !(DATASETS as readonly string[]).includes(m[1]!)) return null;
  const dataset = m[1] as Dataset;
  const format = m[2] as Format;
  const etag = await etagOf(db, today, dataset, format);
  const headers = {
    etag,
    'cache-control': 'public, max-age=0, must-revalidate',
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `inline; filename="leshan-${dataset}-${today}.${format}"`,
  };
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag))
    return new Response(null, { status: 304, headers });
  const encoder = new TextEncoder();
  const chunks = fileChunks(db, today, dataset, format);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers });
}

async function* rowsOf(records: AsyncIterable<Record<string, unknown>>, fields: readonly string[]) {
  for await (const r of records) yield fields.map((f) => r[f] as CsvValue);
}
