import { PageLink } from '@/components/page-link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t-4 border-brand-700 bg-slate-800 text-slate-200">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm md:grid-cols-3">
        <div>
          <h2 className="mb-2 font-semibold text-white">主办单位</h2>
          <p>乐山市社会信用体系建设联席会议办公室</p>
          <p>（设在乐山市发展和改革委员会）</p>
        </div>
        <div>
          <h2 className="mb-2 font-semibold text-white">联系我们</h2>
          <p>信用信息异议、信用修复咨询：工作日 9:00–12:00，14:00–17:30</p>
          <p>信用修复不收取任何费用，谨防以“代办修复”为名的收费诈骗。</p>
        </div>
        <div>
          <h2 className="mb-2 font-semibold text-white">网站信息</h2>
          <ul className="space-y-1">
            <li>
              <PageLink className="underline hover:text-white" href="/accessibility">
                无障碍声明
              </PageLink>
            </li>
            <li>
              <PageLink className="underline hover:text-white" href="/guides">
                办事指南
              </PageLink>
            </li>
            <li>
              <PageLink className="underline hover:text-white" href="/api/v1/openapi.json">
                数据接口
              </PageLink>
            </li>
          </ul>
        </div>
      </div>
      <p className="border-t border-slate-700 py-4 text-center text-xs text-slate-300">
        信用乐山 · 乐山市公共信用信息服务平台 ·
        依据《乐山市建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案》（乐府办发〔2017〕27号）建设
      </p>
    </footer>
  );
}
