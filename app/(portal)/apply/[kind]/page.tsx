import { randomBytes } from 'node:crypto';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { pageMetadata } from '@/components/metadata';
import { firstParam } from '@/components/query-string';
import { ApplyForm } from '@/components/applications/apply-form';
import { RecordSummary, RepairEligibility } from '@/components/applications/record-summary';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { REASON_CATEGORIES } from '@/server/rules/applications';
import { requiredRepairMaterials } from '@/server/rules/repair-materials';
import { z } from '@/server/validation';

export const dynamic = 'force-dynamic';

const PAGES = {
  objection: {
    title: '提出异议',
    lead: '认为公示的信用信息有误、遗漏、重复、不应公示或超过公示期限，可以向作出决定的部门提出异议。处理期间该信息标注“异议处理中”，暂停联合惩戒。',
    submit: '提交异议申请',
  },
  repair: {
    title: '申请信用修复',
    lead: '已纠正失信行为、履行处罚决定并满最短公示期的，可以向作出决定的部门申请信用修复。修复后该信息不再公示。',
    submit: '提交信用修复申请',
  },
  complaint: {
    title: '投诉异议答复',
    lead: '对部门的异议答复不满意，可以向市联席会议办公室投诉。办理期间继续暂停联合惩戒。',
    submit: '提交投诉',
  },
} as const;

const kindSchema = z.enum(['objection', 'repair', 'complaint']);
const recordParam = z.string().regex(/^(penalty|licensing|list_entry):[1-9]\d{0,15}$/);

type Props = {
  params: Promise<{ kind: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const kind = kindSchema.safeParse((await params).kind);
  if (!kind.success) return {};
  const page = PAGES[kind.data];
  return pageMetadata({ title: page.title, description: page.lead, path: `/apply/${kind.data}` });
}

export default async function ApplyPage({ params, searchParams }: Props) {
  const kind = kindSchema.safeParse((await params).kind);
  if (!kind.success) notFound();
  const page = PAGES[kind.data];
  const raw = firstParam((await searchParams).record);
  const ctx = await createContext();
  const caller = createCaller(ctx);

  let found: Awaited<ReturnType<typeof caller.applications.record>> | null = null;
  let notice: string | null = null;
  if (raw !== undefined && kind.data !== 'complaint') {
    const parsed = recordParam.safeParse(raw);
    if (!parsed.success) notice = '链接中的信息编号格式不正确，请在下方填写主体和文书号。';
    else {
      const [recordKind, id] = parsed.data.split(':') as ['penalty' | 'licensing' | 'list_entry', string];
      try {
        found = await caller.applications.record({ kind: recordKind, id: Number(id) });
      } catch (err) {
        if (!(err instanceof TRPCError) || err.code !== 'NOT_FOUND') throw err;
        notice = '没有找到这条公示信息（可能已不再公示），请在下方填写主体和文书号。';
      }
    }
  }
  const blocked = kind.data === 'repair' && found !== null && !found.repair.eligible;

  return (
    <>
      <PageHeader title={page.title} lead={page.lead} crumbs={[{ label: page.title }]} />
      <div className="mx-auto max-w-6xl px-4 py-8">
        {kind.data === 'repair' ? <RepairEligibility /> : null}
        {notice ? (
          <p role="status" className="mb-6 border-l-4 border-amber-500 bg-amber-50 p-3">
            {notice}
          </p>
        ) : null}
        {found ? <RecordSummary record={found.record} repair={kind.data === 'repair' ? found.repair : null} /> : null}
        {blocked ? (
          <p className="mb-6">
            如对该信息本身有异议，可以
            <PageLink
              href={`/apply/objection?record=${found!.record.kind}:${found!.record.id}`}
              className="text-brand-700 underline"
            >
              提出异议
            </PageLink>
            。
          </p>
        ) : (
          <ApplyForm
            kind={kind.data}
            idempotencyKey={randomBytes(18).toString('base64url')}
            record={found ? { kind: found.record.kind, id: found.record.id } : null}
            reasonCategories={REASON_CATEGORIES[kind.data]}
            submitLabel={page.submit}
            {...(kind.data === 'repair'
              ? {
                  materials: found ? found.repairMaterials : requiredRepairMaterials(null),
                  materialsByCategory: !found,
                }
              : {})}
          />
        )}
        <p className="mt-8 text-sm text-slate-700">
          已提交过申请？请到{' '}
          <PageLink href="/track" className="text-brand-700 underline">
            办理进度查询
          </PageLink>
          。
        </p>
      </div>
    </>
  );
}
