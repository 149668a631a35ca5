import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '@/components/format';
import { parseContentFile, readAll, readSection } from '@/server/content/files';
import { renderMarkdown, safeHref } from '@/server/content/markdown';
import { getContent, listContent, sortContent, tableOfContents } from '@/server/content/service';
import { CONTENT_SECTIONS } from '@/server/content/schema';
import { PUBLICATION_RULES } from '@/server/rules/periods';
import { WORKDAY_DEFAULTS } from '@/server/rules/workdays';

describe('every Markdown file in content/', () => {
  it('parses with valid front matter and renders to HTML', async () => {
    const onDisk = CONTENT_SECTIONS.flatMap((s) =>
      readdirSync(path.join('content', s)).filter((n) => n.endsWith('.md')).map((n) => `content/${s}/${n}`),
    );
    const files = await readAll();
    expect(files.map((f) => f.file).sort()).toEqual(onDisk.sort());
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const f of files) {
      expect(f.date, f.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.slug, f.file).toBe(path.basename(f.file, '.md'));
      const { html } = renderMarkdown(f.body);
      expect(html.length, f.file).toBeGreaterThan(200);
      expect(html, f.file).not.toMatch(/<script|<iframe|javascript:/i);
    }
  });
});

describe('ordering and lookup', () => {
  it('lists the 2017 Leshan plan first among the policies, then newest first', async () => {
    const policies = await listContent('policies');
    expect(policies[0]?.slug).toBe('2017-leshan-joint-incentive-punishment-plan');
    expect(policies[0]?.title).toContain('乐山市建立完善守信联合激励和失信联合惩戒制度');
    const rest = policies.slice(1).map((p) => p.date);
    expect(rest).toEqual([...rest].sort().reverse());
    expect(policies).toHaveLength(3);
  });

  it('lists news newest first', async () => {
    const dates = (await listContent('news')).map((n) => n.date);
    expect(dates.length).toBeGreaterThanOrEqual(4);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2026-11-16');
  });

  it('sorts pinned first, then by date descending, then by slug', () => {
    const items = [
      { slug: 'b', date: '2020-01-01', pinned: false },
      { slug: 'a', date: '2020-01-01', pinned: false },
      { slug: 'old', date: '2010-01-01', pinned: true },
      { slug: 'new', date: '2024-01-01', pinned: false },
    ];
    expect(sortContent(items).map((i) => i.slug)).toEqual(['old', 'new', 'a', 'b']);
  });

  it('finds an article by its file name and refuses unknown or malformed slugs', async () => {
    const guide = await getContent('guides', 'repair');
    expect(guide?.title).toBe('如何申请信用修复');
    expect(guide?.html).toContain('<table>');
    expect(await getContent('guides', 'no-such-guide')).toBeNull();
    expect(await getContent('guides', '../policies/2017-leshan-joint-incentive-punishment-plan')).toBeNull();
    expect(await getContent('news', 'repair')).toBeNull(); // a guide is not news
  });

  it('gives the long 2017 plan a table of contents whose links match heading ids', async () => {
    const plan = await getContent('policies', '2017-leshan-joint-incentive-punishment-plan');
    const toc = tableOfContents(plan!.headings);
    expect(toc.map((h) => h.text)).toContain('一、总体要求');
    expect(toc.map((h) => h.text)).toContain('（三）权益保护');
    for (const h of toc) expect(plan!.html).toContain(`id="${h.id}"`);
    // A short news item has none.
    const news = await getContent('news', '2026-11-16-portal-relaunch');
    expect(tableOfContents(news!.headings)).toEqual([]);
  });
});

describe('front matter errors', () => {
  const good = '---\ntitle: "标题"\ndate: 2026-01-02\nsummary: "摘要"\n---\n\n正文。\n';

  it('accepts a quoted or unquoted date', () => {
    expect(parseContentFile('news', 'content/news/x.md', good).date).toBe('2026-01-02');
    expect(parseContentFile('news', 'content/news/x.md', good.replace('2026-01-02', '"2026-01-02"')).date).toBe(
      '2026-01-02',
    );
  });

  it('names the file and the field in Chinese', () => {
    expect(() => parseContentFile('news', 'content/news/bad.md', good.replace('summary: "摘要"\n', ''))).toThrow(
      /content\/news\/bad\.md 的 front matter 有误：summary/,
    );
    expect(() => parseContentFile('news', 'content/news/bad.md', good.replace('2026-01-02', '2026年1月2日'))).toThrow(
      /content\/news\/bad\.md.*date：日期须写成 YYYY-MM-DD/,
    );
    expect(() => parseContentFile('news', 'content/news/bad.md', good.replace('title', 'titel'))).toThrow(
      /bad\.md 的 front matter 有误/,
    );
    expect(() => parseContentFile('news', 'content/news/Bad Name.md', good)).toThrow(/文件名只能用小写字母/);
  });
});

describe('rendering is safe', () => {
  it('shows raw HTML as text instead of markup', () => {
    const { html } = renderMarkdown('段落 <script>alert(1)</script>\n\n<div onclick="x()">块</div>\n');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<div onclick');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;');
  });

  it('keeps safe link targets and drops dangerous ones', () => {
    const { html } = renderMarkdown(
      '[a](/guides/repair) [b](https://www.gov.cn/) [c](javascript:alert(1)) [d](//evil.example/) [e](#top)',
    );
    expect(html).toContain('<a href="/guides/repair">a</a>');
    expect(html).toContain('<a href="https://www.gov.cn/">b</a>');
    expect(html).toContain('<a href="#top">e</a>');
    expect(html).not.toMatch(/javascript:|evil\.example/);
    expect(safeHref('/\\evil.example')).toBeNull();
  });

  it('gives headings unique ids and wraps tables in a keyboard-scrollable region', () => {
    const { html, headings } = renderMarkdown('## 办理时限\n\n## 办理时限\n\n| 环节 | 时限 |\n|---|---|\n| 受理 | 2 天 |\n');
    expect(headings.map((h) => h.id)).toEqual(['办理时限', '办理时限-2']);
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="表格：环节、时限" tabindex="0"><table>');
  });
});

describe('the guides say what the rules do (SPEC §6, server/rules)', () => {
  it('state the working-day deadlines of WORKDAY_DEFAULTS and that both services are free', async () => {
    const guides = await readSection('guides');
    expect(guides.map((g) => g.slug).sort()).toEqual(['objection', 'repair']);
    for (const g of guides) {
      expect(g.body, g.file).toContain(`${WORKDAY_DEFAULTS.acceptWithin} 个工作日内`);
      expect(g.body, g.file).toContain(`${WORKDAY_DEFAULTS.decideWithin} 个工作日内`);
      expect(g.body, g.file).toContain(`${WORKDAY_DEFAULTS.propagateWithin} 个工作日内`);
      expect(g.body, g.file).toMatch(/不收取任何费用/);
      expect(g.body, g.file).toMatch(/需要准备的材料/);
      expect(g.body, g.file).toMatch(/法定节假日不计算在内，调休上班的周六、周日计算在内/);
    }
  });

  it('date the repair periods from the rule table', async () => {
    const repair = (await readSection('guides')).find((g) => g.slug === 'repair')!;
    for (const rule of PUBLICATION_RULES.filter((r) => r.id !== 'ndrc-order-36-2026')) {
      expect(repair.body).toContain(formatDate(rule.inForceFrom));
      expect(repair.body).toContain(rule.shortBasis);
    }
    const measures = PUBLICATION_RULES.find((r) => r.id === 'ndrc-order-36-2026')!;
    expect(repair.body).toContain(`${formatDate(measures.inForceFrom)}起同时适用`);
  });
});
