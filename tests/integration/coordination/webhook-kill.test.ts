import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { enqueueWebhookEvent } from '@/server/webhooks/events';
import { createCaller } from '@/server/root';
import { createStaff } from '../applications/helpers';
import { dropDatabase, withDatabaseName } from '../helpers/databases';
import { createDepartment } from '../helpers/fixtures';
import { ordering, startReceiver } from './receiver';

// Issue 14: "the portal process is killed and restarted mid-delivery". A sender runs in its own
// process and is killed with SIGKILL while its requests are in flight (the receiver holds them);
// a new process takes over when the dead one's lease runs out. Nothing is lost, each subject's
// events arrive in order, and a re-sent event keeps its id. PostgreSQL only: the embedded PGlite
// belongs to one process and cannot be shared with a second one.
const adminUrl = process.env.TEST_DATABASE_URL;
const SECRET = 'whsec_kill_test_0123456789';
const SENDER = fileURLToPath(new URL('./sender-process.ts', import.meta.url));

describe.skipIf(!adminUrl && !process.env.CI)(
  'webhook sender killed mid-delivery [PostgreSQL] (needs TEST_DATABASE_URL)',
  () => {
    let db: Db;
    let url: string;
    let closeDb: () => Promise<void>;
    const name = `credit_test_kill_${process.pid}_${randomBytes(3).toString('hex')}`;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      url = withDatabaseName(adminUrl, name);
      const handle = await openDatabase({ url });
      db = handle.db;
      closeDb = handle.close;
      await migrateToLatest(db);
    }, 60_000);

    afterAll(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await closeDb?.();
      if (adminUrl) await dropDatabase(adminUrl, name);
    });

    function startSender(env: Record<string, string>) {
      const child = spawn(process.execPath, ['--import', 'tsx', SENDER], {
        env: { ...process.env, DATABASE_URL: url, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      return { child, exited, output: () => out };
    }

    async function until(condition: () => boolean, ms: number, what: string) {
      const stop = Date.now() + ms;
      while (!condition()) {
        if (Date.now() > stop) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    it('SIGKILL while requests are in flight: a new process sends everything, in order per subject, re-sent events keep their id', async () => {
      const receiver = await startReceiver(SECRET, { stallMs: 600_000 });
      try {
        const dept = await createDepartment(db);
        const staff = await createStaff(db, 'department', dept.id);
        await createCaller({ db, today: '2026-10-12', staff }).coordination.subscribe({
          url: receiver.url,
          events: ['penalty.published'],
          secret: SECRET,
        });
        for (let seq = 0; seq < 4; seq++)
          for (let s = 0; s < 3; s++)
            await db.transaction().execute((trx) =>
              enqueueWebhookEvent(trx, {
                type: 'penalty.published',
                subjectKey: `subject:kill-${s}`,
                data: { subject: { id: `kill-${s}` }, seq },
              }),
            );

        // The first process claims and sends; the receiver holds every request open.
        receiver.setMode(() => 'stall');
        const first = startSender({ LEASE_MS: '2000', IDLE_MS: '600000' });
        await until(() => receiver.requests >= 3, 30_000, 'the first sender’s requests');
        expect(receiver.accepted).toHaveLength(0);
        first.child.kill('SIGKILL');
        expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

        // A new process takes over once the dead one's lease has run out.
        receiver.setMode(() => 'ok');
        const second = startSender({ LEASE_MS: '2000', IDLE_MS: '3000' });
        await until(() => ordering(receiver.accepted).distinct >= 12, 60_000, 'all 12 events');
        const o = ordering(receiver.accepted);
        expect(o.distinct).toBe(12);
        expect(o.inOrder).toBe(true);
        expect(o.changedDuplicates).toBe(0);
        expect([...o.bySubject.values()].map((seqs) => seqs)).toEqual([
          [0, 1, 2, 3],
          [0, 1, 2, 3],
          [0, 1, 2, 3],
        ]);
        // The stalled first events were sent again by the second process, under their own ids.
        const stalledIds = new Set(receiver.accepted.filter((r) => r.seq === 0).map((r) => r.eventId));
        expect(stalledIds.size).toBe(3);
        expect(await second.exited).toEqual({ code: 0, signal: null });
        const pending = await db
          .selectFrom('webhookDeliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '<>', 'delivered')
          .executeTakeFirstOrThrow();
        expect(Number(pending.n)).toBe(0);
        expect(receiver.badSignatures).toEqual([]);
      } finally {
        await receiver.stop();
      }
    }, 120_000);
  },
);
