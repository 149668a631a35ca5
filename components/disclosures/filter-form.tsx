import { FacetPanel, type FacetGroup } from '@/components/facets/facet-panel';
import type { DisclosureFacetValue } from '@/server/disclosures/service';
import {
  DEFAULT_SORT,
  FACET_FIELDS,
  MAX_KEYWORD_LENGTH,
  SORTS_OF_KIND,
  sortLabel,
  type DisclosureKind,
  type DisclosureSort,
  type FacetField,
  type FilterError,
  type FilterField,
} from '@/server/disclosures/filters';
import { KIND_TEXT } from './kinds';

/** The form's id: facet groups are `filters-<facet>`. */
const PANEL_ID = 'filters';

const FIELD_IDS: Record<FilterField | 'page' | 'sort', string> = {
  department: `${PANEL_ID}-department`,
  division: `${PANEL_ID}-division`,
  category: `${PANEL_ID}-category`,
  from: 'f-from',
  to: 'f-to',
  q: 'f-q',
  sort: 'f-sort',
  page: 'results-heading',
};

/** The errors of a submitted filter form, each linking to its field (GOV.UK error summary). */
export function FilterErrorSummary({ errors }: { errors: FilterError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      aria-labelledby="filter-errors-heading"
      className="mb-4 rounded-md border-2 border-seal-600 bg-white p-4"
      data-testid="filter-errors"
    >
      <h2 id="filter-errors-heading" className="font-semibold text-seal-700">
        筛选条件有误，以下条件未生效
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            <a href={`#${FIELD_IDS[e.field]}`} className="text-seal-700 underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const inputClass =
  'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2 text-slate-900 aria-[invalid=true]:border-seal-600';

function messageOf(field: FilterField | 'sort', errors: FilterError[]): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

function FieldError({ field, errors }: { field: FilterField | 'sort'; errors: FilterError[] }) {
  const message = messageOf(field, errors);
  if (!message) return null;
  return (
    <p id={`${FIELD_IDS[field]}-error`} className="mt-1 text-sm text-seal-700">
      <span className="sr-only">错误：</span>
      {message}
    </p>
  );
}

function fieldProps(field: FilterField | 'sort', errors: FilterError[]) {
  const invalid = messageOf(field, errors) !== undefined;
  return {
    id: FIELD_IDS[field],
    name: field,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${FIELD_IDS[field]}-error` : undefined,
  };
}

type Hidden = { name: string; value: string }[];

/**
 * The filters as one GET form through the shared facet panel: keyword and dates, then
 * department, division and category as checkbox groups (OR inside a group, AND across).
 * `raw` holds what was submitted, so a wrong date stays in its field beside its message.
 */
export function DisclosureFilterPanel({
  kind,
  raw,
  errors,
  facets,
  sort,
}: {
  kind: DisclosureKind;
  raw: Partial<Record<'from' | 'to' | 'q', string>>;
  errors: FilterError[];
  facets: Record<FacetField, DisclosureFacetValue[]>;
  sort: DisclosureSort;
}) {
  const text = KIND_TEXT[kind];
  const labels: Record<FacetField, string> = {
    department: '部门',
    division: '区县（行政相对人所在地）',
    category: text.categoryLabel,
  };
  const groups: FacetGroup[] = FACET_FIELDS.map((field) => ({
    key: field,
    param: field,
    label: labels[field],
    options: facets[field],
    error: messageOf(field, errors),
  }));
  const hidden: Hidden = sort === DEFAULT_SORT ? [] : [{ name: 'sort', value: sort }];
  return (
    <FacetPanel
      action={text.path}
      id={PANEL_ID}
      heading="筛选"
      hidden={hidden}
      groups={groups}
      clearHref={text.path}
      before={
        <div className="mt-3 space-y-3">
          <div>
            <label htmlFor={FIELD_IDS.q} className="text-sm font-medium">
              关键词
            </label>
            <input
              {...fieldProps('q', errors)}
              type="search"
              maxLength={MAX_KEYWORD_LENGTH}
              defaultValue={raw.q ?? ''}
              placeholder="主体名称、信用代码或文书号"
              className={inputClass}
            />
            <FieldError field="q" errors={errors} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium">{text.dateLabel}</legend>
            <div className="mt-1 grid grid-cols-2 gap-3">
              <div>
                <label htmlFor={FIELD_IDS.from} className="text-xs text-slate-700">
                  起始日期
                </label>
                <input
                  {...fieldProps('from', errors)}
                  type="date"
                  defaultValue={raw.from ?? ''}
                  className={inputClass}
                />
                <FieldError field="from" errors={errors} />
              </div>
              <div>
                <label htmlFor={FIELD_IDS.to} className="text-xs text-slate-700">
                  截止日期
                </label>
                <input {...fieldProps('to', errors)} type="date" defaultValue={raw.to ?? ''} className={inputClass} />
                <FieldError field="to" errors={errors} />
              </div>
            </div>
          </fieldset>
        </div>
      }
    />
  );
}

/** The order of the list: its own small GET form that keeps the applied filters. */
export function SortForm({
  kind,
  sort,
  hidden,
  errors,
}: {
  kind: DisclosureKind;
  sort: DisclosureSort;
  hidden: Hidden;
  errors: FilterError[];
}) {
  const text = KIND_TEXT[kind];
  return (
    <form method="get" action={text.path} className="flex flex-wrap items-end gap-2 text-sm" data-testid="sort-form">
      {hidden.map((h, i) => (
        <input key={`${h.name}-${i}`} type="hidden" name={h.name} value={h.value} />
      ))}
      <div>
        <label htmlFor={FIELD_IDS.sort} className="block font-medium">
          排序方式
        </label>
        <select
          {...fieldProps('sort', errors)}
          defaultValue={sort}
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
        >
          {SORTS_OF_KIND[kind].map((s) => (
            <option key={s} value={s}>
              {sortLabel(kind, s)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
      >
        排序
      </button>
      <FieldError field="sort" errors={errors} />
    </form>
  );
}
