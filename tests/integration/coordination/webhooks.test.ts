import { expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { createCaller } from '@/server/root';
import { deliverDueOnce, type DeliveryOptions } from '@/server/webhooks/delivery.service';
import { enqueueWebhookEvent } from '@/server/webhooks/events';
import { createStaff } from '../applications/helpers';
import { createDepartment } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { coordinationWorld } from './world';
import { importFile } from '@/server/imports/service';
import { bytesOf, penaltyRow, toCsv } from '../imports/sample';
import { ordering, startReceiver } from './receiver';

// Webhooks against a REAL HTTP receiver on loopback: signatures, per-subject order, 500s and
// stalls forcing retries, the receiver stopped while deliveries are pending, dead letters and
// redelivery, two senders at once, a sender that dies mid-delivery. Nothing may be lost or
// reordered per subject; a duplicate carries the same event id (and the same body).
describeEachDatabase('webhook delivery', (current) => {
  const SECRET = 'whsec_test_secret_0123456789';
  // A generous timeout (the machine is shared); only the stall test shortens it on purpose.
  const FAST: DeliveryOptions = { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 3_000, leaseMs: 10_000, batch: 50 };

  async function subscribe(db: Db, url: string, events: string[] = ['list_entry.published', 'penalty.published']) {
    const dept = await createDepartment(db);
    const staff = await createStaff(db, 'department', dept.id);
    // Earlier tests' subscriptions stop, so that each test counts only its own deliveries.
    await db.updateTable('webhookSubscriptions').set({ active: false }).execute();
    const sub = await createCaller({ db, today: '2026-10-12', staff }).coordination.subscribe({
      url,
      events,
      secret: SECRET,
    });
    return { dept, staff, sub };
  }

  async function emit(db: Db, subjects: number, perSubject: number, tag: string) {
    for (let seq = 0; seq < perSubject; seq++) {
      for (let s = 0; s < subjects; s++) {
        await db.transaction().execute((trx) =>
          enqueueWebhookEvent(trx, {
            type: 'penalty.published',
            subjectKey: `subject:${tag}-${s}`,
            data: { subject: { id: `${tag}-${s}` }, seq },
          }),
        );
      }
    }
  }

  async function drain(db: Db, options: DeliveryOptions, until: () => boolean, ms = 30_000) {
    const stop = Date.now() + ms;
    while (!until() && Date.now() < stop) {
      const r = await deliverDueOnce(db, options);
      if (r.claimed === 0) await new Promise((res) => setTimeout(res, 25));
    }
  }

  it('a list entry published in /admin reaches the receiver signed, once, with the event in the body', async () => {
    const { db } = current();
    const receiver = await startReceiver(SECRET);
    try {
      await subscribe(db, receiver.url, ['list_entry.published']);
      const w = await coordinationWorld(db, '乐山市推送测试有限公司');
      await createCaller({ db, today: '2026-10-12', staff: w.staffA }).records.createListEntry({
        listType: 'dishonesty',
        subjectId: w.firm.id,
        decisionNumber: `乐测认〔2026〕${w.firm.id}号`,
        basis: '《测试条例》',
        reason: '拒不履行',
        listedOn: '2026-10-12',
        validUntil: '2027-10-12',
        penaltyRecordId: null,
        catalogItemIds: [w.punish.id],
      });
      await drain(db, FAST, () => receiver.accepted.length >= 1);
      expect(receiver.badSignatures).toEqual([]);
      expect(receiver.accepted).toHaveLength(1);
      const body = JSON.parse(receiver.accepted[0]!.body);
      expect(body).toMatchObject({
        type: 'list_entry.published',
        data: {
          subject: { id: w.firm.id, uscc: w.firm.uscc },
          list_entry: { list_type: 'dishonesty', measures: [{ code: w.punish.code }] },
        },
      });
      // The outbox row is marked delivered: nothing is sent twice.
      expect(await deliverDueOnce(db, FAST)).toMatchObject({ claimed: 0 });
    } finally {
      await receiver.stop();
    }
  });

  it('a file that publishes many penalties sends one signed event per penalty, with its subject and period', async () => {
    const { db } = current();
    const receiver = await startReceiver(SECRET);
    try {
      const { dept } = await subscribe(db, receiver.url, ['penalty.published']);
      const rows = Array.from({ length: 40 }, (_, i) => penaltyRow(9100 + i));
      const summary = await importFile(
        db,
        { name: 'many.csv', bytes: bytesOf(toCsv(rows)) },
        {
          departmentId: dept.id,
          channel: 'cli',
          mode: 'commit',
          today: '2026-10-12',
          actor: { type: 'system', id: null, label: 'test' },
        },
      );
      expect(summary).toMatchObject({ created: 40, errorRows: 0 });
      await drain(db, FAST, () => receiver.accepted.length >= 40);
      expect(receiver.badSignatures).toEqual([]);
      const bodies = receiver.accepted.map((a) => JSON.parse(a.body));
      expect(bodies).toHaveLength(40);
      expect(new Set(bodies.map((b) => b.id)).size).toBe(40);
      expect(bodies.map((b) => b.data.penalty.document_number).sort()).toEqual(rows.map((r) => r.CF_WSH).sort());
      for (const b of bodies) {
        const row = rows.find((r) => r.CF_WSH === b.data.penalty.document_number)!;
        expect(b).toMatchObject({
          type: 'penalty.published',
          data: { subject: { name: row.CF_XDR_MC, uscc: row.CF_XDR_SHXYM }, penalty: { decision_date: '2026-03-05' } },
        });
        expect(b.data.penalty.public_until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(await deliverDueOnce(db, FAST)).toMatchObject({ claimed: 0 });
    } finally {
      await receiver.stop();
    }
  });

  it('500s and stalls force retries; order per subject holds and duplicates keep their event id', async () => {
    const { db } = current();
    const receiver = await startReceiver(SECRET, { stallMs: 700 });
    const STALLY = { ...FAST, timeoutMs: 400 };
    try {
      await subscribe(db, receiver.url);
      // Every third request fails, every seventh stalls past the sender's timeout.
      receiver.setMode((n) => (n % 3 === 1 ? 'fail' : n % 7 === 5 ? 'stall' : 'ok'));
      await emit(db, 4, 12, 'retry');
      await drain(db, STALLY, () => ordering(receiver.accepted).distinct >= 48);
      await new Promise((res) => setTimeout(res, 800)); // let stalled answers land
      const o = ordering(receiver.accepted);
      expect(receiver.badSignatures).toEqual([]);
      expect(o.distinct).toBe(48);
      expect(o.inOrder).toBe(true);
      expect([...o.bySubject.values()].map((s) => s.length)).toEqual([12, 12, 12, 12]);
      expect(o.changedDuplicates).toBe(0);
      expect(o.duplicates).toBeGreaterThan(0); // the stalls were delivered late and sent again
      const dead = await db.selectFrom('webhookDeliveries').select('id').where('status', '=', 'dead').execute();
      expect(dead).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });

  it('the receiver stopped while deliveries are pending: nothing is lost once it is back', async () => {
    const { db } = current();
    const receiver = await startReceiver(SECRET);
    await subscribe(db, receiver.url);
    const port = receiver.port;
    await emit(db, 3, 5, 'stopped');
    // Half gets through, then the receiver goes away.
    await drain(db, { ...FAST, batch: 3 }, () => receiver.accepted.length >= 6);
    await receiver.stop();
    await emit(db, 3, 5, 'stopped-later');
    for (let i = 0; i < 5; i++) await deliverDueOnce(db, FAST); // connection refused: backs off
    const failing = await db
      .selectFrom('webhookDeliveries')
      .select(['attempts'])
      .where('status', '=', 'pending')
      .execute();
    expect(failing.length).toBeGreaterThan(0);
    const back = await startReceiver(SECRET, { port });
    try {
      const all = [...receiver.accepted];
      await drain(db, FAST, () => ordering([...all, ...back.accepted]).distinct >= 30);
      const o = ordering([...all, ...back.accepted]);
      expect(o.distinct).toBe(30);
      expect(o.inOrder).toBe(true);
      expect(back.badSignatures).toEqual([]);
    } finally {
      await back.stop();
    }
  });

  it('after the retry window a delivery is dead-lettered, later events go on, and a redelivery sends it', async () => {
    const { db } = current();
    const receiver = await startReceiver(SECRET);
    try {
      const { staff } = await subscribe(db, receiver.url);
      receiver.setMode(() => 'fail');
      await emit(db, 1, 1, 'dead');
      const start = Date.now();
      await deliverDueOnce(db, FAST);
      // A day later the next failure ends the window: dead letter.
      const later = () => new Date(start + 25 * 3600_000);
      await deliverDueOnce(db, { ...FAST, now: later });
      const caller = createCaller({ db, today: '2026-10-12', staff });
      const view = await caller.coordination.webhooks();
      expect(view.deadLetters).toHaveLength(1);
      expect(view.deadLetters[0]).toMatchObject({ type: 'penalty.published', lastStatus: 500 });
      // A later event of the same subject is not held back by the dead one.
      receiver.setMode(() => 'ok');
      await db.transaction().execute((trx) =>
        enqueueWebhookEvent(trx, {
          type: 'penalty.published',
          subjectKey: 'subject:dead-0',
          data: { subject: { id: 'dead-0' }, seq: 1 },
        }),
      );
      await drain(db, FAST, () => receiver.accepted.length >= 1);
      expect(receiver.accepted.map((r) => r.seq)).toEqual([1]);
      // Another department cannot redeliver it; the owner can.
      const other = await createStaff(db, 'department', (await createDepartment(db)).id);
      await expect(
        createCaller({ db, today: '2026-10-12', staff: other }).coordination.redeliver({ id: view.deadLetters[0]!.id }),
      ).rejects.toThrow();
      await caller.coordination.redeliver({ id: view.deadLetters[0]!.id });
      await drain(db, FAST, () => receiver.accepted.length >= 2);
      expect(receiver.accepted.map((r) => r.seq)).toEqual([1, 0]);
      expect((await caller.coordination.webhooks()).deadLetters).toHaveLength(0);
      const audit = await db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'webhook.redeliver')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
    } finally {
      await receiver.stop();
    }
  });

  it('two senders at once never reorder a subject; a sender that dies mid-delivery is replaced after its lease', async () => {
    const { db } = current();
    const receiver = await startReceiver(SECRET, { stallMs: 60_000 });
    let hung: Promise<unknown> | undefined;
    try {
      await subscribe(db, receiver.url);
      await emit(db, 5, 8, 'pair');
      await Promise.all([
        drain(db, { ...FAST, batch: 7 }, () => ordering(receiver.accepted).distinct >= 40),
        drain(db, { ...FAST, batch: 5 }, () => ordering(receiver.accepted).distinct >= 40),
      ]);
      const o = ordering(receiver.accepted);
      expect(o.distinct).toBe(40);
      expect(o.inOrder).toBe(true);

      // A sender hangs on its request (as if its process froze or was killed): its lease holds the row…
      await emit(db, 1, 2, 'crash');
      receiver.setMode(() => 'stall');
      hung = deliverDueOnce(db, { ...FAST, timeoutMs: 60_000, leaseMs: 1_000 });
      await new Promise((res) => setTimeout(res, 300));
      expect(await deliverDueOnce(db, FAST)).toMatchObject({ claimed: 0 });
      // …until the lease runs out; then another sender sends the SAME event, and the next in order.
      receiver.setMode(() => 'ok');
      const afterLease = () => new Date(Date.now() + 2_000);
      await drain(
        db,
        { ...FAST, now: afterLease },
        () => receiver.accepted.filter((r) => r.subject === 'crash-0').length >= 2,
      );
      expect(receiver.accepted.filter((r) => r.subject === 'crash-0').map((r) => r.seq)).toEqual([0, 1]);
    } finally {
      await receiver.stop();
      // The hung sender's connection is cut now: it records its failure and ends before the database closes.
      await hung?.catch(() => undefined);
    }
  });
});
