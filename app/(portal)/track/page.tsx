import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { pageMetadata } from '@/components/metadata';
import { TrackForm } from '@/components/applications/track-form';
import { RecoverForm } from '@/components/applications/recover-form';
import { firstParam, type SearchParamsRecord } from '@/components/query-string';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '办理进度查询',
  description: '凭受理编号和查询码，查看异议、信用修复和投诉申请的办理进度、期限和决定理由。',
  path: '/track',
});

export default async function TrackPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  // The link in an e-mail (/track?no=…) fills in the tracking number; never a query code.
  const no = firstParam((await searchParams).no)
    ?.trim()
    .slice(0, 40);
  return (
    <>
      <PageHeader
        title="办理进度查询"
        lead="输入提交申请时获得的受理编号和查询码，查看办理进度、期限（按工作日计算）和决定理由。"
        crumbs={[{ label: '办理进度查询' }]}
      />
      <div className="mx-auto max-w-6xl px-4 py-8">
        <TrackForm trackingNumber={no} />
        <RecoverForm trackingNumber={no} />
        <p className="mt-8 text-sm text-slate-700">
          还没有申请？可以{' '}
          <PageLink href="/apply/objection" className="text-brand-700 underline">
            提出异议
          </PageLink>
          、
          <PageLink href="/apply/repair" className="text-brand-700 underline">
            申请信用修复
          </PageLink>{' '}
          或{' '}
          <PageLink href="/apply/complaint" className="text-brand-700 underline">
            投诉异议答复
          </PageLink>
          。
        </p>
      </div>
    </>
  );
}
