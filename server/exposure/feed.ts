import { Feed } from 'feed';
import type { ExposureCaseDto } from './service';

// RSS 2.0 of the 曝光台 for media. Links are absolute, from SITE_URL.

/** A calendar date as the start of that day in Asia/Shanghai. */
function shanghaiMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The path of the 曝光台's feed, of one domain or of all. */
export function exposureFeedPath(domain?: string | null): string {
  return domain ? `/exposure/rss.xml?domain=${encodeURIComponent(domain)}` : '/exposure/rss.xml';
}

export function renderExposureRss(
  cases: readonly ExposureCaseDto[],
  siteUrl: string,
  today: string,
  domain?: string | null,
): string {
  const base = siteUrl.replace(/\/+$/, '');
  const page = domain ? `${base}/exposure?domain=${encodeURIComponent(domain)}` : `${base}/exposure`;
  const feed = new Feed({
    id: page,
    title: domain ? `信用乐山 · 曝光台（${domain}领域典型案例）` : '信用乐山 · 曝光台（典型案例）',
    description: `乐山市${domain ? `${domain}领域` : ''}失信行为典型案例曝光，由信用乐山（乐山市公共信用信息服务平台）发布。`,
    link: page,
    language: 'zh-CN',
    copyright: '乐山市社会信用体系建设联席会议办公室',
    updated: shanghaiMidnight(cases[0]?.publishedOn || today),
    feedLinks: { rss: `${base}${exposureFeedPath(domain)}` },
    generator: '信用乐山',
    ttl: 60,
  });
  for (const c of cases) {
    const link = `${base}/exposure/${c.id}`;
    feed.addItem({
      title: c.title,
      id: link,
      link,
      description: c.summary,
      date: shanghaiMidnight(c.publishedOn),
      // RSS 2.0 <author> must be an e-mail address, so the department is left to the page.
      category: [{ name: c.domain }],
    });
  }
  return feed.rss2();
}
