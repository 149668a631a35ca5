// Webhook delivery benchmark (issue 14): a real receiver on loopback, the outbox on PostgreSQL
// (BENCH_DATABASE_URL, a scratch database `credit_webhooks_bench` recreated each run) or an
// in-memory PGlite without it.
//   npx tsx tests/bench/webhooks.bench.ts [--events 10000] [--rate 100] [--seconds 20]
// Prints: deliveries per second draining --events queued events; p50/p95 delay from commit to
// delivery while events are committed at --rate per second with the server's own loop running;
// the time to drain a backlog of --events after the receiver was down (every row backed off).
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../server/db/client';
import { migrateToLatest } from '../../server/db/migrate';
import { deliverDueOnce } from '../../server/webhooks/delivery.service';
import { enqueueWebhookEvent } from '../../server/webhooks/events';
import { startReceiver } from '../integration/coordination/receiver';
import { benchArgs, ensureBenchDatabase, median, percentile } from './lib';

const args = benchArgs();
const EVENTS = Number(args.get('--events') || 10_000);
const RATE = Number(args.get('--rate') || 100);
const SECONDS = Number(args.get('--seconds') || 20);
const SECRET = 'whsec_bench_secret_0123456789';

async function open() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return openDatabase({ memory: true });
  await ensureBenchDatabase(url, 'credit_webhooks_bench', true);
  return openDatabase({ url: url.replace(/\/[^/?]*(\?|$)/, '/credit_webhooks_bench$1') });
}

async function setup(db: Db, url: string) {
  const dept = await db
    .insertInto('divisions')
    .values({ code: '511100', name: '乐山市', fullName: '四川省乐山市', parentCode: null })
    .onConflict((oc) => oc.doNothing())
    .execute()
    .then(() =>
      db
        .insertInto('departments')
        .values({
          code: 'bench',
          name: '基准测试局',
          shortName: '基准局',
          docPrefix: '基',
          uscc: '115111000000000001',
          divisionCode: '511100',
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
  await db
    .insertInto('webhookSubscriptions')
    .values({
      departmentId: dept.id,
      url,
      secret: SECRET,
      events: ['penalty.published'],
      apiKeyId: null,
      createdBy: null,
    })
    .execute();
}

async function enqueue(db: Db, n: number, offset: number) {
  for (let i = 0; i < n; i += 100) {
    await db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(n, i + 100); j++)
        await enqueueWebhookEvent(trx, {
          type: 'penalty.published',
          subjectKey: `subject:${(offset + j) % 1000}`,
          data: { subject: { id: (offset + j) % 1000 }, seq: offset + j },
        });
    });
  }
}

async function drainAll(db: Db) {
  for (;;) {
    const r = await deliverDueOnce(db, { batch: 500, concurrency: 32 });
    if (r.claimed === 0) {
      const left = await db
        .selectFrom('webhookDeliveries')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      if (left.n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const handle = await open();
const db = handle.db;
await migrateToLatest(db);
const receiver = await startReceiver(SECRET);
await setup(db, receiver.url);
console.log(`数据库：${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite（内存）'}；接收端 ${receiver.url}`);

// 1. Throughput: EVENTS queued, then drained.
await enqueue(db, EVENTS, 0);
let t = performance.now();
await drainAll(db);
const throughput = EVENTS / ((performance.now() - t) / 1000);
console.log(
  `吞吐：${EVENTS} 条事件送达，${throughput.toFixed(0)} 条/秒（签名校验失败 ${receiver.badSignatures.length}）`,
);

// 2. Latency at RATE events/s, the server's loop cadence (250 ms) running.
const before = receiver.accepted.length;
let stop = false;
const loop = (async () => {
  while (!stop) {
    const r = await deliverDueOnce(db, { batch: 500, concurrency: 32 });
    if (r.claimed === 0) await new Promise((res) => setTimeout(res, 250));
  }
})();
const committed = new Map<number, number>();
const total = RATE * SECONDS;
const started = performance.now();
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
  const seq = 1_000_000 + i;
  await db.transaction().execute((trx) =>
    enqueueWebhookEvent(trx, {
      type: 'penalty.published',
      subjectKey: `subject:${i % 1000}`,
      data: { subject: { id: i % 1000 }, seq },
    }),
  );
  committed.set(seq, Date.now());
}
while (receiver.accepted.length - before < total) await new Promise((res) => setTimeout(res, 50));
stop = true;
await loop;
const delays = receiver.accepted
  .slice(before)
  .filter((r) => r.seq !== null && committed.has(r.seq))
  .map((r) => r.at - committed.get(r.seq!)!);
console.log(
  `延迟（${RATE} 条/秒 × ${SECONDS} 秒）：p50 ${median(delays).toFixed(0)} ms，p95 ${percentile(delays, 95).toFixed(0)} ms，最大 ${Math.max(...delays)} ms`,
);

// 3. Backlog: the receiver was down; every row has failed and backed off; it comes back.
await enqueue(db, EVENTS, 2_000_000);
await db
  .updateTable('webhookDeliveries')
  .set({ attempts: 12, lastStatus: null, lastError: 'ECONNREFUSED' })
  .where('status', '=', 'pending')
  .execute();
t = performance.now();
await drainAll(db);
console.log(`积压：${EVENTS} 条积压在接收端恢复后 ${((performance.now() - t) / 1000).toFixed(1)} 秒送达`);

await receiver.stop();
await handle.close();
