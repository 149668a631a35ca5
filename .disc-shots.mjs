import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3104';
const pages = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
for (const spec of pages) {
  const [name, path, full] = spec.split('|');
  for (const [dev, vp] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const page = await browser.newPage({ viewport: vp, locale: 'zh-CN' });
    await page.goto(base + path);
    await page.screenshot({ path: `/tmp/disc-shot-${name}-${dev}.png`, fullPage: full === 'full' });
    await page.close();
  }
}
await browser.close();
