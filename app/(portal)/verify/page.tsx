import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Badge, toneOfStatus } from '@/components/badge';
import { formatDate } from '@/components/format';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { firstParam, type SearchParamsRecord } from '@/components/query-string';
import { clientIpFrom } from '@/server/rate-limit/service';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { PdfVerifyForm } from './pdf-form';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const code = firstParam((await searchParams).code);
  return {
    ...pageMetadata({
      title: '信用报告核验',
      description: '输入信用乐山信用报告上的验证码，核对报告是否由本平台出具、内容是否一致。',
      path: '/verify',
    }),
    // Result pages (with a code) are for the person checking, not for search engines.
    ...(code !== undefined ? { robots: { index: false, follow: false } } : {}),
  };
}

export default async function VerifyPage({ searchParams }: Props) {
  const code = (firstParam((await searchParams).code) ?? '').slice(0, 64);
  const asked = code.trim() !== '';
  const result = asked
    ? await createCaller(await createContext({ clientIp: clientIpFrom(await headers()) })).subjects.verify({ code })
    : null;

  return (
    <>
      <PageHeader
        title="信用报告核验"
        lead="输入信用报告上的验证码（15 位字母和数字，不区分大小写），查看本平台存档的报告摘要，核对手中的报告是否真实、完整；PDF 版报告也可直接上传，核验电子签名。"
      />
      <div className="mx-auto max-w-3xl px-4 py-6">
        <form action="/verify" method="get" className="rounded-lg bg-white p-5 shadow-sm">
          <label htmlFor="code" className="block font-medium">
            验证码
          </label>
          <p id="code-hint" className="text-sm text-slate-600">
            例如 7K3QX-M2D9P-H4TBN，短横线和空格可省略
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <input
              id="code"
              name="code"
              type="text"
              defaultValue={code}
              required
              maxLength={64}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby="code-hint"
              className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2 font-mono text-lg tracking-wider"
            />
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800"
            >
              核验
            </button>
          </div>
        </form>

        {result === null ? null : result.status === 'valid' ? (
          <section
            aria-labelledby="result-heading"
            className="mt-6 rounded-lg border-2 border-honor-700 bg-white p-5 shadow-sm"
            data-testid="verify-result"
          >
            <h2 id="result-heading" className="text-xl font-bold text-honor-700">
              ✓ 报告真实有效
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              该验证码对应本平台出具的信用报告。以下为本平台存档的报告摘要，请与手中的报告逐项核对；如有不一致，以存档为准。
            </p>
            <dl className="mt-4 grid gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-slate-600">信用主体</dt>
              <dd className="font-medium">{result.subject.name}</dd>
              <dt className="text-slate-600">{result.subject.uscc ? '统一社会信用代码' : '证件号码'}</dt>
              <dd className="font-mono">{result.subject.uscc ?? result.subject.idNumber ?? '—'}</dd>
              <dt className="text-slate-600">报告编号</dt>
              <dd className="font-mono">{result.reportNumber}</dd>
              <dt className="text-slate-600">出具日期</dt>
              <dd>{formatDate(result.issuedOn)}</dd>
              <dt className="text-slate-600">验证码</dt>
              <dd className="font-mono">{result.verificationCode}</dd>
              <dt className="text-slate-600">信用状态</dt>
              <dd className="flex flex-wrap gap-1">
                {result.badges.length === 0
                  ? '无红黑名单、异议或修复状态'
                  : result.badges.map((b) => (
                      <Badge key={b} tone={toneOfStatus(b)}>
                        {b}
                      </Badge>
                    ))}
              </dd>
              <dt className="text-slate-600">内容摘要</dt>
              <dd>
                <span className="block break-all font-mono text-xs">SHA-256 {result.contentSha256}</span>
                {result.digestMatches ? (
                  <span className="text-honor-700">存档内容与摘要一致</span>
                ) : (
                  <span className="font-medium text-seal-700">存档内容与摘要不一致，请联系主办单位核实</span>
                )}
              </dd>
            </dl>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="mb-2 text-left font-medium">报告各部分内容</caption>
                <thead className="border-b border-slate-300">
                  <tr>
                    <th scope="col" className="whitespace-nowrap py-1 pr-4 font-medium">
                      部分
                    </th>
                    <th scope="col" className="whitespace-nowrap py-1 pr-4 font-medium">
                      条数
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      决定文书号 / 认定文号
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.sections.map((s) => (
                    <tr key={s.key}>
                      <th scope="row" className="whitespace-nowrap py-1.5 pr-4 font-normal">
                        {s.label}
                      </th>
                      <td className="py-1.5 pr-4">{s.count}</td>
                      <td className="py-1.5">{s.documentNumbers.join('、') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="mt-4 text-sm text-slate-700">
              报告反映出具日的公开信息，此后可能已有变化。
              <PageLink href={`/subjects/${result.subject.id}`} className="text-brand-700 underline">
                查看该主体当前的信用档案
              </PageLink>
            </p>
          </section>
        ) : (
          <section
            aria-labelledby="result-heading"
            className="mt-6 rounded-lg border-2 border-seal-600 bg-white p-5 shadow-sm"
            data-testid="verify-result"
          >
            <h2 id="result-heading" className="text-xl font-bold text-seal-700">
              {result.status === 'not_found' ? '未找到该验证码' : '核验暂停'}
            </h2>
            <p className="mt-1 text-slate-700">
              {result.status === 'not_found'
                ? '本平台没有出具过带此验证码的信用报告。请核对验证码是否输入有误；如确认无误，该报告可能不是本平台出具的。'
                : `来自本网络（或针对这个验证码）的核验尝试过多，为防止验证码被猜测，核验暂时停止。${result.retryWhen}。`}
            </p>
          </section>
        )}
        <div className="mt-8">
          <PdfVerifyForm />
        </div>
      </div>
    </>
  );
}
