'use client';

import { Badge } from '@/components/badge';
import { formatDate } from '@/components/format';
import { PageLink } from '@/components/page-link';
import { FactList, validityText } from '@/components/subjects/facts';
import { RecordActions } from '@/components/subjects/record-actions';
import type { SubjectProfile } from '@/server/subjects/service';

// The records of a subject's page (/subjects/[id]): client components, as their markup is drawn
// from data and a subject may have dozens (components/README.md).

export function LicensingRecord({ r }: { r: SubjectProfile['licensing'][number] }) {
  return (
    <Record testId={`licensing-${r.id}`}>
      <RecordTitle href={r.href} title={r.decisionDocumentName}>
        {r.expired ? <Badge tone="warning">已过期</Badge> : <Badge tone="honor">有效期内</Badge>}
        {r.suspended ? <Badge tone="warning">异议处理中</Badge> : null}
      </RecordTitle>
      <FactList
        compact
        rows={[
          { label: '决定文书号', value: r.documentNumber },
          { label: '许可类别', value: r.licenceCategory },
          ...(r.certificateName ? [{ label: '许可证书', value: r.certificateName }] : []),
          ...(r.licenceNumber ? [{ label: '许可编号', value: r.licenceNumber }] : []),
          { label: '许可内容', value: r.content },
          { label: '有效期', value: validityText(r.validFrom, r.validUntil) },
          { label: '许可机关', value: r.authorityName },
          { label: '决定日期', value: formatDate(r.decisionDate) },
        ]}
      />
      <RecordActions actions={r.actions} recordLabel={`${r.decisionDocumentName} ${r.documentNumber}`} />
    </Record>
  );
}

export function PenaltyRecord({ r }: { r: SubjectProfile['penalties'][number] }) {
  return (
    <Record testId={`penalty-${r.id}`}>
      <RecordTitle href={r.href} title={r.violationType}>
        {r.suspended ? <Badge tone="warning">异议处理中</Badge> : null}
      </RecordTitle>
      <FactList
        compact
        rows={[
          { label: '决定文书号', value: r.documentNumber, nowrap: true },
          { label: '处罚类别', value: r.categories.join('、') },
          { label: '处罚内容', value: r.content },
          ...(r.fineAmountWan ? [{ label: '罚款金额', value: `${r.fineAmountWan} 万元` }] : []),
          ...(r.confiscatedAmountWan ? [{ label: '没收金额', value: `${r.confiscatedAmountWan} 万元` }] : []),
          { label: '失信程度', value: r.severityLabel },
          { label: '处罚机关', value: r.authorityName },
          { label: '决定日期', value: formatDate(r.decisionDate) },
          {
            label: '公示截止',
            value: r.publicUntil ? `${formatDate(r.publicUntil)}（届时自动停止公示）` : '异议处理期间暂停计算',
          },
          ...(r.earliestRepairOn ? [{ label: '最早可申请修复', value: formatDate(r.earliestRepairOn) }] : []),
        ]}
      />
      {r.movedDatesNote ? (
        <p className="mt-2 text-sm text-amber-800" data-testid="moved-dates">
          {r.movedDatesNote}
        </p>
      ) : null}
      <RecordActions actions={r.actions} recordLabel={`${r.violationType} ${r.documentNumber}`} />
    </Record>
  );
}

function Record({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <li data-testid={testId} className="rounded-md border border-slate-200 p-4">
      {children}
    </li>
  );
}

function RecordTitle({ href, title, children }: { href?: string; title: string; children?: React.ReactNode }) {
  return (
    <h3 className="mb-2 flex flex-wrap items-center gap-2 font-medium">
      {href ? (
        <PageLink href={href} className="text-brand-700 hover:underline">
          {title}
        </PageLink>
      ) : (
        <span>{title}</span>
      )}
      {children}
    </h3>
  );
}

/** 执行反馈: what departments reported applying (of a natural person, the number only). */
function AppliedMeasures({
  applied,
  honor,
}: {
  applied: SubjectProfile['listEntries'][number]['applied'];
  honor: boolean;
}) {
  const title = honor ? '已实施的激励措施' : '已实施的惩戒措施';
  return (
    <div className="mt-3" data-testid="applied-measures">
      <h4 className="text-sm font-medium text-slate-800">{title}（部门执行反馈）</h4>
      {applied.count === 0 ? (
        <p className="text-sm text-slate-600">尚无部门反馈已实施。</p>
      ) : applied.measures.length === 0 ? (
        <p className="text-sm text-slate-700">已有 {applied.count} 项措施经部门反馈已实施。</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {applied.measures.map((m, i) => (
            <li key={`${m.code}-${m.department}-${i}`}>
              <span className="font-medium text-slate-900">{m.measure}</span>（{m.code}）：{m.department}于
              {formatDate(m.appliedOn)}实施
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ListEntry({ entry: e }: { entry: SubjectProfile['listEntries'][number] }) {
  return (
    <Record testId={`list-entry-${e.id}`}>
      <RecordTitle title={e.listTypeLabel}>
        <Badge tone={e.listType === 'honor' ? 'honor' : 'danger'}>
          {e.listType === 'honor' ? '守信激励' : '失信惩戒'}
        </Badge>
        {e.suspended ? <Badge tone="warning">异议处理中（暂停惩戒）</Badge> : null}
      </RecordTitle>
      <FactList
        compact
        rows={[
          { label: '认定文号', value: e.decisionNumber },
          { label: '认定部门', value: e.departmentName },
          { label: '列入事由', value: e.reason },
          { label: '认定依据', value: e.basis },
          ...(e.domain ? [{ label: '所属领域', value: e.domain }] : []),
          { label: '列入日期', value: formatDate(e.listedOn) },
          { label: '有效期至', value: e.validUntil ? formatDate(e.validUntil) : '异议处理期间暂停计算' },
        ]}
      />
      <div className="mt-3">
        <h4 className="text-sm font-medium text-slate-800">
          {e.listType === 'honor' ? '适用的联合激励措施' : '适用的联合惩戒措施'}（依据
          <PageLink href="/catalog" className="text-brand-700 underline">
            联合奖惩目录清单
          </PageLink>
          ）
        </h4>
        {e.measures.length === 0 ? (
          <p className="text-sm text-slate-600">未列明措施。</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {e.measures.map((m) => (
              <li key={m.code}>
                <span className="font-medium text-slate-900">{m.measure}</span>：{m.content}
                <span className="text-slate-600">（实施单位：{m.implementingUnits}）</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <AppliedMeasures applied={e.applied} honor={e.listType === 'honor'} />
      <RecordActions actions={e.actions} recordLabel={`${e.listTypeLabel} ${e.decisionNumber}`} />
    </Record>
  );
}
