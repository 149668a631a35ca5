const LAYOUTS = {
  /** Long values, one under the other. */
  wide: '',
  /** Two columns from a small screen up. */
  pairs: 'sm:grid-cols-2',
  /** Short values (dates, numbers): two columns on a phone, four on a wide screen. */
  compact: 'grid-cols-2 md:grid-cols-4',
} as const;

/** A definition list of label/value pairs. */
export function Fields({
  items,
  layout = 'pairs',
}: {
  items: [string, React.ReactNode][];
  layout?: keyof typeof LAYOUTS;
}) {
  return (
    <dl className={`grid gap-x-6 gap-y-2 text-sm ${LAYOUTS[layout]}`}>
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
