// `npm test`: every check, in order, with one summary line at the end.
//   setup (Debian packages when root; a private PostgreSQL cluster unless TEST_DATABASE_URL is
//   set; scripts/lib/test-env.ts) → lint (ESLint + Prettier) → types (tsc) → unit + integration
//   (Vitest, on PGlite and PostgreSQL) → e2e (Playwright in Chromium, against `npm start`) →
//   cluster (deploy/local-cluster.sh: primary, replica, two instances, nginx).
// Stops at the first failing step; the exit code is non-zero if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureDebianPackages, startPrivatePostgres, type PrivatePostgres } from './lib/test-env';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];

function run(label: string, command: string, args: string[]): boolean {
  const start = Date.now();
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  timings.push(`${label} ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/**
 * Like run(), but streams the output through and keeps the lines matching `remember` (the
 * portal's own reports of a stuck embedded database), so the summary can repeat them: a CI log
 * is often read from its end.
 */
async function runRemembering(label: string, command: string, args: string[], remember: RegExp): Promise<boolean> {
  const start = Date.now();
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const child = spawn(command, args, {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const scan = (into: NodeJS.WriteStream) => {
    let rest = '';
    return (chunk: Buffer) => {
      into.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (remember.test(line) && remembered.length < 20) remembered.push(line.trim());
    };
  };
  child.stdout.on('data', scan(process.stdout));
  child.stderr.on('data', scan(process.stderr));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  timings.push(`${label} ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return status === 0;
}
const remembered: string[] = [];

function readVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

function readPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    suites: PlaywrightSuite[];
  };
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
  firstFailures.push(...failedSpecs(report.suites).slice(0, 10));
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; line?: number }[];
  suites?: PlaywrightSuite[];
}
const firstFailures: string[] = [];
function failedSpecs(suites: PlaywrightSuite[], file = ''): string[] {
  return suites.flatMap((s) => [
    ...(s.specs ?? []).filter((t) => !t.ok).map((t) => `${s.file ?? file}:${t.line ?? '?'} ${t.title}`),
    ...failedSpecs(s.suites ?? [], s.file ?? file),
  ]);
}

let privatePostgres: PrivatePostgres | null = null;

function finish(ok: boolean): never {
  privatePostgres?.stop();
  console.log(`\n=== Summary (${timings.join(', ')})`);
  if (firstFailures.length > 0) console.log(`first e2e failures:\n  ${firstFailures.join('\n  ')}`);
  if (remembered.length > 0) console.log(`the portal reported:\n  ${remembered.join('\n  ')}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(ok && total.failed === 0 ? 0 : 1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const npx = 'npx';
const inCi = Boolean(process.env.CI);

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const missing = ensureDebianPackages();
if (missing.length > 0) {
  const message = `missing Debian packages: ${missing.join(' ')} (as root: apt-get install -y ${missing.join(' ')})`;
  if (inCi) {
    console.error(`FAIL: ${message}`);
    finish(false);
  }
  console.warn(`NOTE: ${message}; the suites that need them will fail.`);
}
if (!process.env.TEST_DATABASE_URL) {
  privatePostgres = await startPrivatePostgres();
  process.env.TEST_DATABASE_URL = privatePostgres.url;
  console.log(`=== setup: private PostgreSQL for the integration suites at ${privatePostgres.url}`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    privatePostgres?.stop();
    process.exit(130);
  });
}

if (!run('lint', npx, ['eslint', '.', '--max-warnings=0'])) finish(false);
if (!run('format', npx, ['prettier', '--check', '.'])) finish(false);
if (!run('types', npx, ['tsc', '--noEmit'])) finish(false);
const vitestOk = run('unit+integration', npx, [
  'vitest',
  'run',
  '--project=unit',
  '--project=integration',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
readVitest('test-results/vitest.json');
if (!vitestOk) finish(false);
const e2eOk = await runRemembering('e2e', npx, ['playwright', 'test'], /PGlite: |PGliteBusyError/);
readPlaywright('test-results/e2e.json');
if (!e2eOk) finish(false);
// The cluster suite serves the build the e2e step just made (.next), behind nginx.
const clusterOk = run('cluster', npx, [
  'vitest',
  'run',
  '--project=cluster',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/cluster.json',
]);
readVitest('test-results/cluster.json');
finish(clusterOk);
