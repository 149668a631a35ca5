import { expect, it } from 'vitest';
import { exposureFeedPath, renderExposureRss } from '@/server/exposure/feed';
import { createCaller } from '@/server/root';
import { GET as feedRoute } from '@/app/(portal)/exposure/rss.xml/route';
import { describeEachDatabase } from '../helpers/databases';
import { createExposureCase } from '../lists/fixtures';

// A journalist's path through the 曝光台: one month, one domain, one feed per domain.
describeEachDatabase('曝光台 by month and per-domain feeds', (current) => {
  const today = '2026-03-20';
  const caller = () => createCaller({ db: current().db, today });

  it('shows only the cases published in the chosen month, with that month’s counts per domain', async () => {
    const { db } = current();
    const feb = await createExposureCase(db, { title: '二月食品案例', domain: '食品药品', publishedOn: '2026-02-28' });
    const mar = await createExposureCase(db, { title: '三月消防案例', domain: '消防安全', publishedOn: '2026-03-01' });
    const jan = await createExposureCase(db, { title: '一月食品案例', domain: '食品药品', publishedOn: '2026-01-31' });

    const february = await caller().exposure.browse({ month: '2026-02' });
    expect(february.month).toBe('2026-02');
    const ids = february.cases.map((c) => c.id);
    expect(ids).toContain(feb.id);
    expect(ids).not.toContain(mar.id);
    expect(ids).not.toContain(jan.id);
    expect(february.domains.find((d) => d.domain === '消防安全')).toBeUndefined();

    const marchFood = await caller().exposure.browse({ month: '2026-03', domain: '食品药品' });
    expect(marchFood.cases.map((c) => c.id)).not.toContain(feb.id);
    expect(marchFood.cases.filter((c) => c.domain !== '食品药品')).toEqual([]);
    expect((await caller().exposure.browse({ month: '2026-03' })).cases.map((c) => c.id)).toContain(mar.id);
  });

  it('offers the current month and the 23 before it, newest first', async () => {
    const page = await caller().exposure.browse({});
    expect(page.months[0]).toBe('2026-03');
    expect(page.months[1]).toBe('2026-02');
    expect(page.months).toHaveLength(24);
    expect(page.months.at(-1)).toBe('2024-04');
  });

  it('refuses a month that is not YYYY-MM, in Chinese', async () => {
    for (const month of ['2026-13', '2026-3', '三月', '2026-03-01'])
      await expect(caller().exposure.browse({ month })).rejects.toThrow('月份应写作“年-月”');
  });

  it('the feed of one domain carries only its cases and names the domain', async () => {
    const { db } = current();
    const fire = await createExposureCase(db, {
      title: '消防通道堵塞案',
      domain: '消防安全',
      publishedOn: '2026-03-02',
    });
    const food = await createExposureCase(db, {
      title: '过期食品销售案',
      domain: '食品药品',
      publishedOn: '2026-03-03',
    });
    const cases = await caller().exposure.feed({ domain: '消防安全' });
    expect(cases.map((c) => c.id)).toContain(fire.id);
    expect(cases.map((c) => c.id)).not.toContain(food.id);
    const xml = renderExposureRss(cases, 'https://credit.example', today, '消防安全');
    expect(xml).toContain('<title>信用乐山 · 曝光台（消防安全领域典型案例）</title>');
    expect(xml).toContain(`https://credit.example${exposureFeedPath('消防安全')}`);
    expect(xml).not.toContain('过期食品销售案');
  });
});

it('an unknown domain in the feed’s address answers 400 with a Chinese sentence listing the domains', async () => {
  const res = await feedRoute(new Request('http://localhost/exposure/rss.xml?domain=%E8%B5%8C%E5%8D%9A'));
  expect(res.status).toBe(400);
  const body = await res.text();
  expect(body).toContain('没有“赌博”这个领域的曝光台订阅');
  expect(body).toContain('食品药品');
});
