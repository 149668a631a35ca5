import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Badge } from '@/components/badge';
import { formatDate } from '@/components/format';
import { Fields } from '@/components/lists/fields';
import { LIST_PAGES } from '@/components/lists/list-meta';
import { MeasureList } from '@/components/lists/measures';
import { orNotFound } from '@/components/lists/not-found';
import { parseId } from '@/components/lists/params';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { listTypeSchema } from '@/server/lists/schema';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ listType: string; id: string }>;
}

// One query per request, shared by the metadata and the page.
const loadEntry = cache(async (listTypeSegment: string, idSegment: string) => {
  const listType = listTypeSchema.safeParse(listTypeSegment);
  const id = parseId(idSegment);
  if (!listType.success || id === null) notFound();
  const caller = createCaller(await createContext());
  return orNotFound(caller.lists.entry({ listType: listType.data, id }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { listType, id } = await params;
  const e = await loadEntry(listType, id);
  return pageMetadata({
    title: `${e.subject.name} — ${LIST_PAGES[e.listType].title}`,
    description: `${e.subject.name}：${e.reason}（${e.decisionNumber}，${e.departmentName}）`,
    path: `/lists/${e.listType}/${e.id}`,
    type: 'article',
  });
}

export default async function ListEntryPage({ params }: Props) {
  const { listType, id } = await params;
  const e = await loadEntry(listType, id);
  const meta = LIST_PAGES[e.listType];
  return (
    <>
      <PageHeader title={e.subject.name} crumbs={[{ label: meta.title, href: `/lists/${e.listType}` }]}>
        <div className="mt-3 flex flex-wrap gap-2">
          <Badge tone={e.listType === 'honor' ? 'honor' : 'danger'}>{e.listLabel}</Badge>
          {e.suspended ? <Badge tone="warning">异议处理中</Badge> : null}
          {e.domain ? <Badge tone="neutral">{e.domain}</Badge> : null}
        </div>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        {e.suspended ? (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            该主体对本条名单信息提出的异议正在处理中
            {e.suspendedSince ? `（自 ${formatDate(e.suspendedSince)} 起）` : ''}
            ，处理期间暂停实施{meta.measuresLabel}。
            {e.listType === 'dishonesty' ? '异议被驳回的，自驳回之日起恢复惩戒，有效期相应顺延。' : null}
          </p>
        ) : null}
        <section aria-labelledby="facts-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="facts-heading" className="mb-3 border-l-4 border-brand-700 pl-3 text-lg font-semibold">
            名单信息
          </h2>
          <Fields
            items={[
              [
                '信用主体',
                <PageLink key="s" href={`/subjects/${e.subject.id}`} className="text-brand-700 underline">
                  {e.subject.name}
                </PageLink>,
              ],
              ['主体类别', e.subject.kindLabel],
              ...(e.subject.uscc ? ([['统一社会信用代码', e.subject.uscc]] as [string, string][]) : []),
              ['名单类型', e.listLabel],
              ['认定部门', e.departmentName],
              ['认定文号', e.decisionNumber],
              ['列入日期', formatDate(e.listedOn)],
              ['有效期至', formatDate(e.validUntil)],
              ['状态', e.suspended ? '暂停（异议处理中）' : '有效'],
              ['领域', e.domain ?? '—'],
            ]}
          />
          <div className="mt-4">
            <Fields
              layout="wide"
              items={[
                ['列入事由', e.reason],
                ['认定依据', e.basis],
                ...(e.penaltyId !== null
                  ? ([
                      [
                        '相关行政处罚',
                        <PageLink
                          key="p"
                          href={`/disclosures/penalties/${e.penaltyId}`}
                          className="text-brand-700 underline"
                        >
                          查看行政处罚决定
                        </PageLink>,
                      ],
                    ] as [string, React.ReactNode][])
                  : []),
              ]}
            />
          </div>
        </section>
        <section aria-labelledby="measures-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="measures-heading" className="mb-1 border-l-4 border-brand-700 pl-3 text-lg font-semibold">
            适用措施（{e.measures.length} 项）
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            以下{meta.measuresLabel}均出自
            <PageLink href="/catalog" className="text-brand-700 underline">
              联合奖惩目录清单
            </PageLink>
            ，由所列实施单位依法实施。
          </p>
          <MeasureList measures={e.measures} />
        </section>
        <p className="text-sm text-slate-600">
          对本条信息有异议的，可以
          <PageLink href="/guides" className="text-brand-700 underline">
            查看异议和信用修复办事指南
          </PageLink>
          ，异议和信用修复均不收取任何费用。
        </p>
      </div>
    </>
  );
}
