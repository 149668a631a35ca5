import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '无障碍声明',
  description: '信用乐山网站的无障碍目标（WCAG 2.1 AA）、检测方法、大字版（适老化）使用方法、已知局限和问题反馈渠道。',
  path: '/accessibility',
});

const UPDATED_ON = '2026-11-28';

export default function AccessibilityPage() {
  return (
    <>
      <PageHeader
        title="无障碍声明"
        lead="我们希望每一位市民，包括老年人和残障人士，都能顺利查询信用信息、在线提出异议和申请信用修复。"
      />
      <div className="mx-auto max-w-4xl px-4 py-8">
        <div className="prose">
          <h2 id="target">我们的目标</h2>
          <p>
            本网站以《Web 内容无障碍指南》（WCAG）2.1 的 AA 级为目标，并参照国家标准 GB/T 37668—2019《信息技术
            互联网内容无障碍可访问性技术要求与测试方法》和工业和信息化部关于互联网网站适老化改造的要求。
          </p>
          <h2 id="measures">已经做到的</h2>
          <ul>
            <li>每个页面开头都有“跳到主要内容”链接，按 Tab 键即可看到；</li>
            <li>所有功能都可以只用键盘操作，获得焦点的链接、按钮和输入框有明显的黄色外框；</li>
            <li>页面有清楚的标题层级和页眉、导航、主要内容、页脚等区域，便于读屏软件跳转；</li>
            <li>表格有表头；表单的每个输入框都有文字说明，出错时用中文说明原因和改正方法；</li>
            <li>文字与背景的颜色对比度符合 AA 级要求，状态不只用颜色表示，同时有文字；</li>
            <li>不开启 JavaScript 也能查询、翻页、下载和提交申请；</li>
            <li>在手机（宽度 390 像素）上同样可以使用，页面不需要左右滚动（较宽的数据表格在表格内左右滚动）。</li>
          </ul>
          <h2 id="large-text">大字版（适老化）</h2>
          <p>
            点击页面右上角的“大字版”，全站文字和行距放大约四分之一；再点击“标准版”即可恢复。这个选择保存在您的浏览器中（有效期一年，仅记录字号这一项设置，不用于任何统计），
            换页、刷新或下次访问时保持不变。不开启 JavaScript 时同样可以切换。
          </p>
          <p>
            您也可以使用浏览器自带的缩放功能（Ctrl 键加“+”，手机上双指放大）。页面按“放大到 200%
            时内容和功能不丢失”的要求设计。
          </p>
          <h2 id="testing">我们如何检测</h2>
          <ul>
            <li>
              自动检测：每个公开页面（包括 404 页面和大字版）都在 Chromium 浏览器中用 axe-core 按 WCAG 2.1 A 级和 AA
              级规则检测，这项检测是每次发布前自动测试的一部分；
            </li>
            <li>键盘检测：只用键盘走完查询、查看记录、提交申请和查询进度等主要流程；</li>
            <li>手机和无脚本检测：在 390 像素宽的手机屏幕上、在关闭 JavaScript 的浏览器中检查页面能否正常使用。</li>
          </ul>
          <p>自动检测只能发现一部分问题，因此我们也欢迎您告诉我们在使用中遇到的困难。</p>
          <h2 id="limitations">已知的局限</h2>
          <ul>
            <li>
              我们尚未请读屏软件用户（如使用 NVDA、VoiceOver
              或国产读屏软件的用户）进行系统测试，可能仍有读屏体验不够顺畅的地方；
            </li>
            <li>申请人上传的材料（扫描件、照片）和各部门提供的原始文书不一定可被读屏软件识别；</li>
            <li>部分政策文件的原文由发文机关发布，本网站提供的是文字版或要点解读，格式以发文机关正式文本为准；</li>
            <li>数据表格列数较多，在手机上需要在表格内左右滑动查看。</li>
          </ul>
          <h2 id="feedback">遇到问题怎么办</h2>
          <p>
            如果您在使用本网站时遇到困难，或者发现某个页面无法用键盘、读屏软件或大字版正常使用，请拨打 12345
            政务服务便民热线，说明是“信用乐山”网站的无障碍问题，并告诉我们页面地址和遇到的情况，热线会转乐山市发展和改革委员会处理。
          </p>
          <p>
            需要办理信用信息异议或信用修复但无法在线提交的，也可以通过 12345 热线说明情况，我们会协助您办理。办理方法见
            <PageLink href="/guides">办事指南</PageLink>。
          </p>
          <p className="text-sm text-slate-600">
            本声明更新日期：<time dateTime={UPDATED_ON}>2026年11月28日</time>
          </p>
        </div>
      </div>
    </>
  );
}
