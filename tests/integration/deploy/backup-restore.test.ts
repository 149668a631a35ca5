import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { generateCity } from '@/server/seed';
import { loadReferenceData } from '@/server/reference/load';
import { dropDatabase, withDatabaseName } from '../helpers/databases';

// deploy/backup.sh and deploy/restore.sh against a real PostgreSQL server: a seeded
// database survives the round trip, with its migrations and the audit log's guard.
const adminUrl = process.env.TEST_DATABASE_URL;
const TABLES = ['subjects', 'penalty_records', 'licensing_records', 'list_entries', 'audit_log', 'search_documents'];

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await client.query(`select count(*) as n from ${t}`)).rows[0].n);
    return out;
  } finally {
    await client.end();
  }
}

async function createDatabase(name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
}

// Locally without a server the suite is skipped and says why; in CI it fails in beforeAll.
const title = 'deploy/backup.sh and deploy/restore.sh [PostgreSQL]';
const suite = adminUrl || process.env.CI ? describe : describe.skip;

suite(
  adminUrl || process.env.CI ? title : `${title} — skipped: TEST_DATABASE_URL is not set (see README, Testing)`,
  () => {
    const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
    const source = `credit_backup_src_${suffix}`;
    const target = `credit_backup_dst_${suffix}`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'credit-backup-'));
    let sourceUrl = '';
    let targetUrl = '';

    beforeAll(async () => {
      if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set; .ci/run starts PostgreSQL and sets it.');
      sourceUrl = withDatabaseName(adminUrl, source);
      targetUrl = withDatabaseName(adminUrl, target);
      await createDatabase(source);
      await createDatabase(target);
      const handle = await openDatabase({ url: sourceUrl });
      try {
        await migrateToLatest(handle.db);
        await loadReferenceData(handle.db);
        await generateCity(handle.db, {
          size: 60,
          today: '2026-11-28',
          identityKeys: deriveIdentityKeys(randomBytes(32)),
        });
        await handle.db
          .insertInto('auditLog')
          .values({
            actorType: 'system',
            actorLabel: 'test',
            action: 'backup.check',
            entityType: 'test',
            entityId: '1',
          })
          .execute();
      } finally {
        await handle.close();
      }
    }, 120_000);

    afterAll(async () => {
      if (!adminUrl) return;
      await dropDatabase(adminUrl, source);
      await dropDatabase(adminUrl, target);
    });

    const script = (name: string) => path.resolve('deploy', name);

    it('backs up, restores into an empty database, and the data, migrations and guards come back', async () => {
      const out = execFileSync(script('backup.sh'), [dir], { env: { ...process.env, DATABASE_URL: sourceUrl } })
        .toString()
        .trim();
      expect(readdirSync(dir)).toEqual([path.basename(out)]);
      expect(path.basename(out)).toMatch(/^xinyong-leshan-\d{8}T\d{6}Z\.dump$/);

      const restored = execFileSync(script('restore.sh'), [out], {
        env: { ...process.env, DATABASE_URL: targetUrl },
      }).toString();
      expect(restored).toMatch(/audit log triggers: \d+/);

      const before = await counts(sourceUrl);
      expect(before.subjects).toBeGreaterThan(0);
      expect(before.penalty_records).toBeGreaterThan(0);
      expect(await counts(targetUrl)).toEqual(before);

      const restoredDb = await openDatabase({ url: targetUrl });
      try {
        await expect(restoredDb.db.deleteFrom('auditLog').execute()).rejects.toThrow();
      } finally {
        await restoredDb.close();
      }
    }, 120_000);

    it('refuses to restore over a database that already has tables', () => {
      const dump = path.join(dir, readdirSync(dir)[0]!);
      expect(() =>
        execFileSync(script('restore.sh'), [dump], { env: { ...process.env, DATABASE_URL: targetUrl }, stdio: 'pipe' }),
      ).toThrow(/already has \d+ tables/);
    });

    it('keeps only the newest KEEP dumps', () => {
      for (let i = 0; i < 2; i++) {
        execFileSync(script('backup.sh'), [dir], { env: { ...process.env, DATABASE_URL: sourceUrl, KEEP: '2' } });
        execFileSync('sleep', ['1.1']);
      }
      expect(readdirSync(dir).filter((f) => f.endsWith('.dump'))).toHaveLength(2);
    }, 60_000);
  },
);
