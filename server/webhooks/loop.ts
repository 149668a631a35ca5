import { getDbHandle } from '../db/client';
import { deliverDueOnce } from './delivery.service';

// The webhook sender inside each server process (started from instrumentation.ts): every
// 250 ms it claims what is due; while a claim was full it goes again at once. Several
// instances may run it: claims use SKIP LOCKED and leases (delivery.ts).

const INTERVAL_MS = 250;
const globalForLoop = globalThis as unknown as { __webhookLoop?: NodeJS.Timeout };

export function startWebhookDelivery(): void {
  if (globalForLoop.__webhookLoop) return;
  let running = false;
  let lastError: string | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { db } = await getDbHandle();
      for (let round = 0; round < 20; round++) {
        const r = await deliverDueOnce(db);
        if (r.claimed === 0 || r.delivered === 0) break;
      }
      lastError = null;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== lastError) console.warn(`Webhook 推送出错，稍后重试：${message}`);
      lastError = message;
    } finally {
      running = false;
    }
  };
  globalForLoop.__webhookLoop = setInterval(() => void tick(), INTERVAL_MS);
  globalForLoop.__webhookLoop.unref();
}
