import { firstParam, hrefWith } from '@/components/query-string';
import { ResponsiveTable, type Column } from '@/components/admin/responsive-table';
import { AdminPanel } from '@/components/admin/panel';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@/server/audit/labels';
import { auditFilterInput, type AuditFilter } from '@/server/audit/schema';
import type { auditTrail } from '@/server/audit/service';
import { staffCaller } from '../_lib/session';
import { formatDateTime } from '@/components/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: '审计日志' };

const FIELDS = ['entity', 'entityId', 'documentNumber', 'actor', 'action', 'from', 'to', 'before'] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  entity: '对象类型',
  entityId: '对象编号',
  documentNumber: '文书号',
  actor: '操作人',
  action: '操作',
  from: '起始日期',
  to: '结束日期',
  before: '页码',
};

const input = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1';

type Entry = Awaited<ReturnType<typeof auditTrail>>['entries'][number];

function Change({ entry }: { entry: Entry }) {
  if (entry.before === null && entry.after === null) return <>{entry.note ?? '—'}</>;
  return (
    <>
      {entry.note ? <p className="mb-1">{entry.note}</p> : null}
      <details>
        <summary className="cursor-pointer text-brand-700 underline">变更内容</summary>
        <dl className="mt-1 text-xs">
          {entry.before !== null ? (
            <>
              <dt className="font-semibold">变更前</dt>
              <dd>
                <pre className="max-w-prose whitespace-pre-wrap break-all">{JSON.stringify(entry.before, null, 1)}</pre>
              </dd>
            </>
          ) : null}
          {entry.after !== null ? (
            <>
              <dt className="font-semibold">变更后</dt>
              <dd>
                <pre className="max-w-prose whitespace-pre-wrap break-all">{JSON.stringify(entry.after, null, 1)}</pre>
              </dd>
            </>
          ) : null}
        </dl>
      </details>
    </>
  );
}

const COLUMNS: Column<Entry>[] = [
  {
    header: '时间',
    cell: (e) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(e.at, { seconds: true })}</span>,
  },
  { header: '操作人', cell: (e) => `${e.actor}（${e.actorType}）` },
  { header: '操作', cell: (e) => e.actionLabel },
  {
    header: '对象',
    cell: (e) => (
      <a
        className="text-brand-700 underline"
        href={hrefWith('/admin/audit', { entity: e.entityType, entityId: e.entityId })}
        aria-label={`只看${e.entityLabel} ${e.entityId} 的记录`}
      >
        {e.entityLabel} {e.entityId}
      </a>
    ),
  },
  { header: '说明', cell: (e) => <Change entry={e} /> },
];

/** The audit trail, read-only (SPEC §7): newest first, filtered by record, actor, action and date. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  const sp = await searchParams;
  const asked = Object.fromEntries(FIELDS.map((f) => [f, firstParam(sp[f]) ?? ''])) as Record<Field, string>;
  const parsed = auditFilterInput.safeParse(asked);
  const errors = new Map<Field, string>();
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] as Field | undefined) ?? 'entity';
      if (!errors.has(field)) errors.set(field, issue.message);
    }
  const filter: AuditFilter | null = parsed.success ? parsed.data : null;
  const [trail, actors] = await Promise.all([
    filter ? caller.audit.list(filter) : Promise.resolve(null),
    caller.audit.actors(),
  ]);
  const current = Object.fromEntries(FIELDS.filter((f) => f !== 'before').map((f) => [f, asked[f]]));
  const describedBy = (f: Field) => (errors.has(f) ? `${f}-error` : undefined);
  const fieldError = (f: Field) =>
    errors.has(f) ? (
      <span id={`${f}-error`} className="mt-1 block font-semibold text-seal-700">
        {errors.get(f)}
      </span>
    ) : null;

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">审计日志</h1>
      <p className="mb-4 max-w-3xl text-slate-700">
        {staff.role === 'department'
          ? '本部门的操作记录：本部门工作人员的操作，以及本部门的处罚、许可、名单、申请和下属单位发生的变更。只读，不可修改或删除。'
          : '全部操作记录：谁在何时对哪条信息做了什么，变更前后的内容。只读，不可修改或删除。'}
      </p>
      {errors.size > 0 ? (
        <div role="alert" className="mb-4 border-l-4 border-seal-700 bg-white p-3" data-testid="filter-errors">
          <p className="font-semibold">筛选条件有误，请修改后重新查询：</p>
          <ul className="list-disc pl-6">
            {[...errors].map(([f, m]) => (
              <li key={f}>
                <a href={`#${f === 'before' ? 'entity' : f}`} className="text-seal-700 underline">
                  {LABELS[f]}：{m}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <AdminPanel id="filters" title="筛选">
        <form method="get" aria-label="筛选审计日志" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label htmlFor="entity">
            对象类型
            <select
              id="entity"
              name="entity"
              defaultValue={asked.entity}
              className={input}
              aria-describedby={describedBy('entity')}
            >
              <option value="">全部</option>
              {Object.entries(AUDIT_ENTITY_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
            {fieldError('entity')}
          </label>
          <label htmlFor="entityId">
            对象编号
            <input
              id="entityId"
              name="entityId"
              defaultValue={asked.entityId}
              className={input}
              inputMode="numeric"
              aria-invalid={errors.has('entityId') || undefined}
              aria-describedby={describedBy('entityId')}
            />
            {fieldError('entityId')}
          </label>
          <label htmlFor="documentNumber">
            文书号（处罚、许可）
            <input
              id="documentNumber"
              name="documentNumber"
              defaultValue={asked.documentNumber}
              className={input}
              aria-invalid={errors.has('documentNumber') || undefined}
              aria-describedby={describedBy('documentNumber')}
            />
            {fieldError('documentNumber')}
          </label>
          <label htmlFor="actor">
            操作人
            <input
              id="actor"
              name="actor"
              list="actors"
              defaultValue={asked.actor}
              className={input}
              aria-invalid={errors.has('actor') || undefined}
              aria-describedby={describedBy('actor')}
            />
            <datalist id="actors">
              {actors.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            {fieldError('actor')}
          </label>
          <label htmlFor="action">
            操作
            <select
              id="action"
              name="action"
              defaultValue={asked.action}
              className={input}
              aria-describedby={describedBy('action')}
            >
              <option value="">全部</option>
              {Object.entries(AUDIT_ACTION_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
            {fieldError('action')}
          </label>
          <label htmlFor="from">
            起始日期
            <input
              id="from"
              name="from"
              type="date"
              defaultValue={asked.from}
              className={input}
              aria-invalid={errors.has('from') || undefined}
              aria-describedby={describedBy('from')}
            />
            {fieldError('from')}
          </label>
          <label htmlFor="to">
            结束日期
            <input
              id="to"
              name="to"
              type="date"
              defaultValue={asked.to}
              className={input}
              aria-invalid={errors.has('to') || undefined}
              aria-describedby={describedBy('to')}
            />
            {fieldError('to')}
          </label>
          <div className="flex items-end gap-3">
            <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
              查询
            </button>
            <a href="/admin/audit" className="text-brand-700 underline">
              清除筛选
            </a>
          </div>
        </form>
      </AdminPanel>
      {trail === null ? null : trail.entries.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4" data-testid="audit-empty">
          没有符合条件的记录。
        </p>
      ) : (
        <>
          <ResponsiveTable
            label="审计日志列表"
            caption="审计日志，最新的在前"
            testId="audit"
            rows={trail.entries}
            rowKey={(e) => e.id}
            columns={COLUMNS}
            minWidth="min-w-[48rem]"
          />
          <nav aria-label="审计日志分页" className="mt-4 flex flex-wrap gap-4">
            {filter?.before ? (
              <a className="text-brand-700 underline" href={hrefWith('/admin/audit', current)}>
                回到最新
              </a>
            ) : null}
            {trail.nextBefore ? (
              <a
                className="text-brand-700 underline"
                href={hrefWith('/admin/audit', current, { before: String(trail.nextBefore) })}
              >
                下一页（更早的记录）
              </a>
            ) : (
              <span className="text-slate-700">已到最早的记录。</span>
            )}
          </nav>
        </>
      )}
    </>
  );
}
