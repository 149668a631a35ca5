import { formatDate } from '@/components/format';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import type { ContentSummary } from '@/server/content/service';
import type { ContentSection } from '@/server/content/schema';
import { SECTIONS } from './sections';

/** A section's list page: every article with its date and summary, in the order the service gives. */
export function ContentList({ section, items }: { section: ContentSection; items: ContentSummary[] }) {
  const { label, lead, path } = SECTIONS[section];
  return (
    <>
      <PageHeader title={label} lead={lead} />
      <div className="mx-auto max-w-4xl px-4 py-8">
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" data-testid="content-list">
          {items.map((item) => (
            <li key={item.slug} className="p-5">
              <h2 className="text-lg font-semibold leading-snug">
                <PageLink href={`${path}/${item.slug}`} className="text-brand-700 hover:underline">
                  {item.title}
                </PageLink>
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                <time dateTime={item.date}>{formatDate(item.date)}</time>
                {item.pinned ? <span className="ml-2 rounded bg-seal-700 px-1.5 py-0.5 text-xs text-white">置顶</span> : null}
              </p>
              <p className="mt-2 text-slate-700">{item.summary}</p>
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
