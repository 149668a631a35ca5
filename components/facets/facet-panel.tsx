'use client';

import type { ReactNode } from 'react';
import { formatCount } from '@/components/format';
import { PageLink } from '@/components/page-link';

// The facet panel of /search and /disclosures/*: facets declared as data, each a group of
// checkboxes in one GET form (several values of a facet repeat its URL parameter). It works
// without JavaScript; nothing submits on change (WCAG 3.2.2), the 应用筛选 button does.

export interface FacetOption {
  /** The value the URL carries. */
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetGroup {
  /** Stable key: the test id `facet-<key>` and the checkbox ids. */
  key: string;
  /** URL parameter the checkboxes submit. */
  param: string;
  label: string;
  options: FacetOption[];
  /** A message about this facet (a value that was not applied), shown in the group. */
  error?: string;
}

/** Values shown before "更多…"; selected values always show. */
const SHOWN = 6;

export function FacetPanel({
  action,
  id = 'facets',
  heading = '筛选条件',
  hidden = [],
  groups,
  note,
  before,
  after,
  clearHref,
  submitLabel = '应用筛选',
}: {
  /** Where the form goes (GET). */
  action: string;
  id?: string;
  heading?: string;
  /** State the panel does not show but must keep (the query, the sort …). */
  hidden?: { name: string; value: string }[];
  groups: FacetGroup[];
  /** A line under the heading (e.g. counts are approximate). */
  note?: ReactNode;
  /** More fields of the same form, before and after the facet groups. */
  before?: ReactNode;
  after?: ReactNode;
  clearHref?: string;
  submitLabel?: string;
}) {
  const shownGroups = groups.filter((g) => g.options.length > 0 || g.error);
  return (
    <form
      method="get"
      action={action}
      id={id}
      aria-labelledby={`${id}-heading`}
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="facet-panel"
      noValidate
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {note}
      {hidden.map((h, i) => (
        <input key={`${h.name}-${i}`} type="hidden" name={h.name} value={h.value} />
      ))}
      {before}
      {shownGroups.length === 0 ? <p className="mt-2 text-sm text-slate-600">没有可用的筛选条件。</p> : null}
      {shownGroups.map((group) => (
        <FacetFieldset key={group.key} group={group} panelId={id} />
      ))}
      {after}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {submitLabel}
        </button>
        {clearHref ? (
          <PageLink href={clearHref} className="text-sm text-brand-700 underline">
            清除条件
          </PageLink>
        ) : null}
      </div>
    </form>
  );
}

function FacetFieldset({ group, panelId }: { group: FacetGroup; panelId: string }) {
  const shown = group.options.filter((o, i) => i < SHOWN || o.selected);
  const more = group.options.filter((o, i) => i >= SHOWN && !o.selected);
  const errorId = `${panelId}-${group.key}-error`;
  return (
    <fieldset
      id={`${panelId}-${group.key}`}
      className="mt-4"
      data-testid={`facet-${group.key}`}
      aria-describedby={group.error ? errorId : undefined}
    >
      <legend className="mb-1 text-sm font-semibold text-slate-800">{group.label}</legend>
      {group.error ? (
        <p id={errorId} className="mb-1 text-sm text-seal-700">
          <span className="sr-only">错误：</span>
          {group.error}
        </p>
      ) : null}
      <FacetOptions group={group} options={shown} panelId={panelId} />
      {more.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-brand-700">
            更多{group.label}（{more.length}）
          </summary>
          <FacetOptions group={group} options={more} panelId={panelId} />
        </details>
      ) : null}
    </fieldset>
  );
}

function FacetOptions({ group, options, panelId }: { group: FacetGroup; options: FacetOption[]; panelId: string }) {
  // Styled by the .facet-options rules in globals.css: a page carries dozens of these (twice,
  // in its HTML and its React payload), so each says no more than it must.
  return (
    <ul className="facet-options">
      {options.map((o) => {
        const inputId = `${panelId}-${group.key}-${o.value}`;
        return (
          <li key={o.value}>
            <input id={inputId} type="checkbox" name={group.param} value={o.value} defaultChecked={o.selected} />
            <label htmlFor={inputId}>
              <span>{o.label}</span>
              <span data-testid="facet-count">
                {formatCount(o.count)}
                <span className="sr-only">条</span>
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
