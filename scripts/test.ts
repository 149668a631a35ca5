// `npm test`: every check, in order, with one summary line at the end.
//   lint (ESLint + Prettier) → types (tsc) → unit + integration (Vitest, on PGlite and,
//   with TEST_DATABASE_URL, PostgreSQL) → e2e (Playwright in Chromium, against `npm start`).
// Stops at the first failing step; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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
  };
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
}

function finish(ok: boolean): never {
  console.log(`\n=== Summary (${timings.join(', ')})`);
  if (!process.env.TEST_DATABASE_URL) {
    console.log('NOTE: TEST_DATABASE_URL is not set, so the PostgreSQL half of the integration suite did not run.');
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(ok && total.failed === 0 ? 0 : 1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const npx = 'npx';

if (!run('lint', npx, ['eslint', '.', '--max-warnings=0'])) finish(false);
if (!run('format', npx, ['prettier', '--check', '.'])) finish(false);
if (!run('types', npx, ['tsc', '--noEmit'])) finish(false);
const vitestOk = run('unit+integration', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
readVitest('test-results/vitest.json');
if (!vitestOk) finish(false);
const e2eOk = run('e2e', npx, ['playwright', 'test']);
readPlaywright('test-results/e2e.json');
finish(e2eOk);
