import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatDate } from '@/components/format';
import { Fields } from '@/components/lists/fields';
import { orNotFound } from '@/components/lists/not-found';
import { parseId } from '@/components/lists/params';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

const loadCase = cache(async (segment: string) => {
  const id = parseId(segment);
  if (id === null) notFound();
  const caller = createCaller(await createContext());
  return orNotFound(caller.exposure.case({ id }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await loadCase((await params).id);
  return pageMetadata({ title: c.title, description: c.summary, path: `/exposure/${c.id}`, type: 'article' });
}

export default async function ExposureCasePage({ params }: Props) {
  const c = await loadCase((await params).id);
  const paragraphs = c.body.split(/\n+/).filter((p) => p.trim() !== '');
  return (
    <>
      <PageHeader title={c.title} crumbs={[{ label: '曝光台', href: '/exposure' }]}>
        <p className="mt-2 text-sm text-slate-600">
          <span className="mr-2 rounded bg-seal-600/10 px-1.5 py-0.5 text-seal-700">{c.domain}</span>
          {c.departmentName ? `${c.departmentName} · ` : null}
          发布于 <time dateTime={c.publishedOn}>{formatDate(c.publishedOn)}</time>
        </p>
      </PageHeader>
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 lg:grid-cols-3">
        <article aria-labelledby="case-body-heading" className="rounded-lg bg-white p-5 shadow-sm lg:col-span-2">
          <h2 id="case-body-heading" className="sr-only">
            案例正文
          </h2>
          <p className="rounded-md bg-slate-50 p-3 text-slate-800">{c.summary}</p>
          <div className="mt-4 space-y-3 leading-relaxed text-slate-900">
            {paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </article>
        <aside aria-labelledby="case-facts-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="case-facts-heading" className="mb-3 border-l-4 border-brand-700 pl-3 text-lg font-semibold">
            案例信息
          </h2>
          <Fields
            layout="wide"
            items={[
              [
                '领域',
                <PageLink
                  key="d"
                  href={`/exposure?domain=${encodeURIComponent(c.domain)}`}
                  className="text-brand-700 underline"
                >
                  {c.domain}
                </PageLink>,
              ],
              [
                '涉及主体',
                c.subject ? (
                  <PageLink key="s" href={`/subjects/${c.subject.id}`} className="text-brand-700 underline">
                    {c.subject.name}
                  </PageLink>
                ) : (
                  '—'
                ),
              ],
              ['发布部门', c.departmentName ?? '市社会信用体系建设联席会议办公室'],
              [
                '发布日期',
                <time key="t" dateTime={c.publishedOn}>
                  {formatDate(c.publishedOn)}
                </time>,
              ],
              ...(c.penalty
                ? ([
                    [
                      '相关行政处罚',
                      <PageLink
                        key="p"
                        href={`/disclosures/penalties/${c.penalty.id}`}
                        className="text-brand-700 underline"
                      >
                        {c.penalty.documentNumber}
                      </PageLink>,
                    ],
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
          <p className="mt-4 text-sm">
            <PageLink href="/exposure" className="text-brand-700 underline">
              返回曝光台
            </PageLink>
          </p>
        </aside>
      </div>
    </>
  );
}
