import type { Metadata } from 'next';
import { Badge, toneOfStatus } from '@/components/badge';
import { formatDate } from '@/components/format';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { FactList, factRows, validityText } from '@/components/subjects/facts';
import { findProfile, loadProfile } from '@/components/subjects/load';
import { RecordActions } from '@/components/subjects/record-actions';
import { RepairTable } from '@/components/subjects/repair-table';
import type { SubjectProfile } from '@/server/subjects/service';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const profile = await findProfile(id);
  if (!profile) return { title: '页面不存在' };
  const s = profile.subject;
  return pageMetadata({
    title: `${s.name} 信用档案`,
    description: `${s.name}（${s.kindLabel}）在信用乐山公开的行政许可、行政处罚、红黑名单和信用修复信息。`,
    path: `/subjects/${s.id}`,
  });
}

export default async function SubjectPage({ params }: Props) {
  const { id } = await params;
  const profile = await loadProfile(id);
  const s = profile.subject;
  const sections = [
    { id: 'facts', title: '基本信息', count: null },
    { id: 'licensing', title: '行政许可', count: profile.licensing.length },
    { id: 'penalties', title: '行政处罚', count: profile.penalties.length },
    { id: 'lists', title: '红黑名单', count: profile.listEntries.length },
    { id: 'repairs', title: '信用修复记录', count: profile.repairs.length },
  ];
  const code = s.uscc ? (
    <>
      统一社会信用代码{' '}
      <span className="whitespace-nowrap" data-testid="subject-code">
        {s.uscc}
      </span>
    </>
  ) : s.idNumber ? (
    <>
      证件号码{' '}
      <span className="whitespace-nowrap" data-testid="subject-code">
        {s.idNumber}
      </span>
    </>
  ) : null;

  return (
    <>
      <PageHeader
        title={s.name}
        lead={
          code ? (
            <>
              {s.kindLabel} · {code}
            </>
          ) : (
            s.kindLabel
          )
        }
        crumbs={[{ label: '信用查询', href: '/search' }, { label: '信用档案' }]}
      >
        <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="subject-badges">
          {profile.badges.length === 0 ? (
            <span className="text-sm text-slate-600">暂无红黑名单、异议或修复状态</span>
          ) : (
            profile.badges.map((b) => (
              <Badge key={b} tone={toneOfStatus(b)}>
                {b}
              </Badge>
            ))
          )}
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <PageLink
            href={`/subjects/${s.id}/report`}
            rel="nofollow"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            出具信用报告
          </PageLink>
          <PageLink
            href="/guides"
            className="rounded-md border border-brand-700 px-4 py-2 text-sm text-brand-700 hover:bg-brand-50"
          >
            异议与信用修复指南
          </PageLink>
        </div>
      </PageHeader>

      <div className="mx-auto max-w-6xl px-4 py-6">
        <nav aria-label="本页目录" className="mb-6">
          <ul className="flex flex-wrap gap-2 text-sm">
            {sections.map((sec) => (
              <li key={sec.id}>
                <a
                  href={`#${sec.id}`}
                  className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-brand-700 hover:border-brand-600"
                >
                  {sec.title}
                  {sec.count === null ? null : <span className="ml-1 text-slate-600">{sec.count}</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <div className="space-y-6">
          <Section id="facts" title="基本信息">
            <FactList rows={factRows(s)} />
            <p className="mt-3 text-xs text-slate-600">
              信息截至 {formatDate(profile.today)}。
              {s.kind === 'natural_person' ? '为保护个人信息，自然人姓名和证件号码已部分隐藏。' : null}
            </p>
          </Section>

          <Section id="licensing" title="行政许可" count={profile.licensing.length}>
            {profile.licensing.length === 0 ? (
              <Empty>暂无公示的行政许可信息。</Empty>
            ) : (
              <RecordList>
                {profile.licensing.map((r) => (
                  <Record key={r.id} testId={`licensing-${r.id}`}>
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
                ))}
              </RecordList>
            )}
            <Truncated show={profile.truncated.licensing} href="/disclosures/licensing" />
          </Section>

          <Section id="penalties" title="行政处罚" count={profile.penalties.length}>
            {profile.penalties.length === 0 ? (
              <Empty>暂无公示的行政处罚信息。</Empty>
            ) : (
              <RecordList>
                {profile.penalties.map((r) => (
                  <Record key={r.id} testId={`penalty-${r.id}`}>
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
                        ...(r.confiscatedAmountWan
                          ? [{ label: '没收金额', value: `${r.confiscatedAmountWan} 万元` }]
                          : []),
                        { label: '失信程度', value: r.severityLabel },
                        { label: '处罚机关', value: r.authorityName },
                        { label: '决定日期', value: formatDate(r.decisionDate) },
                        {
                          label: '公示截止',
                          value: r.publicUntil
                            ? `${formatDate(r.publicUntil)}（届时自动停止公示）`
                            : '异议处理期间暂停计算',
                        },
                        ...(r.earliestRepairOn
                          ? [{ label: '最早可申请修复', value: formatDate(r.earliestRepairOn) }]
                          : []),
                      ]}
                    />
                    {r.movedDatesNote ? (
                      <p className="mt-2 text-sm text-amber-800" data-testid="moved-dates">
                        {r.movedDatesNote}
                      </p>
                    ) : null}
                    <RecordActions actions={r.actions} recordLabel={`${r.violationType} ${r.documentNumber}`} />
                  </Record>
                ))}
              </RecordList>
            )}
            <Truncated show={profile.truncated.penalties} href="/disclosures/penalties" />
          </Section>

          <Section id="lists" title="红黑名单" count={profile.listEntries.length}>
            {profile.listEntries.length === 0 ? (
              <Empty>未列入有效期内的守信红名单或失信联合惩戒对象名单。</Empty>
            ) : (
              <RecordList>
                {profile.listEntries.map((e) => (
                  <ListEntry key={e.id} entry={e} />
                ))}
              </RecordList>
            )}
          </Section>

          <Section id="repairs" title="信用修复记录" count={profile.repairs.length}>
            <p className="mb-3 text-sm text-slate-700">
              信用修复后，相关失信信息停止公示，此处只列明修复的信息类别、决定部门和生效日期。
            </p>
            {profile.repairs.length === 0 ? (
              <Empty>暂无信用修复记录。</Empty>
            ) : (
              <RepairTable repairs={profile.repairs} />
            )}
          </Section>

          <aside aria-labelledby="help-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-5">
            <h2 id="help-heading" className="font-semibold text-brand-800">
              对公示信息有疑问？
            </h2>
            <p className="mt-2 text-sm text-slate-700">
              认为信息有误、遗漏或超期的，可以向作出决定的部门提出异议；纠正失信行为并满足最短公示期后，可以申请信用修复。
              <strong>异议和信用修复均不收取任何费用</strong>，请勿相信以“代办修复”为名的收费。
            </p>
          </aside>
        </div>
      </div>
    </>
  );
}

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-4 rounded-lg bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-4 border-l-4 border-brand-700 pl-3 text-lg font-semibold">
        {title}
        {count === undefined ? null : <span className="ml-2 text-sm font-normal text-slate-600">共 {count} 条</span>}
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-slate-600">{children}</p>;
}

function RecordList({ children }: { children: React.ReactNode }) {
  return <ul className="space-y-4">{children}</ul>;
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

function Truncated({ show, href }: { show: boolean; href: string }) {
  if (!show) return null;
  return (
    <p className="mt-3 text-sm text-slate-700">
      此处仅列出最近的记录，完整记录请到
      <PageLink href={href} className="text-brand-700 underline">
        双公示查询
      </PageLink>
      。
    </p>
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

function ListEntry({ entry: e }: { entry: SubjectProfile['listEntries'][number] }) {
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
