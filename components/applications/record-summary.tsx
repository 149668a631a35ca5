import { formatDate } from '@/components/format';
import { PageLink } from '@/components/page-link';
import { NEVER_EARLY_REPAIR_CATEGORIES, NEVER_EARLY_REPAIR_DOMAINS, PUBLICATION_RULES } from '@/server/rules/periods';
import { SEVERITY_LABELS } from '@/server/rules/codes';

const KIND_LABELS: Record<string, string> = { penalty: '行政处罚', licensing: '行政许可', list_entry: '名单信息' };

/** The record a prefilled form is about. */
export function RecordSummary({
  record,
  repair,
}: {
  record: {
    kind: string;
    subjectName: string;
    departmentName: string;
    documentNumber: string;
    title: string;
    status: string;
    earliestRepairOn: string | null;
    publicUntil: string | null;
  };
  repair: { eligible: boolean; reason: string } | null;
}) {
  return (
    <section
      aria-labelledby="record-title"
      className="mb-6 max-w-3xl rounded border border-slate-300 bg-slate-50 p-4"
      data-testid="record-summary"
    >
      <h2 id="record-title" className="text-lg font-bold">
        涉及的{KIND_LABELS[record.kind]}信息
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">主体</dt>
        <dd>{record.subjectName}</dd>
        <dt className="text-slate-600">文书号</dt>
        <dd>{record.documentNumber}</dd>
        <dt className="text-slate-600">事项</dt>
        <dd>{record.title}</dd>
        <dt className="text-slate-600">决定部门</dt>
        <dd>{record.departmentName}</dd>
        {record.status === 'suspended' ? (
          <>
            <dt className="text-slate-600">状态</dt>
            <dd>异议处理中</dd>
          </>
        ) : null}
        {record.kind === 'penalty' && record.earliestRepairOn ? (
          <>
            <dt className="text-slate-600">最早可修复日期</dt>
            <dd>{formatDate(record.earliestRepairOn)}</dd>
            <dt className="text-slate-600">公示截止</dt>
            <dd>{record.publicUntil ? formatDate(record.publicUntil) : '—'}</dd>
          </>
        ) : null}
      </dl>
      {repair ? (
        <p
          className={`mt-3 border-l-4 p-2 font-semibold ${repair.eligible ? 'border-honor-700 text-honor-700' : 'border-seal-700 text-seal-700'}`}
          data-testid="repair-eligibility"
        >
          {repair.reason}
        </p>
      ) : null}
    </section>
  );
}

/** What a repair needs, shown before anything is typed (SPEC §4, §6). */
export function RepairEligibility() {
  const current = PUBLICATION_RULES[PUBLICATION_RULES.length - 1]!;
  return (
    <section aria-labelledby="repair-rules" className="mb-8 max-w-3xl rounded border border-brand-600 bg-brand-50 p-4">
      <h2 id="repair-rules" className="text-lg font-bold">
        申请前请了解
      </h2>
      <p className="mt-2 font-bold text-honor-700">信用修复免费办理，任何收费“代办修复”均与本平台无关，请谨防诈骗。</p>
      <h3 className="mt-3 font-semibold">最短公示期（满后才可申请）</h3>
      <ul className="list-disc pl-5">
        {(['minor', 'general', 'serious'] as const).map((s) => {
          const min = current.periods[s].min;
          const months = (min.years ?? 0) * 12 + (min.months ?? 0);
          return (
            <li key={s}>
              {SEVERITY_LABELS[s]}失信行为：
              {months === 0 ? '可随时申请' : months % 12 === 0 ? `${months / 12} 年` : `${months} 个月`}
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-700">自处罚决定日期起算，依据{current.shortBasis}。</p>
      <h3 className="mt-3 font-semibold">不得提前修复的情形</h3>
      <p>
        {NEVER_EARLY_REPAIR_DOMAINS.join('、')}领域的{NEVER_EARLY_REPAIR_CATEGORIES.join('、')}
        处罚，须公示期满，期满后自动停止公示。
      </p>
      <h3 className="mt-3 font-semibold">需要准备的材料</h3>
      <ul className="list-disc pl-5">
        <li>已履行行政处罚决定的证明（如罚款缴纳凭证）</li>
        <li>
          签署的信用承诺书（
          <a href="/downloads/credit-commitment-template.txt" download className="text-brand-700 underline">
            下载信用承诺书模板
          </a>
          ）
        </li>
        <li>身份证明或单位授权委托书</li>
      </ul>
      <p className="mt-3 text-sm">
        不确定是否有误？可以先
        <PageLink href="/apply/objection" className="text-brand-700 underline">
          提出异议
        </PageLink>
        。
      </p>
    </section>
  );
}
