import type { FieldError } from './form-state';

// Plain, accessible form pieces (GOV.UK habits): a label, a hint, an inline error, and a
// summary at the top whose links move focus to each field in error.

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      className="mb-6 border-4 border-seal-700 bg-white p-4"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="text-lg font-bold text-seal-700">
        提交未成功，请修改以下 {errors.length} 处
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            <a href={`#${e.field}`} className="text-seal-700 underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const inputClass =
  'mt-1 block w-full max-w-xl rounded border border-slate-500 bg-white px-3 py-2 text-base focus:outline-3 focus:outline-offset-0 focus:outline-brand-600 aria-[invalid=true]:border-seal-700 aria-[invalid=true]:border-2';

export function TextField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = 'text',
  autoComplete,
  multiline,
  required,
  inputMode,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: string;
  autoComplete?: string;
  multiline?: boolean;
  required?: boolean;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
}) {
  const describedBy =
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: name,
    name,
    defaultValue,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    required,
    className: inputClass,
  };
  return (
    <div className="mb-5">
      <label htmlFor={name} className="block font-semibold">
        {label}
        {required ? null : <span className="font-normal text-slate-600">（选填）</span>}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="font-semibold text-seal-700">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={6} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} />
      )}
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  error,
  defaultValue,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
}) {
  return (
    <div className="mb-5">
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      {error ? (
        <p id={`${name}-error`} className="font-semibold text-seal-700">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      <select
        id={name}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={inputClass}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const buttonClass =
  'rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 focus:outline-3 focus:outline-offset-2 focus:outline-amber-400 disabled:opacity-60';

/** One file control (PDF, JPG or PNG): a label, a hint, an inline error. */
export function FileField({
  name,
  label,
  hint,
  error,
  required,
  multiple,
  onChange,
}: {
  name: string;
  label: string;
  hint: string;
  error?: string;
  /** 'byCategory': required for some penalty categories, said in the hint. */
  required?: boolean | 'byCategory';
  multiple?: boolean;
  onChange?: (input: HTMLInputElement) => void;
}) {
  return (
    <div className="mb-5" data-testid={`file-${name}`}>
      <label htmlFor={name} className="block font-semibold">
        {label}
        <span className={`font-normal ${required === true ? 'text-seal-700' : 'text-slate-600'}`}>
          {required === true ? '（必交）' : required ? '（按处罚类别必交）' : '（选填）'}
        </span>
      </label>
      <p id={`${name}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id={`${name}-error`} className="font-semibold text-seal-700">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type="file"
        multiple={multiple}
        required={required === true}
        accept="application/pdf,image/jpeg,image/png"
        aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={onChange ? (e) => onChange(e.currentTarget) : undefined}
        className="mt-1 block max-w-xl"
      />
    </div>
  );
}
