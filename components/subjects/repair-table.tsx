import { Badge } from '@/components/badge';
import { formatDate } from '@/components/format';

/** Repairs that took effect: which kind of information, who decided, from when — never the record itself. */
export function RepairTable({ repairs }: { repairs: { recordKind: string; departmentName: string; on: string }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">信用修复记录</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              修复的信息
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              决定部门
            </th>
            <th scope="col" className="py-2 font-medium">
              修复生效日期
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {repairs.map((r, i) => (
            <tr key={`${r.on}-${i}`}>
              <td className="py-2 pr-4">
                {r.recordKind} <Badge tone="honor">已修复</Badge>
              </td>
              <td className="py-2 pr-4">{r.departmentName}</td>
              <td className="py-2">{formatDate(r.on)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
