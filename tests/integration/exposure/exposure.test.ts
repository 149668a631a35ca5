import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { renderExposureRss } from '@/server/exposure/feed';
import { EXPOSURE_FEED_LENGTH, EXPOSURE_PAGE_SIZE } from '@/server/exposure/schema';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { PERSON_ID, createExposureCase, createPerson } from '../lists/fixtures';

const SITE = 'https://credit.leshan.example';

/** The <item> blocks of an RSS document, each with its required elements. */
function rssItems(xml: string) {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    title: /<title>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/title>/.exec(item!)?.[1],
    link: /<link>([^<]*)<\/link>/.exec(item!)?.[1],
    guid: /<guid[^>]*>([^<]*)<\/guid>/.exec(item!)?.[1],
    pubDate: /<pubDate>([^<]*)<\/pubDate>/.exec(item!)?.[1],
    category: /<category>([^<]*)<\/category>/.exec(item!)?.[1],
  }));
}

// The 曝光台 shows published cases only, on its pages and in its feed (SPEC §5, exposureIsPublic).
describeEachDatabase('exposure cases (曝光台) and their RSS feed', (current) => {
  const today = '2026-03-01';
  const caller = () => createCaller({ db: current().db, today });

  it('shows published cases only, on the page, the case page and in the feed', async () => {
    const { db } = current();
    const published = await createExposureCase(db, { title: '已发布的案例', publishedOn: '2026-02-15' });
    const publishedToday = await createExposureCase(db, { title: '今天发布的案例', publishedOn: today });
    const hidden = [
      await createExposureCase(db, { title: '草稿案例', status: 'draft', publishedOn: null }),
      await createExposureCase(db, { title: '已撤回案例', status: 'withdrawn', publishedOn: '2026-02-01' }),
      await createExposureCase(db, { title: '明天发布的案例', publishedOn: '2026-03-02' }),
    ];

    const page = await caller().exposure.browse();
    const ids = page.cases.map((c) => c.id);
    expect(ids).toContain(published.id);
    expect(ids).toContain(publishedToday.id);
    for (const h of hidden) expect(ids).not.toContain(h.id);

    expect((await caller().exposure.case({ id: published.id })).title).toBe('已发布的案例');
    for (const h of hidden)
      await expect(caller().exposure.case({ id: h.id })).rejects.toSatisfy(
        (e) => e instanceof TRPCError && e.code === 'NOT_FOUND',
      );

    const xml = renderExposureRss(await caller().exposure.feed(), SITE, today);
    const titles = rssItems(xml).map((i) => i.title);
    expect(titles).toContain('已发布的案例');
    for (const h of hidden) expect(xml).not.toContain(h.title);
  });

  it('filters by domain with counts per domain, and pages in a stable order', async () => {
    const { db } = current();
    const domain = '消防安全';
    const created: number[] = [];
    for (let i = 0; i < EXPOSURE_PAGE_SIZE + 3; i++) {
      const c = await createExposureCase(db, {
        domain,
        publishedOn: `2026-01-${String(10 + (i % 3)).padStart(2, '0')}`,
      });
      created.push(c.id);
    }
    await createExposureCase(db, { domain: '生态环境', publishedOn: '2026-01-20' });
    const first = await caller().exposure.browse({ domain });
    const second = await caller().exposure.browse({ domain, page: 2 });
    expect(first.total).toBe(EXPOSURE_PAGE_SIZE + 3);
    expect(first.cases.every((c) => c.domain === domain)).toBe(true);
    expect(first.cases).toHaveLength(EXPOSURE_PAGE_SIZE);
    expect(second.cases).toHaveLength(3);
    const seen = [...first.cases, ...second.cases];
    expect(new Set(seen.map((c) => c.id))).toEqual(new Set(created));
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.publishedOn > b.publishedOn || (a.publishedOn === b.publishedOn && a.id > b.id)).toBe(true);
    }
    expect(first.domains.find((d) => d.domain === domain)?.count).toBe(EXPOSURE_PAGE_SIZE + 3);
    // Tabs follow the plan's order of domains: 生态环境 comes before 消防安全.
    const order = first.domains.map((d) => d.domain);
    expect(order.indexOf('生态环境')).toBeLessThan(order.indexOf(domain));
  });

  it('links the subject (a person masked, also in the text) and the penalty only while it is public', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市曝光链接测试有限公司');
    const penalty = await createPenalty(db, company, department, { severity: 'serious' });
    const repaired = await createPenalty(db, company, department, { status: 'repaired', repairedOn: '2026-01-10' });
    const linked = await createExposureCase(db, {
      subjectId: company.id,
      subjectName: company.name,
      departmentId: department.id,
      penaltyRecordId: penalty.id,
    });
    const stale = await createExposureCase(db, { subjectId: company.id, penaltyRecordId: repaired.id });
    const shown = await caller().exposure.case({ id: linked.id });
    expect(shown.penalty).toEqual({ id: penalty.id, documentNumber: penalty.documentNumber });
    expect(shown.subject).toEqual({ id: company.id, name: company.name });
    expect(shown.departmentName).toBe(department.name);
    expect((await caller().exposure.case({ id: stale.id })).penalty).toBeNull();

    const person = await createPerson(db, '李建国', PERSON_ID);
    const personal = await createExposureCase(db, {
      subjectId: person.id,
      subjectName: '李建国',
      title: '李建国拒不履行生效判决被曝光',
      summary: '李建国有履行能力而拒不履行。',
      body: '【基本案情】李建国……',
    });
    const dto = await caller().exposure.case({ id: personal.id });
    expect(dto.title).toBe('李**拒不履行生效判决被曝光');
    expect(dto.subject?.name).toBe('李**');
    const json = JSON.stringify([dto, await caller().exposure.browse(), await caller().exposure.feed()]);
    expect(json).not.toContain('李建国');
    expect(json).not.toContain(PERSON_ID);
  });

  it('the feed is RSS 2.0 with the latest 50 cases, newest first, and absolute links', async () => {
    const { db } = current();
    for (let i = 0; i < EXPOSURE_FEED_LENGTH + 5; i++)
      await createExposureCase(db, { domain: '安全生产', publishedOn: '2026-02-20' });
    // Published today, and created after every other case: first in the feed.
    const newest = await createExposureCase(db, { title: '最新的案例 <&>', publishedOn: today });
    const cases = await caller().exposure.feed();
    const xml = renderExposureRss(cases, `${SITE}/`, today);

    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toMatch(/<rss version="2\.0"[^>]*>\s*<channel>/);
    const channel = xml.replace(/<item>[\s\S]*<\/item>/, '');
    expect(channel).toMatch(/<title>[^<]*曝光台[^<]*<\/title>/);
    expect(channel).toContain(`<link>${SITE}/exposure</link>`);
    expect(channel).toMatch(/<description>[^<]+<\/description>/);
    expect(channel).toContain('<language>zh-CN</language>');
    expect(channel).toContain(`<atom:link href="${SITE}/exposure/rss.xml" rel="self" type="application/rss+xml"/>`);

    const items = rssItems(xml);
    expect(items).toHaveLength(EXPOSURE_FEED_LENGTH);
    expect(items[0]).toEqual({
      title: '最新的案例 <&>',
      link: `${SITE}/exposure/${newest.id}`,
      guid: `${SITE}/exposure/${newest.id}`,
      pubDate: 'Sat, 28 Feb 2026 16:00:00 GMT', // 2026-03-01 00:00 in Asia/Shanghai
      category: '食品药品',
    });
    for (const item of items) {
      expect(item.link).toMatch(new RegExp(`^${SITE.replace(/\./g, '\\.')}/exposure/\\d+$`));
      expect(item.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
    // Every tag that opens closes: a cheap well-formedness check without an XML parser.
    const body = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of body.matchAll(/<(\/?)([a-zA-Z:]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(body).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
  });
});
