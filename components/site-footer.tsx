import { config } from '@/server/config';
import { PageLink } from '@/components/page-link';

const SITE_LINKS = [
  { href: '/accessibility', label: '无障碍声明' },
  { href: '/site-map', label: '网站地图' },
  { href: '/api/v1/docs', label: '数据接口' },
  { href: '/guides', label: '办事指南' },
  { href: '/track', label: '办理进度查询' },
] as const;

export function SiteFooter() {
  // Filing numbers and contact are settings (server/config.ts): a line without one is left out.
  const { SITE_ICP_NUMBER, SITE_PSB_NUMBER, SITE_CONTACT } = config();
  return (
    <footer className="mt-16 border-t-4 border-brand-700 bg-slate-800 text-slate-200">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 text-sm leading-relaxed md:grid-cols-3">
        <section aria-labelledby="footer-host">
          <h2 id="footer-host" className="mb-2 font-semibold text-white">
            主办单位
          </h2>
          <p>乐山市社会信用体系建设联席会议办公室</p>
          <p>（设在乐山市发展和改革委员会）</p>
        </section>
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="mb-2 font-semibold text-white">
            联系我们
          </h2>
          <p>
            咨询、投诉和建议：拨打 12345 政务服务便民热线，说明“信用乐山”网站或信用信息异议、修复事项，
            由热线转乐山市发展和改革委员会办理。
          </p>
          <p className="mt-2">对公示信息有异议、申请信用修复，请使用网站“在线办事”栏目，无需注册。</p>
          <p className="mt-2 font-medium text-white">信用修复不收取任何费用，谨防以“代办修复”为名的收费诈骗。</p>
        </section>
        <section aria-labelledby="footer-site">
          <h2 id="footer-site" className="mb-2 font-semibold text-white">
            网站信息
          </h2>
          <ul className="grid grid-cols-2 gap-x-4 gap-y-1">
            {SITE_LINKS.map((l) => (
              <li key={l.href}>
                <PageLink className="underline underline-offset-2 hover:text-white" href={l.href}>
                  {l.label}
                </PageLink>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="border-t border-slate-700 px-4 py-4 text-center text-xs leading-relaxed text-slate-300">
        <p>
          信用乐山 · 乐山市公共信用信息服务平台 ·
          依据《乐山市建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案》（乐府办发〔2017〕27号）建设
        </p>
        <p className="mt-1">
          主办：乐山市发展和改革委员会
          {SITE_CONTACT ? <span data-testid="contact"> · {SITE_CONTACT}</span> : null}
        </p>
        {SITE_ICP_NUMBER || SITE_PSB_NUMBER ? (
          <p className="mt-1">
            {SITE_ICP_NUMBER ? (
              <a
                href="https://beian.miit.gov.cn/"
                className="underline underline-offset-2 hover:text-white"
                data-testid="icp"
              >
                {SITE_ICP_NUMBER}
              </a>
            ) : null}
            {SITE_ICP_NUMBER && SITE_PSB_NUMBER ? ' · ' : null}
            {SITE_PSB_NUMBER ? <span data-testid="psb">{SITE_PSB_NUMBER}</span> : null}
          </p>
        ) : null}
      </div>
    </footer>
  );
}
