'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

// Charts of the monitoring report (监测报告), drawn with Recharts in the browser (fixed sizes,
// so they print at a known width). Every chart sits above a table with the same numbers: the
// accessible form, and what a reader without JavaScript gets.

const BRAND = '#0b4a8b';
const SEAL = '#b42318';
const HONOR = '#1c6b3a';

export function MonthlyRecordsChart({
  data,
  title,
}: {
  data: { month: string; licensing: number; penalties: number }[];
  title: string;
}) {
  return (
    <figure className="overflow-x-auto">
      <BarChart width={760} height={280} data={data} accessibilityLayer role="img" aria-label={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
        <Tooltip />
        <Legend />
        <Bar dataKey="licensing" name="行政许可" fill={BRAND} isAnimationActive={false} />
        <Bar dataKey="penalties" name="行政处罚" fill={SEAL} isAnimationActive={false} />
      </BarChart>
      <figcaption className="mt-1 text-sm text-slate-600">{title}（数据见下表）</figcaption>
    </figure>
  );
}

export function TimelinessChart({ data, title }: { data: { name: string; onTimePercent: number }[]; title: string }) {
  const height = Math.max(160, 28 * data.length + 40);
  return (
    <figure className="overflow-x-auto">
      <BarChart
        width={760}
        height={height}
        data={data}
        layout="vertical"
        accessibilityLayer
        role="img"
        aria-label={title}
        margin={{ left: 8, right: 24 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => `${String(v)}%`} />
        <Bar dataKey="onTimePercent" name="7 个工作日内公示占比" fill={HONOR} isAnimationActive={false} />
      </BarChart>
      <figcaption className="mt-1 text-sm text-slate-600">{title}（数据见下表）</figcaption>
    </figure>
  );
}
