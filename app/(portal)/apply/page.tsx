import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { pageMetadata } from '@/components/metadata';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '在线办事',
  description: '对公示的信用信息提出异议、申请信用修复、投诉异议答复，以及查询办理进度。无需注册，全部免费。',
  path: '/apply',
});

// The three services of SPEC §6 on one screen: who each is for, when to use it, how long it takes.
const SERVICES = [
  {
    href: '/apply/objection',
    title: '提出异议',
    when: '认为公示的行政许可、行政处罚或名单信息有误、遗漏、重复、不应公示或已超过公示期限。',
    who: '向作出决定的部门提出；2个工作日内决定是否受理，受理后10个工作日内答复。',
    effect: '受理后该信息标注“异议处理中”，暂停联合惩戒。',
  },
  {
    href: '/apply/repair',
    title: '申请信用修复',
    when: '已纠正失信行为、履行处罚决定，并已满最短公示期。',
    who: '向作出决定的部门申请；信用修复不收取任何费用。',
    effect: '准予修复后该信息不再公示，依据它的失信名单同时移出。',
  },
  {
    href: '/apply/complaint',
    title: '投诉异议答复',
    when: '对部门的异议答复或修复决定不满意。',
    who: '向市联席会议办公室投诉，需要原申请的受理编号和查询码。',
    effect: '办理期间继续暂停联合惩戒。',
  },
] as const;

export default function ApplyIndexPage() {
  return (
    <>
      <PageHeader
        title="在线办事"
        lead="无需注册账号，在线提交，凭受理编号和查询码随时查询进度。以下事项均不收费。"
        crumbs={[{ label: '在线办事' }]}
      />
      <div className="mx-auto max-w-6xl px-4 py-8">
        <ul className="grid gap-4 md:grid-cols-3">
          {SERVICES.map((s) => (
            <li key={s.href} className="flex flex-col rounded border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold text-slate-900">{s.title}</h2>
              <dl className="mt-2 flex-1 space-y-2 text-sm text-slate-800">
                <div>
                  <dt className="font-semibold">适用情形</dt>
                  <dd>{s.when}</dd>
                </div>
                <div>
                  <dt className="font-semibold">办理方式</dt>
                  <dd>{s.who}</dd>
                </div>
                <div>
                  <dt className="font-semibold">办理期间</dt>
                  <dd>{s.effect}</dd>
                </div>
              </dl>
              <PageLink
                href={s.href}
                className="mt-4 inline-block self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
              >
                {s.title}
              </PageLink>
            </li>
          ))}
        </ul>
        <section aria-labelledby="track-heading" className="mt-8 rounded border border-slate-300 bg-white p-4">
          <h2 id="track-heading" className="text-lg font-bold text-slate-900">
            已经提交了申请？
          </h2>
          <p className="mt-1 text-sm text-slate-800">
            凭提交时获得的受理编号和查询码，查看办理进度、办理期限（按工作日计算）和决定理由。
          </p>
          <PageLink href="/track" className="mt-3 inline-block text-brand-700 underline">
            查询办理进度
          </PageLink>
        </section>
      </div>
    </>
  );
}
