import { cache } from 'react';
import { TRPCError } from '@trpc/server';
import { Badge, toneOfStatus } from '@/components/badge';
import { formatDate } from '@/components/format';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { LICENSING_FIELDS, PENALTY_FIELDS, type StandardField } from '@/server/disclosures/service';
import type { DisclosureKind } from '@/server/disclosures/filters';
import type { LicensingDetail, PenaltyDetail } from '@/server/disclosures/service';
import { KIND_TEXT } from './kinds';

/** Record ids are positive integers; anything else is not a record (404, never a 500). */
const ID = /^[1-9]\d{0,14}$/;

async function publicRecord(kind: DisclosureKind, idParam: string): Promise<PenaltyDetail | LicensingDetail | null> {
  if (!ID.test(idParam)) return null;
  const caller = createCaller(await createContext());
  try {
    const id = Number(idParam);
    return kind === 'penalty' ? await caller.disclosures.penalty({ id }) : await caller.disclosures.licence({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** One lookup per request, shared by generateMetadata and the page. */
export const loadPublicRecord = cache(publicRecord);

export function recordTitle(r: PenaltyDetail | LicensingDetail): string {
  return r.kind === 'penalty'
    ? `行政处罚：${r.violationType}`
    : `行政许可：${r.certificateName ?? r.decisionDocumentName}`;
}

function FieldValue({ type, value }: { type: string; value: string | null }) {
  if (value === null || value === '') return <span className="text-slate-500">—</span>;
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <time dateTime={value}>{formatDate(value)}</time>;
  if (type === 'longText') return <span className="whitespace-pre-line">{value}</span>;
  return <span className="break-all">{value}</span>;
}

function FieldTable<R>({
  fields,
  record,
  caption,
}: {
  fields: readonly StandardField<R>[];
  record: R;
  caption: string;
}) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="standard-fields">
      <caption className="mb-2 text-left text-lg font-semibold text-slate-900">{caption}</caption>
      <tbody>
        {fields.map((f) => (
          <tr key={f.code} className="border-t border-slate-200 align-top" data-code={f.code}>
            <th scope="row" className="w-32 py-2 pr-3 text-left font-medium text-slate-700 sm:w-56">
              {f.label}
            </th>
            <td className="py-2 text-slate-900">
              <FieldValue type={f.type} value={f.value(record)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The national standard's field codes, for those who map the data: out of the citizen's way. */
function FieldCodes({ fields }: { fields: readonly { code: string; label: string }[] }) {
  return (
    <details className="mt-4 text-sm" data-testid="field-codes">
      <summary className="cursor-pointer text-brand-700 underline">数据项代码</summary>
      <p className="mt-2 text-slate-600">本页各项对应全国信用信息共享平台双公示数据标准的数据项代码：</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {fields.map((f) => (
          <div key={f.code} className="contents">
            <dt className="text-slate-700">{f.label}</dt>
            <dd className="font-mono text-slate-900">{f.code}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A record's page: status, publication period, actions, and every public standard field. */
export async function RecordView({ record }: { record: PenaltyDetail | LicensingDetail }) {
  const text = KIND_TEXT[record.kind];
  const fields = (record.kind === 'penalty' ? PENALTY_FIELDS : LICENSING_FIELDS) as readonly StandardField<
    PenaltyDetail | LicensingDetail
  >[];
  // Why the end moved, naming the objections and complaints that suspended it (SPEC §6).
  const movedNote =
    record.kind === 'penalty' && record.suspendedDays > 0
      ? await createCaller(await createContext()).applications.movedDates({ id: record.id })
      : null;
  const recordRef = `${text.recordKey}:${record.id}`;
  const person = !record.subjectLinkable;
  return (
    <>
      <PageHeader
        title={recordTitle(record)}
        crumbs={[{ label: text.listTitle, href: text.path }]}
        lead={`${record.subjectName} · ${record.documentNumber}`}
      >
        {record.badges.length ? (
          <p className="mt-3 flex gap-2" data-testid="badges">
            {record.badges.map((b) => (
              <Badge key={b} tone={toneOfStatus(b)}>
                {b}
              </Badge>
            ))}
          </p>
        ) : null}
      </PageHeader>
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[1fr_18rem]">
        <aside aria-labelledby="record-aside-heading" className="space-y-4 lg:col-start-2 lg:row-start-1">
          <h2 id="record-aside-heading" className="sr-only">
            公示状态与办理
          </h2>
          <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="period-heading">
            <h3 id="period-heading" className="font-semibold">
              公示期限
            </h3>
            {record.kind === 'penalty' ? (
              <>
                <p className="mt-1 text-sm" data-testid="public-period">
                  {formatDate(record.publicFrom)} 至 {formatDate(record.publicUntil)}
                </p>
                {movedNote ? (
                  <p className="mt-1 text-sm text-amber-800" data-testid="period-moved">
                    {movedNote}（公示截止日期现为 {formatDate(record.publicUntil)}
                    {record.earliestRepairOn ? `，最早可申请修复日期现为 ${formatDate(record.earliestRepairOn)}` : ''}）
                  </p>
                ) : null}
                <p className="mt-1 text-xs text-slate-600" data-testid="repair-window">
                  {record.repairableEarly && record.earliestRepairOn
                    ? `最短公示期满日：${formatDate(record.earliestRepairOn)}，此后可申请信用修复。`
                    : '该处罚不得提前修复，公示期满后自动停止公示。'}
                </p>
                <p className="mt-1 text-xs text-slate-600">
                  {record.suspended
                    ? '异议处理中：处理期间暂停联合惩戒；异议被驳回的，公示期按暂停天数顺延。'
                    : '公示截止期届满后，本信息自动撤下。'}
                </p>
              </>
            ) : (
              <p className="mt-1 text-sm" data-testid="public-period">
                自 {formatDate(record.publicFrom)} 起公示；有效期至{' '}
                {record.validUntil === '2099-12-31' ? '长期' : formatDate(record.validUntil)}
                {record.expired ? '（已过期）' : ''}
              </p>
            )}
            <p className="mt-2 text-sm text-slate-700">决定部门：{record.departmentName}</p>
          </section>
          <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="actions-heading">
            <h3 id="actions-heading" className="font-semibold">
              办理
            </h3>
            <ul className="mt-2 space-y-2 text-sm">
              {record.subjectLinkable ? (
                <li>
                  <PageLink href={`/subjects/${record.subjectId}`} className="text-brand-700 underline">
                    查看{record.subjectName}的信用档案
                  </PageLink>
                </li>
              ) : null}
              <li>
                <PageLink
                  href={`/apply/objection?record=${encodeURIComponent(recordRef)}`}
                  className="text-brand-700 underline"
                >
                  对本条信息提出异议
                </PageLink>
              </li>
              {record.kind === 'penalty' ? (
                <li>
                  <PageLink
                    href={`/apply/repair?record=${encodeURIComponent(recordRef)}`}
                    className="text-brand-700 underline"
                  >
                    申请信用修复
                  </PageLink>
                  <span className="block text-xs text-slate-600">信用修复全程免费，谨防收费代办。</span>
                </li>
              ) : null}
            </ul>
          </section>
        </aside>
        <div className="min-w-0 rounded-lg bg-white p-5 shadow-sm lg:col-start-1 lg:row-start-1">
          <FieldTable<PenaltyDetail | LicensingDetail>
            fields={fields}
            record={record}
            caption="公示信息（全国信用信息共享平台双公示数据标准）"
          />
          <FieldCodes fields={fields} />
          {person ? (
            <p className="mt-4 text-sm text-slate-600">
              行政相对人为自然人，姓名和证件号码按规定脱敏显示（证件号码仅显示前 4 位和后 4 位）。
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
