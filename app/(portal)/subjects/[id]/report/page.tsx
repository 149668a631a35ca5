import type { Metadata } from 'next';
import { Badge, toneOfStatus } from '@/components/badge';
import { formatDate } from '@/components/format';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { firstParam, type SearchParamsRecord } from '@/components/query-string';
import { FactList, factRows, validityText } from '@/components/subjects/facts';
import { loadProfile, orNotFound, parseSubjectId, subjectIdOf } from '@/components/subjects/load';
import { PrintButton } from '@/components/subjects/print-button';
import { RepairTable } from '@/components/subjects/repair-table';
import { headers } from 'next/headers';
import { publicOriginOf } from '@/server/http/origin';
import { createCaller } from '@/server/root';
import { PORTAL_FULL_NAME, PORTAL_NAME, type ReportContent } from '@/server/subjects/service';
import { createContext } from '@/server/trpc';
import { issueReportAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

// A report is for the person who asked for it, not for search engines.
const NOINDEX = { index: false, follow: false } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return {
    ...pageMetadata({
      title: '信用报告',
      description: '信用乐山出具的信用报告：出具日公开的信用信息，附报告编号和验证码，可在本站核验真伪。',
      path: `/subjects/${parseSubjectId(id) ?? 0}/report`,
    }),
    robots: NOINDEX,
  };
}

export default async function ReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const code = firstParam((await searchParams).code);
  if (code === undefined) return <IssuePage id={id} />;
  const caller = createCaller(await createContext());
  const report = await orNotFound(caller.subjects.report({ subjectId: subjectIdOf(id), code }));
  const c = report.content;
  const verifyUrl = new URL('/verify', publicOriginOf(await headers())).toString();

  return (
    <div className="report mx-auto max-w-4xl px-4 py-6 print:max-w-none print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden" data-testid="report-toolbar">
        <a
          href={`/subjects/${c.subject.id}/report/pdf?code=${encodeURIComponent(report.verificationCode)}`}
          download
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          data-testid="report-pdf"
        >
          下载PDF版
        </a>
        <PrintButton />
        <p className="text-sm text-slate-700">
          PDF 版带电子签名和核验二维码，可交给银行、招标方或审批窗口。打印或另存为 PDF：按 Ctrl+P（Mac 上按 ⌘+P）。
        </p>
        <PageLink href={`/subjects/${c.subject.id}`} className="text-sm text-brand-700 underline">
          返回信用档案
        </PageLink>
      </div>

      <article className="rounded-lg bg-white p-6 shadow-sm print:rounded-none print:p-0 print:shadow-none">
        <header className="border-b-2 border-brand-700 pb-4 text-center">
          <p className="text-sm tracking-widest text-brand-700">
            {c.portal.name} · {c.portal.fullName}
          </p>
          <h1 className="mt-2 text-2xl font-bold tracking-wide">信用报告</h1>
          <p className="mt-1 text-lg">{c.subject.name}</p>
        </header>

        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3 print:grid-cols-3">
          <div>
            <dt className="inline text-slate-600">报告编号：</dt>
            <dd className="inline font-mono" data-testid="report-number">
              {report.reportNumber}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-600">出具日期：</dt>
            <dd className="inline">{formatDate(report.issuedOn)}</dd>
          </div>
          <div>
            <dt className="inline text-slate-600">验证码：</dt>
            <dd className="inline font-mono text-base font-semibold tracking-wider" data-testid="verification-code">
              {report.verificationCode}
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-slate-700">
          核验方法：访问 <span className="font-mono">{verifyUrl}</span>
          ，输入上方验证码，核对本平台存档的报告摘要与本报告是否一致。
        </p>

        <ReportSection title="一、基本信息">
          <FactList compact rows={factRows(c.subject)} />
          <p className="mt-2 text-sm">
            信用状态：
            {c.badges.length === 0
              ? '无红黑名单、异议或修复状态'
              : c.badges.map((b) => (
                  <span key={b} className="mr-1">
                    <Badge tone={toneOfStatus(b)}>{b}</Badge>
                  </span>
                ))}
          </p>
        </ReportSection>
        <LicensingTable rows={c.licensing} />
        <PenaltyTable rows={c.penalties} />
        <ListEntryTable rows={c.listEntries} />
        <ReportSection title="五、信用修复记录">
          {c.repairs.length === 0 ? <None /> : <RepairTable repairs={c.repairs} />}
        </ReportSection>

        <footer className="mt-6 border-t border-slate-300 pt-3 text-xs text-slate-700">
          <p>
            说明：本报告依据出具日在{PORTAL_NAME}（{PORTAL_FULL_NAME}
            ）公开的信用信息生成，已停止公示、已撤销或已修复的信息不在报告中。自然人姓名和证件号码已部分隐藏。本报告免费出具。
          </p>
          <p className="mt-1 break-all">
            内容摘要（SHA-256）：<span className="font-mono">{report.contentSha256}</span>
          </p>
        </footer>
      </article>
    </div>
  );
}

/** The page before a report exists: what it contains, and the button that issues it. */
async function IssuePage({ id }: { id: string }) {
  const profile = await loadProfile(id);
  const s = profile.subject;
  const counts = [
    ['行政许可', profile.licensing.length],
    ['行政处罚', profile.penalties.length],
    ['红黑名单', profile.listEntries.length],
    ['信用修复记录', profile.repairs.length],
  ] as const;
  return (
    <>
      <PageHeader
        title={`出具信用报告：${s.name}`}
        lead="信用报告列明出具当日在本平台公开的全部信用信息，带有报告编号和验证码，任何人可在本站核验真伪。出具免费。"
        crumbs={[
          { label: '信用查询', href: '/search' },
          { label: s.name, href: `/subjects/${s.id}` },
          { label: '信用报告' },
        ]}
      />
      <div className="mx-auto max-w-3xl px-4 py-6">
        <section aria-labelledby="contents-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="contents-heading" className="mb-3 text-lg font-semibold">
            报告将包含（截至 {formatDate(profile.today)}）
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {counts.map(([label, n]) => (
              <li key={label} className="rounded-md bg-slate-50 p-3 text-center">
                <span className="block text-2xl font-bold text-brand-700">{n}</span>
                <span className="text-sm text-slate-700">{label}</span>
              </li>
            ))}
          </ul>
          <form action={issueReportAction} className="mt-5">
            <input type="hidden" name="subjectId" value={s.id} />
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              出具信用报告
            </button>
          </form>
          <p className="mt-3 text-sm text-slate-700">
            同一天内信息未变化的，再次出具得到同一份报告（同一编号和验证码）。收到他人提供的报告，可在
            <PageLink href="/verify" className="text-brand-700 underline">
              信用报告核验
            </PageLink>
            页面输入验证码核对。
          </p>
        </section>
      </div>
    </>
  );
}

const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body > header, body > footer { display: none !important; }
  body { background: #fff !important; }
  .report h2 { break-after: avoid; }
  .report tr, .report li { break-inside: avoid; }
  .report a { color: inherit; text-decoration: none; }
}`;

function ReportSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h2 className="mb-2 border-b border-slate-300 pb-1 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function None() {
  return <p className="text-sm text-slate-700">无</p>;
}

/** A bordered table; columns listed in `nowrap` (dates, short states) never break inside a cell. */
function Table({
  caption,
  head,
  rows,
  nowrap = [],
}: {
  caption: string;
  head: string[];
  rows: React.ReactNode[][];
  nowrap?: number[];
}) {
  return (
    // A wide table scrolls on a phone: the region takes focus so keyboard users can scroll it too.
    <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th
                key={h}
                scope="col"
                className="whitespace-nowrap border border-slate-300 bg-slate-50 px-2 py-1 font-medium"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) => (
                <td
                  key={j}
                  className={`border border-slate-300 px-2 py-1 align-top ${nowrap.includes(j) ? 'whitespace-nowrap' : ''}`}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LicensingTable({ rows }: { rows: ReportContent['licensing'] }) {
  return (
    <ReportSection title={`二、行政许可（${rows.length} 条）`}>
      {rows.length === 0 ? (
        <None />
      ) : (
        <Table
          caption="行政许可"
          head={['决定文书', '决定文书号', '许可内容', '有效期', '许可机关', '状态']}
          nowrap={[5]}
          rows={rows.map((r) => [
            r.decisionDocumentName,
            r.documentNumber,
            r.content,
            validityText(r.validFrom, r.validUntil),
            r.authorityName,
            [r.expired ? '已过期' : '有效', r.suspended ? '异议处理中' : null].filter(Boolean).join('，'),
          ])}
        />
      )}
    </ReportSection>
  );
}

function PenaltyTable({ rows }: { rows: ReportContent['penalties'] }) {
  return (
    <ReportSection title={`三、行政处罚（${rows.length} 条）`}>
      {rows.length === 0 ? (
        <None />
      ) : (
        <Table
          caption="行政处罚"
          head={['违法行为类型', '决定文书号', '处罚内容', '决定日期', '处罚机关', '公示截止']}
          nowrap={[3, 5]}
          rows={rows.map((r) => [
            r.violationType,
            r.documentNumber,
            `${r.categories.join('、')}；${r.content}`,
            formatDate(r.decisionDate),
            r.authorityName,
            r.publicUntil ? formatDate(r.publicUntil) : '异议处理中',
          ])}
        />
      )}
    </ReportSection>
  );
}

function ListEntryTable({ rows }: { rows: ReportContent['listEntries'] }) {
  return (
    <ReportSection title={`四、红黑名单（${rows.length} 条）`}>
      {rows.length === 0 ? (
        <None />
      ) : (
        <Table
          caption="红黑名单"
          head={['名单', '认定文号', '列入事由', '认定部门', '列入日期', '有效期至', '适用措施']}
          nowrap={[4, 5]}
          rows={rows.map((e) => [
            e.listTypeLabel,
            e.decisionNumber,
            e.reason,
            e.departmentName,
            formatDate(e.listedOn),
            e.validUntil ? formatDate(e.validUntil) : '异议处理中',
            e.measures.map((m) => m.measure).join('；') || '—',
          ])}
        />
      )}
    </ReportSection>
  );
}
