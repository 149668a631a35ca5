import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The e2e suite runs the real `npm start` (migrate, seed the demo into a fresh embedded
// database, build, serve) on its own port, and drives Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Made once, in the runner: its workers load this file again and inherit the variable.
const dataDir = (process.env.E2E_PGLITE_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'credit-e2e-')));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  // In CI a portal that stopped answering fails ten tests and ends the run (with the first
  // failures and the portal's own reports in the summary), instead of a minute per test.
  maxFailures: process.env.CI ? 10 : 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm start',
    url: `http://127.0.0.1:${PORT}/api/ready`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(PORT),
      PGLITE_DIR: dataDir,
      DATABASE_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
      // The footer shows a filing number only from its setting; SITE_PSB_NUMBER stays unset (line left out).
      SITE_ICP_NUMBER: process.env.E2E_SITE_ICP_NUMBER ?? '蜀ICP备12345678号-1',
    },
  },
});
