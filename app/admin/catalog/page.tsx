import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { staffCaller } from '../_lib/session';
import { createCatalogItemAction, setExposureStatusAction, toggleCatalogItemAction } from '../records-actions';
import { noticeDetail } from '../_lib/notice';
import { formatDate } from '@/components/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: '目录与曝光台' };

const NOTICES: Record<string, string> = { created: '目录项已新增。', updated: '已更新。', error: '操作未执行：' };
const input = 'mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1';
const FIELDS: [string, string][] = [
  ['code', '目录编号'],
  ['decidingUnit', '行政单位'],
  ['measure', '处理措施'],
  ['reason', '实施事由 / 奖励事由'],
  ['legalBasis', '法律依据'],
  ['implementingUnits', '联合奖惩实施单位'],
  ['content', '措施内容'],
  ['evidence', '证据材料'],
];

/** Office: the joint reward and punishment catalog, and publishing exposure cases. */
export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role !== 'office') notFound();
  const [catalog, exposures] = await Promise.all([caller.records.catalog(), caller.records.exposures()]);
  const sp = await searchParams;
  const notice = NOTICES[firstParam(sp.notice) ?? ''];
  const csrf = <input type="hidden" name="csrf" value={staff.csrfToken} />;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">目录与曝光台</h1>
      {notice ? (
        <p role="status" className="mb-4 border-l-4 border-brand-600 bg-white p-3 font-semibold">
          {notice}
          {notice ? await noticeDetail(firstParam(sp.ref)) : null}
        </p>
      ) : null}
      <section aria-labelledby="catalog" className="mb-8">
        <h2 id="catalog" className="mb-2 text-lg font-bold">
          联合奖惩目录（{catalog.length} 项有效）
        </h2>
        <ul className="mb-4 max-h-80 overflow-y-auto rounded border border-slate-300 bg-white p-3">
          {catalog.map((c) => (
            <li key={c.id} className="mb-1">
              {c.kind === 'incentive' ? '【激励】' : '【惩戒】'}
              {c.measure}（{c.code}）
              <form action={toggleCatalogItemAction} className="ml-2 inline">
                {csrf}
                <input type="hidden" name="id" value={c.id} />
                <input type="hidden" name="active" value="0" />
                <button type="submit" className="text-seal-700 underline">
                  停用
                </button>
              </form>
            </li>
          ))}
        </ul>
        <h3 className="mb-2 font-bold">新增目录项</h3>
        <form action={createCatalogItemAction} className="rounded border border-slate-300 bg-white p-4">
          {csrf}
          <label className="mb-3 block" htmlFor="kind">
            类别
            <select id="kind" name="kind" className={input}>
              <option value="punishment">惩戒措施</option>
              <option value="incentive">激励措施</option>
            </select>
          </label>
          {FIELDS.map(([name, label]) => (
            <label key={name} className="mb-3 block" htmlFor={name}>
              {label}
              <input id={name} name={name} required className={input} />
            </label>
          ))}
          <label className="mb-3 block" htmlFor="domain">
            领域（选填）
            <input id="domain" name="domain" className={input} />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
            新增
          </button>
        </form>
      </section>
      <section aria-labelledby="exposure">
        <h2 id="exposure" className="mb-2 text-lg font-bold">
          曝光案例
        </h2>
        <ul className="rounded border border-slate-300 bg-white p-3">
          {exposures.map((e) => (
            <li key={e.id} className="mb-1">
              {e.title}（
              {e.status === 'published'
                ? `已发布${e.publishedOn ? ` ${formatDate(e.publishedOn)}` : ''}`
                : e.status === 'draft'
                  ? '草稿'
                  : '已撤下'}
              ）
              <form action={setExposureStatusAction} className="ml-2 inline">
                {csrf}
                <input type="hidden" name="id" value={e.id} />
                <input type="hidden" name="status" value={e.status === 'published' ? 'withdrawn' : 'published'} />
                <button type="submit" className="text-brand-700 underline">
                  {e.status === 'published' ? '撤下' : '发布'}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
