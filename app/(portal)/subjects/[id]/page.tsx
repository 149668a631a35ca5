import type { Metadata } from 'next';
import { Badge, toneOfStatus } from '@/components/badge';
import { formatDate } from '@/components/format';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { FactList, factRows } from '@/components/subjects/facts';
import { findProfile, loadProfile } from '@/components/subjects/load';
import { LicensingRecord, ListEntry, PenaltyRecord } from '@/components/subjects/records';
import { RepairTable } from '@/components/subjects/repair-table';

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
                  <LicensingRecord key={r.id} r={r} />
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
                  <PenaltyRecord key={r.id} r={r} />
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
