import type { ReactNode } from 'react';

export interface Column<Row> {
  /** The column heading, and the label before the value on a card. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned tabular figures in the table (counts). */
  numeric?: boolean;
  /** Extra classes of the table cell (e.g. `break-all` for file names). */
  className?: string;
}

const cell = 'border border-slate-300 px-2 py-1 align-top';

/**
 * A back-office list that stays readable on a phone: a table from 640 px (Tailwind `sm`) and,
 * below, one card per row with each column as "label: value". CSS only — both are rendered and
 * the breakpoint hides one (display: none also hides it from screen readers), so it works
 * without JavaScript.
 */
export function ResponsiveTable<Row>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  minWidth = 'min-w-[40rem]',
  testId,
}: {
  /** The accessible name of the table's scroll region and of the card list. */
  label: string;
  /** A visually hidden caption of the table (what it lists, in which order). */
  caption?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowClassName?: (row: Row) => string;
  minWidth?: string;
  testId?: string;
}) {
  return (
    <>
      <div className="hidden overflow-x-auto sm:block" tabIndex={0} role="region" aria-label={label}>
        <table className={`w-full ${minWidth} border-collapse bg-white text-sm`} data-testid={testId}>
          {caption ? <caption className="sr-only">{caption}</caption> : null}
          <thead>
            <tr className="bg-slate-100 text-left">
              {columns.map((c) => (
                <th key={c.header} scope="col" className={cell}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)} className={rowClassName?.(r)}>
                {columns.map((c) => (
                  <td
                    key={c.header}
                    className={`${cell} ${c.numeric ? 'text-right tabular-nums' : ''} ${c.className ?? ''}`}
                  >
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 sm:hidden" aria-label={label} data-testid={testId ? `${testId}-cards` : undefined}>
        {rows.map((r) => (
          <li
            key={rowKey(r)}
            className={`rounded border border-slate-300 bg-white p-3 text-sm ${rowClassName?.(r) ?? ''}`}
          >
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
              {columns.map((c) => (
                <div key={c.header} className="contents">
                  <dt className="whitespace-nowrap text-slate-600">{c.header}</dt>
                  <dd className="break-words">{c.cell(r)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
