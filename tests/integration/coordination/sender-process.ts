// A webhook sender in its own process, for the kill test (webhook-kill.test.ts): it claims and
// sends what is due from DATABASE_URL, printing "claimed N" after each claim, with the lease
// given in LEASE_MS, until it is killed or IDLE_MS pass with nothing to send.
import { openDatabase } from '../../../server/db/client';
import { deliverDueOnce } from '../../../server/webhooks/delivery.service';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const leaseMs = Number(process.env.LEASE_MS ?? 60_000);
const idleMs = Number(process.env.IDLE_MS ?? 5_000);

const { db, close } = await openDatabase({ url });
let idleSince = Date.now();
while (Date.now() - idleSince < idleMs) {
  const r = await deliverDueOnce(db, { leaseMs, timeoutMs: 120_000, baseDelayMs: 20, maxDelayMs: 200 });
  if (r.claimed > 0) {
    console.log(`claimed ${r.claimed}`);
    idleSince = Date.now();
  } else await new Promise((resolve) => setTimeout(resolve, 50));
}
await close();
