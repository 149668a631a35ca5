'use client';

import { useActionState } from 'react';
import { formatDate } from '@/components/format';
import type { PdfVerdict } from '@/server/reports/service';
import { verifyPdfAction, type PdfCheckState } from './actions';

// The second way to check a report: upload the PDF itself. A real multipart form that posts
// without JavaScript; the answer comes back on the same page.

const FAILURES: Record<Exclude<PdfVerdict['status'], 'valid' | 'rate_limited'>, { title: string; text: string }> = {
  not_pdf: { title: '不是 PDF 文件', text: '该文件不是 PDF 文件。请上传从本平台下载的信用报告 PDF。' },
  no_signature: {
    title: '没有电子签名',
    text: '该 PDF 没有电子签名，不是本平台出具的 PDF 信用报告。可改用报告上的验证码核验。',
  },
  incomplete_coverage: {
    title: '签名无效：文件在签名后被追加修改',
    text: '该 PDF 在签名之后又被追加了内容，签名不覆盖整个文件。请勿采信，请向报告提供方索取原始文件。',
  },
  malformed_signature: {
    title: '签名无效：签名已损坏',
    text: '该 PDF 中的电子签名无法读取，文件可能被改动过。请勿采信，请向报告提供方索取原始文件。',
  },
  digest_mismatch: {
    title: '签名无效：文件在签名后被改动',
    text: '该 PDF 的内容与电子签名不符，签名之后文件被改动过。请勿采信，请向报告提供方索取原始文件，或用验证码核对本平台存档。',
  },
  bad_signature: {
    title: '签名无效',
    text: '该 PDF 的签名数据与签名证书不符。请勿采信，请向报告提供方索取原始文件。',
  },
  foreign_certificate: {
    title: '不是本平台的签名',
    text: '该 PDF 的签名证书不是本平台的报告签名证书，不是本平台出具的信用报告。',
  },
  no_report_identity: {
    title: '不是本平台的信用报告',
    text: '该 PDF 没有本平台信用报告的编号和验证码。',
  },
  not_issued: {
    title: '未找到该报告',
    text: '本平台没有出具过该 PDF 上验证码对应的信用报告。请勿采信。',
  },
  content_mismatch: {
    title: '内容摘要与存档不一致',
    text: '该 PDF 的内容摘要与本平台存档的报告不一致。请勿采信，请联系主办单位核实。',
  },
};

export function PdfVerifyForm() {
  const [state, action, pending] = useActionState<PdfCheckState, FormData>(verifyPdfAction, {});
  return (
    <>
      <form
        action={action}
        encType="multipart/form-data"
        className="rounded-lg bg-white p-5 shadow-sm"
        aria-labelledby="pdf-heading"
      >
        <h2 id="pdf-heading" className="text-lg font-semibold">
          上传 PDF 核验
        </h2>
        <label htmlFor="pdf" className="mt-2 block font-medium">
          信用报告 PDF 文件
        </label>
        <p id="pdf-hint" className="text-sm text-slate-600">
          从本平台下载的 PDF 版信用报告，不超过 10 MB。核验电子签名是否有效、是否为本平台的证书、内容是否与存档一致。
        </p>
        {state.error ? (
          <p id="pdf-error" className="mt-1 font-medium text-seal-700" data-testid="pdf-error">
            <span className="sr-only">错误：</span>
            {state.error}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-2">
          <input
            id="pdf"
            name="pdf"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-describedby={state.error ? 'pdf-hint pdf-error' : 'pdf-hint'}
            aria-invalid={state.error ? true : undefined}
            className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2 text-sm"
          />
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800"
          >
            检查签名
          </button>
        </div>
      </form>
      {state.verdict ? <PdfVerdictView verdict={state.verdict} /> : null}
    </>
  );
}

function PdfVerdictView({ verdict }: { verdict: PdfVerdict }) {
  if (verdict.status === 'valid') {
    return (
      <section
        aria-labelledby="pdf-result-heading"
        className="mt-6 rounded-lg border-2 border-honor-700 bg-white p-5 shadow-sm"
        data-testid="pdf-verify-result"
      >
        <h2 id="pdf-result-heading" className="text-xl font-bold text-honor-700">
          ✓ 签名有效，内容与本平台存档一致
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          该 PDF 由本平台的报告签名证书签名，签名后未被改动；其中的验证码和内容摘要与本平台出具并存档的报告一致。
        </p>
        {verdict.demoCertificate ? (
          <p className="mt-2 font-medium text-seal-700">本平台当前使用演示证书签名，仅供测试。</p>
        ) : null}
        <dl className="mt-4 grid gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-600">信用主体</dt>
          <dd className="font-medium">{verdict.subjectName}</dd>
          <dt className="text-slate-600">报告编号</dt>
          <dd className="font-mono">{verdict.reportNumber}</dd>
          <dt className="text-slate-600">出具日期</dt>
          <dd>{formatDate(verdict.issuedOn)}</dd>
          <dt className="text-slate-600">验证码</dt>
          <dd className="font-mono">{verdict.verificationCode}</dd>
          <dt className="text-slate-600">签名证书</dt>
          <dd className="break-all">{verdict.signerName}</dd>
          <dt className="text-slate-600">内容摘要</dt>
          <dd className="break-all font-mono text-xs">SHA-256 {verdict.contentSha256}</dd>
        </dl>
        <p className="mt-4 text-sm">
          <a href={`/verify?code=${encodeURIComponent(verdict.verificationCode)}`} className="text-brand-700 underline">
            查看本平台存档的报告摘要
          </a>
        </p>
      </section>
    );
  }
  const { title, text } =
    verdict.status === 'rate_limited'
      ? {
          title: '核验暂停',
          text: `来自本网络的核验尝试过多，为防止验证码被猜测，核验暂时停止。${verdict.retryWhen}。`,
        }
      : FAILURES[verdict.status];
  return (
    <section
      aria-labelledby="pdf-result-heading"
      className="mt-6 rounded-lg border-2 border-seal-600 bg-white p-5 shadow-sm"
      data-testid="pdf-verify-result"
    >
      <h2 id="pdf-result-heading" className="text-xl font-bold text-seal-700">
        ✗ {title}
      </h2>
      <p className="mt-1 text-slate-700">{text}</p>
    </section>
  );
}
