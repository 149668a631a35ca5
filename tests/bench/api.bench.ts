// API latency under load (not part of `npm test`): against a running portal,
//   BENCH_URL=http://localhost:3000 npx tsx tests/bench/api.bench.ts [--connections 50] [--seconds 15]
// Takes USCCs of subjects from the API itself, then drives search and credit-check with
// autocannon and prints p50/p95/p99. Each run uses its own X-Forwarded-For addresses so the
// per-address rate limit (600 per 5 minutes) does not turn the benchmark into a 429 test: start
// the portal with TRUSTED_PROXIES=1 (as behind nginx), or it rightly ignores those addresses.
import { createRequire } from 'node:module';
import { benchArgs } from './lib';

interface Instance extends PromiseLike<{ requests: { total: number; average: number }; non2xx: number }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Request = { path?: string; headers?: Record<string, string> };
// autocannon ships no types; this is the part of its API the benchmark uses.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { setupRequest: (req: Request) => Request }[];
}) => Instance;

const args = benchArgs();
const base = process.env.BENCH_URL ?? 'http://localhost:3000';
const connections = Number(args.get('--connections') ?? 50);
const seconds = Number(args.get('--seconds') ?? 15);

const page = (await (await fetch(`${base}/api/v1/lists?limit=200`)).json()) as { data: { uscc: string | null }[] };
const usccs = [...new Set(page.data.map((e) => e.uscc).filter((u): u is string => !!u && u !== '00000000000000000X'))];
const terms = ['乐山', '餐饮', '食品', '建材', '峨眉', '五通桥', '罚款', '有限公司', '茶叶', '超市'];
let n = 0;

async function run(label: string, path: () => string) {
  const times: number[] = [];
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          n += 1;
          return { ...req, path: path(), headers: { 'x-forwarded-for': `198.51.${(n >> 8) & 255}.${n & 255}` } };
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0);
  console.log(
    `${label}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, non-2xx ${result.non2xx}`,
  );
}

console.log(`${base}, ${connections} connections, ${seconds} s each; ${usccs.length} subjects`);
await run('search', () => `/api/v1/search?q=${encodeURIComponent(terms[n % terms.length]!)}`);
await run('credit-check', () => `/api/v1/subjects/${usccs[n % usccs.length]}/credit-check`);
