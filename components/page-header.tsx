import { PageLink } from '@/components/page-link';

export interface Crumb {
  label: string;
  href?: string;
}

/** The top of every inner page: breadcrumbs, the one h1, and an optional lead sentence. */
export function PageHeader({
  title,
  lead,
  crumbs = [],
  children,
}: {
  title: string;
  lead?: React.ReactNode;
  crumbs?: Crumb[];
  children?: React.ReactNode;
}) {
  const trail: Crumb[] = [{ label: '首页', href: '/' }, ...crumbs];
  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6">
        <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
          <ol className="flex flex-wrap items-center gap-1">
            {trail.map((c, i) => (
              <li key={`${c.label}-${i}`} className="flex items-center gap-1">
                {i > 0 ? <span aria-hidden="true">›</span> : null}
                {c.href ? (
                  <PageLink href={c.href} className="text-brand-700 hover:underline">
                    {c.label}
                  </PageLink>
                ) : (
                  <span aria-current="page">{c.label}</span>
                )}
              </li>
            ))}
            {crumbs.length === 0 || crumbs[crumbs.length - 1]?.href ? (
              <li className="flex items-center gap-1">
                <span aria-hidden="true">›</span>
                <span aria-current="page">{title}</span>
              </li>
            ) : null}
          </ol>
        </nav>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {lead ? <p className="mt-2 max-w-3xl text-slate-700">{lead}</p> : null}
        {children}
      </div>
    </div>
  );
}
