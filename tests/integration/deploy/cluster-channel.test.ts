import { describe, expect, it } from 'vitest';
import { openClusterChannel } from '@/server/http/cluster-channel';

// Instances tell each other of a committed change through PostgreSQL (LISTEN/NOTIFY), so that a
// decision on one drops the cached pages of all (server/http/cluster-channel.ts).

const url = process.env.TEST_DATABASE_URL;
const title = 'the cluster channel on PostgreSQL';

describe(
  url || process.env.CI ? title : `${title} — skipped: TEST_DATABASE_URL is not set (see README, Testing)`,
  () => {
    it('an announcement from one instance reaches the others within a second, not the announcer', async () => {
      if (!url) throw new Error('TEST_DATABASE_URL is not set');
      const heard = { a: 0, b: 0, c: 0 };
      const a = openClusterChannel(url, () => heard.a++);
      const b = openClusterChannel(url, () => heard.b++);
      const c = openClusterChannel(url, () => heard.c++);
      try {
        // Each channel starts by dropping its cache once (it may have missed announcements).
        await waitUntil(() => heard.a >= 1 && heard.b >= 1 && heard.c >= 1, 10_000);
        const before = { ...heard };
        const sentAt = Date.now();
        a.announce();
        await waitUntil(() => heard.b > before.b && heard.c > before.c, 1_000);
        expect(Date.now() - sentAt).toBeLessThan(1_000);
        await new Promise((r) => setTimeout(r, 200));
        expect(heard.a).toBe(before.a);
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });
  },
);

async function waitUntil(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
