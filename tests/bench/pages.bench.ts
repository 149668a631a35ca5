// Public-page benchmark (not part of `npm test`):
//   npm run bench:pages -- [--url http://127.0.0.1:3000] [--duration 10] [--lighthouse-runs 3] [--skip-lighthouse]
//                          [--skip-throughput]
// Without --url it starts the portal itself (`npm start` on port 3200 with a fresh embedded
// database and the demo data). It prints
//   - requests per second with autocannon at 50 connections (median of the per-second
//     samples, and latency p50 / p97.5), with a browser's Accept headers: cached pages as
//     visitors hit them, and search with a different query on every request (cache misses:
//     the real render cost), both from a fixed list of word pairs and as 2-character
//     substrings of the portal's own record titles, each asked once (--seed N replays a draw);
//   - first-load JavaScript: the gzip size of every script the page's HTML loads, and
//   - Lighthouse (mobile preset, Debian's Chromium) scores, median of several runs,
//     for /, /search?q=食品, a subject page, /disclosures/penalties, /apply/objection, /exposure.
// The machine is shared and noisy: compare medians and ratios, not single runs.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { Random } from '@/server/seed/random';
import { benchArgs, median } from './lib';

const args = benchArgs();
const duration = Number(args.get('--duration') || 10);
const lighthouseRuns = Number(args.get('--lighthouse-runs') || 3);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONNECTIONS = 50;

async function startPortal(): Promise<{ url: string; child: ChildProcess }> {
  const port = 3200;
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: '',
      PGLITE_DIR: mkdtempSync(path.join(os.tmpdir(), 'credit-bench-pages-')),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error('The portal did not become ready in 10 minutes.');
}

async function pickSubjectPath(base: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { q: '有限公司', kinds: ['subject'] } }));
  const res = await fetch(`${base}/api/trpc/search.query?input=${input}`);
  const body = (await res.json()) as { result: { data: { json: { hits: { subjectId: number | null }[] } } } };
  const id = body.result.data.json.hits.find((h) => h.subjectId)?.subjectId;
  if (!id) throw new Error('No subject found in the demo data.');
  return `/subjects/${id}`;
}

const WORDS = ['农业', '食品', '建筑', '旅游', '峨眉', '犍为', '市中', '沙湾', '五通', '井研', '夹江', '沐川', '峨边'];
const MORE = ['公司', '科技', '商贸', '餐饮', '药房', '酒店', '运输', '环保', '工程', '超市', '茶叶', '许可', '处罚'];
/** Distinct queries, so that every request of the miss run renders. */
const distinctQueries = WORDS.flatMap((a) => MORE.flatMap((b) => [`${a} ${b}`, `${a}${b}`, `${b} ${a}`]));

/**
 * 2-character substrings of record titles as the portal itself lists them (its search API,
 * a few broad characters, several pages each), shuffled by `seed`: queries nobody asked before.
 */
async function freshPairs(base: string, seed: number): Promise<string[]> {
  const titles: string[] = [];
  for (const q of ['市', '县', '店', '司', '局', '区']) {
    for (let page = 1; page <= 5; page++) {
      const input = encodeURIComponent(JSON.stringify({ json: { q, page } }));
      const res = await fetch(`${base}/api/trpc/search.query?input=${input}`);
      if (!res.ok) continue;
      const body = (await res.json()) as { result: { data: { json: { hits: { display: { title: string } }[] } } } };
      titles.push(...body.result.data.json.hits.map((h) => h.display.title));
    }
  }
  const pairs = new Set<string>();
  for (const t of titles) {
    const han = t.replace(/[^\u4e00-\u9fff]/g, '');
    for (let i = 0; i + 2 <= han.length; i++) pairs.add(han.slice(i, i + 2));
  }
  const random = new Random(seed);
  const list = [...pairs];
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function throughput(base: string, label: string, paths: string[]) {
  let i = 0;
  // As a browser asks for a page: the HTML, compressed.
  const headers = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, br' };
  // Warm-up: the first render of each cached page, JIT, connection pools.
  await run({ url: base, connections: 10, duration: 2, requests: [{ method: 'GET', path: paths[0]!, headers }] });
  const result = await run({
    url: base,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'GET',
        headers,
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }),
      },
    ],
  });
  return {
    label,
    rps: result.requests.p50,
    requests: result.requests.total,
    rpsMean: Math.round(result.requests.average),
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function gzipKbOf(base: string, sources: Iterable<string>): Promise<number> {
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

/**
 * JavaScript a page loads with its HTML, and what its loader adds after the first paint or when
 * a form is first used (server/http/deferred-scripts.ts), as gzip -9 sizes.
 */
async function firstLoadJs(base: string, pagePath: string) {
  const html = await (await fetch(base + pagePath)).text();
  // noModule scripts are polyfills that modern browsers neither download nor run.
  const atLoad = new Set(
    [...html.matchAll(/<script([^>]+)>/g)]
      .filter((m) => !/\bnoModule\b/i.test(m[1]!))
      .map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1]?.replace(/&amp;/g, '&'))
      .filter((src): src is string => Boolean(src)),
  );
  const loader = /data-deferred-scripts="(use|paint)"[^>]*>\(function\(\)\{var s=(\[[^\]]*\])/.exec(html);
  const later = new Set<string>(loader ? (JSON.parse(loader[2]!) as string[]) : []);
  return {
    scripts: atLoad.size,
    gzipKb: await gzipKbOf(base, atLoad),
    addedLater: loader ? `${later.size} ${loader[1] === 'use' ? 'at first use of a form' : 'after first paint'}` : '',
    gzipKbLater: await gzipKbOf(base, later),
  };
}

async function lighthouseScores(base: string, pagePath: string) {
  const scores: Record<string, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
  const metrics: Record<string, number[]> = { FCP: [], LCP: [], TBT: [], CLS: [] };
  const metricAudits = {
    FCP: 'first-contentful-paint',
    LCP: 'largest-contentful-paint',
    TBT: 'total-blocking-time',
    CLS: 'cumulative-layout-shift',
  };
  for (let r = 0; r < lighthouseRuns; r++) {
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
    try {
      const result = await lighthouse(base + pagePath, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(scores),
      });
      for (const [k, cat] of Object.entries(result?.lhr.categories ?? {})) {
        scores[k]?.push(Math.round((cat.score ?? 0) * 100));
      }
      for (const [k, id] of Object.entries(metricAudits)) {
        metrics[k]!.push(result?.lhr.audits[id]?.numericValue ?? NaN);
      }
      if (r === 0) {
        const failed = Object.values(result?.lhr.audits ?? {})
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id);
        if (failed.length) console.log(`  ${pagePath}: audits not passed: ${failed.join(', ')}`);
      }
    } finally {
      chrome.kill();
    }
  }
  return {
    ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)])),
    ...Object.fromEntries(
      Object.entries(metrics).map(([k, v]) => [k, k === 'CLS' ? median(v).toFixed(3) : `${Math.round(median(v))} ms`]),
    ),
  };
}

let portal: { url: string; child: ChildProcess } | undefined;
try {
  const base = args.get('--url') || (portal = await startPortal()).url;
  const subject = await pickSubjectPath(base);
  const search = '/search?q=%E5%86%9C%E4%B8%9A';
  console.log(`\nPortal ${base}; subject page ${subject}; ${CONNECTIONS} connections, ${duration} s per run.\n`);

  if (!args.has('--skip-throughput')) {
    const seed = Number(args.get('--seed') || Date.now() % 1_000_000);
    const fresh = await freshPairs(base, seed);
    const rows = [
      await throughput(base, '/ (cached)', ['/']),
      await throughput(base, `${subject} (cached)`, [subject]),
      await throughput(base, '/search?q=农业 (cached)', [search]),
      await throughput(
        base,
        `/search, ${distinctQueries.length} distinct queries (misses)`,
        distinctQueries.map((q) => `/search?q=${encodeURIComponent(q)}`),
      ),
      await throughput(
        base,
        `/search, ${fresh.length} 2-character substrings of titles, seed ${seed} (misses)`,
        fresh.map((q) => `/search?q=${encodeURIComponent(q)}`),
      ),
    ];
    const missRequests = rows[rows.length - 1]!.requests;
    if (missRequests > fresh.length) {
      console.log(`(only ${fresh.length} fresh queries for ${missRequests} requests: some were asked twice)`);
    }
    console.log('Requests per second (median of 1-s samples; mean), latency ms p50 / p97.5');
    console.table(rows);
  }

  // The six pages issue 17 names for Lighthouse; JavaScript weight on each.
  const pages = [
    '/',
    '/search?q=%E9%A3%9F%E5%93%81',
    subject,
    '/disclosures/penalties',
    '/apply/objection',
    '/exposure',
  ];
  const js = [];
  for (const p of pages) js.push({ page: p, ...(await firstLoadJs(base, p)) });
  console.log(
    'JavaScript (gzip -9) the HTML loads, and what its loader adds after the first paint or at the first use of a form',
  );
  console.table(js);

  if (!args.has('--skip-lighthouse')) {
    const lh = [];
    for (const p of pages) lh.push({ page: p, ...(await lighthouseScores(base, p)) });
    console.log(`Lighthouse 12, mobile preset, median of ${lighthouseRuns} runs`);
    console.table(lh);
  }
} finally {
  if (portal?.child.pid) process.kill(-portal.child.pid, 'SIGTERM');
}
