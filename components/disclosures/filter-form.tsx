import { PageLink } from '@/components/page-link';
import type { DisclosureKind, FilterError, FilterField } from '@/server/disclosures/filters';
import { MAX_KEYWORD_LENGTH } from '@/server/disclosures/filters';
import { KIND_TEXT } from './kinds';

interface Option {
  code: string;
  name: string;
}

const FIELD_IDS: Record<FilterField | 'page', string> = {
  department: 'f-department',
  division: 'f-division',
  category: 'f-category',
  from: 'f-from',
  to: 'f-to',
  q: 'f-q',
  page: 'f-page',
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

function FieldError({ field, errors }: { field: FilterField; errors: FilterError[] }) {
  const error = errors.find((e) => e.field === field);
  if (!error) return null;
  return (
    <p id={`${FIELD_IDS[field]}-error`} className="mt-1 text-sm text-seal-700">
      <span className="sr-only">错误：</span>
      {error.message}
    </p>
  );
}

type FieldProps = (field: FilterField) => {
  id: string;
  name: FilterField;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

function SelectField({
  field,
  label,
  allLabel,
  options,
  value,
  fieldProps,
  errors,
}: {
  field: FilterField;
  label: string;
  allLabel: string;
  options: Option[];
  value: string | undefined;
  fieldProps: FieldProps;
  errors: FilterError[];
}) {
  return (
    <div>
      <label htmlFor={FIELD_IDS[field]} className="text-sm font-medium">
        {label}
      </label>
      <select {...fieldProps(field)} defaultValue={value ?? ''} className={inputClass}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError field={field} errors={errors} />
    </div>
  );
}

/**
 * A GET form: the filters live in the URL, so it works without JavaScript and every state can
 * be linked. `raw` holds what was submitted (wrong values stay in the field beside their message).
 */
export function FilterForm({
  kind,
  raw,
  errors,
  departments,
  divisions,
  categories,
}: {
  kind: DisclosureKind;
  raw: Partial<Record<FilterField, string>>;
  errors: FilterError[];
  departments: Option[];
  divisions: Option[];
  categories: string[];
}) {
  const text = KIND_TEXT[kind];
  const invalid = (field: FilterField) => errors.some((e) => e.field === field);
  const describedBy = (field: FilterField) => (invalid(field) ? `${FIELD_IDS[field]}-error` : undefined);
  const fieldProps: FieldProps = (field) => ({
    id: FIELD_IDS[field],
    name: field,
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby': describedBy(field),
  });
  return (
    <form
      method="get"
      action={text.path}
      aria-labelledby="filter-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      noValidate
    >
      <h2 id="filter-heading" className="mb-3 text-lg font-semibold">
        筛选
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          field="department"
          label="部门"
          allLabel="全部部门"
          options={departments}
          value={raw.department}
          fieldProps={fieldProps}
          errors={errors}
        />
        <SelectField
          field="division"
          label="区县（行政相对人所在地）"
          allLabel="全部区县"
          options={divisions}
          value={raw.division}
          fieldProps={fieldProps}
          errors={errors}
        />
        <SelectField
          field="category"
          label={text.categoryLabel}
          allLabel="全部类别"
          options={categories.map((c) => ({ code: c, name: c }))}
          value={raw.category}
          fieldProps={fieldProps}
          errors={errors}
        />
        <fieldset className="sm:col-span-2 lg:col-span-2">
          <legend className="text-sm font-medium">{text.dateLabel}</legend>
          <div className="mt-1 grid grid-cols-2 gap-3">
            <div>
              <label htmlFor={FIELD_IDS.from} className="text-xs text-slate-700">
                起始日期
              </label>
              <input {...fieldProps('from')} type="date" defaultValue={raw.from ?? ''} className={inputClass} />
              <FieldError field="from" errors={errors} />
            </div>
            <div>
              <label htmlFor={FIELD_IDS.to} className="text-xs text-slate-700">
                截止日期
              </label>
              <input {...fieldProps('to')} type="date" defaultValue={raw.to ?? ''} className={inputClass} />
              <FieldError field="to" errors={errors} />
            </div>
          </div>
        </fieldset>
        <div>
          <label htmlFor={FIELD_IDS.q} className="text-sm font-medium">
            关键词
          </label>
          <input
            {...fieldProps('q')}
            type="search"
            maxLength={MAX_KEYWORD_LENGTH}
            defaultValue={raw.q ?? ''}
            placeholder="主体名称、信用代码或文书号"
            className={inputClass}
          />
          <FieldError field="q" errors={errors} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800">
          筛选
        </button>
        <PageLink href={text.path} className="text-brand-700 underline">
          清除条件
        </PageLink>
        <span className="text-sm text-slate-600">
          全文检索请使用
          <PageLink href="/search" className="text-brand-700 underline">
            信用信息查询
          </PageLink>
        </span>
      </div>
    </form>
  );
}
