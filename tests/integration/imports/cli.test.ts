import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { createDepartment } from '../helpers/fixtures';
import { dropDatabase, withDatabaseName } from '../helpers/databases';
import { penaltyRow, toCsv } from './sample';

// `npm run import` as a department runs it: a real process against a real PostgreSQL
// database, and the message it gives when the portal holds the embedded database.

const adminUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.skipIf(!adminUrl && !process.env.CI)(
  'import CLI on PostgreSQL (skipped outside CI when TEST_DATABASE_URL is not set)',
  () => {
    const name = `credit_cli_${randomBytes(4).toString('hex')}`;
    let handle: DbHandle;
    let url: string;

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      url = withDatabaseName(adminUrl!, name);
      handle = await openDatabase({ url });
      await migrateToLatest(handle.db);
    });
    afterAll(async () => {
      await handle?.close();
      await dropDatabase(adminUrl!, name);
    });

    it('imports a file with a progress bar, reports bad rows with exit code 2, and a second run changes nothing', async () => {
      const dept = await createDepartment(handle.db);
      const code = (
        await handle.db.selectFrom('departments').select('code').where('id', '=', dept.id).executeTakeFirstOrThrow()
      ).code;
      const file = path.join(dir, '处罚.csv');
      writeFileSync(
        file,
        toCsv([
          penaltyRow(801, { CF_JDRQ: '2026-01-05', CF_YXQ: '2026-01-05' }),
          penaltyRow(802, { CF_JDRQ: '2026-02-30' }),
        ]),
      );
      const env = { DATABASE_URL: url, IDENTITY_KEY: randomBytes(32).toString('base64') };
      const dryRun = runCli(['--department', code, '--dry-run', file], env);
      expect(dryRun.stdout).toContain('校验完成（未写入）：共 2 行');
      expect(dryRun.status, 'a dry run with a refused row exits non-zero').toBe(2);
      const first = runCli(['--department', code, file], env);
      expect(first.status, 'an import with a refused row exits non-zero').toBe(2);
      expect(first.stderr).toContain('有 1 行被拒绝，退出码 2');
      expect(first.stdout).toContain('导入完成：共 2 行，新增 1，更新 0，未变 0，错误 1');
      expect(first.stdout).toContain('第3行 CF_JDRQ');
      expect(first.stderr).toContain('100%');
      const second = runCli(['--department', code, file], env);
      expect(second.stdout).toContain('新增 0，更新 0，未变 1，错误 1');
      const rows = await handle.db
        .selectFrom('penaltyRecords')
        .select('id')
        .where('departmentId', '=', dept.id)
        .execute();
      expect(rows).toHaveLength(1);
      const good = path.join(dir, '合格.csv');
      writeFileSync(good, toCsv([penaltyRow(801, { CF_JDRQ: '2026-01-05', CF_YXQ: '2026-01-05' })]));
      const clean = runCli(['--department', code, good], env);
      expect(clean.status, clean.stderr).toBe(0);
      expect(clean.stdout).toContain('错误 0');
      const unknown = runCli(['--department', 'nosuch', file], env);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('没有代码为“nosuch”的部门');
    }, 240_000); // five runs of the real CLI, each starting tsx: about 60 s on a loaded 2-core machine
  },
);

describe('import CLI on a busy embedded database', () => {
  it('explains in Chinese and English how to import while the portal holds it', () => {
    const pgliteDir = path.join(dir, 'pglite');
    mkdirSync(pgliteDir, { recursive: true });
    writeFileSync(path.join(pgliteDir, 'postmaster.pid'), '-42\n');
    const file = path.join(dir, 'a.csv');
    writeFileSync(file, toCsv([penaltyRow(1)]));
    const result = runCli(['--department', 'scjg', file], {
      DATABASE_URL: '',
      PGLITE_DIR: pgliteDir,
      IMPORT_API_KEY: '',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('正被运行中的门户占用');
    expect(result.stderr).toContain('The embedded database is held by the running portal');
    expect(result.stderr).toContain('--key');
  });
});
