// The long fuzz run (issue 13): ≥ 10,000 requests derived from the page routes, the OpenAPI
// document, the tRPC procedures and the live forms, against a running portal (`npm start`).
//   npx tsx tests/bench/fuzz.bench.ts --base http://127.0.0.1:3000 --count 10000 --concurrency 8 \
//     [--seed 1] [--key lsk_demo_…]
// Prints requests sent, the 5xx count, answers with internal text, refusals not in Chinese
// and the slowest responses; exits non-zero when any 5xx or internal text was seen.
import { benchArgs, median, percentile } from './lib';
import { collectSources, describeResult, runFuzz, summarise } from '../fuzz/run';

const args = benchArgs();
const base = args.get('--base') ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const count = Number(args.get('--count') ?? 10_000);
const concurrency = Number(args.get('--concurrency') ?? 8);
const seed = Number(args.get('--seed') ?? 1);
const key = args.get('--key') ?? process.env.FUZZ_API_KEY;

const started = Date.now();
const sources = await collectSources(base, key);
console.log(
  `来源：${sources.pages.length} 个页面路由，${sources.api.length} 个 API 操作，${sources.procedures.length} 个 tRPC 过程，${sources.forms.length} 个表单`,
);
let done = 0;
const results = await runFuzz(base, sources, {
  count,
  seed,
  concurrency,
  onResult: () => {
    done++;
    if (done % 1000 === 0) console.log(`  …${done} 个请求（${((Date.now() - started) / 1000).toFixed(0)} s）`);
  },
});
const s = summarise(results);
const ms = results.map((r) => r.ms);
console.log(
  `\n发送请求：${s.sent}（${((Date.now() - started) / 1000).toFixed(1)} s，并发 ${concurrency}，种子 ${seed}）`,
);
const byStatus = new Map<number, number>();
for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
console.log(
  `状态码：${[...byStatus]
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}×${v}`)
    .join('  ')}`,
);
console.log(`响应时间：中位数 ${median(ms).toFixed(0)} ms，P95 ${percentile(ms, 95).toFixed(0)} ms`);
console.log(`5xx：${s.serverErrors.length}`);
for (const r of s.serverErrors.slice(0, 15)) console.log(`  ${describeResult(r)}`);
console.log(`含内部信息的响应：${s.internal.length}`);
for (const r of s.internal.slice(0, 15)) console.log(`  ${describeResult(r)}`);
console.log(`不是中文的拒绝：${s.notChinese.length}`);
for (const r of s.notChinese.slice(0, 15)) console.log(`  ${describeResult(r)}`);
console.log('最慢的响应：');
for (const r of s.slowest)
  console.log(`  ${r.ms.toFixed(0)} ms  ${r.status} ${r.request.method} ${r.request.path.slice(0, 100)}`);
process.exit(s.serverErrors.length + s.internal.length > 0 ? 1 : 0);
