import { randomUUID } from 'node:crypto';
import pg from 'pg';

// Tells the other instances that public data changed, through PostgreSQL's LISTEN/NOTIFY:
// each instance keeps one listening connection; a change in this process is announced with
// this instance's id, and an announcement from another instance drops the local page cache at
// once (within milliseconds of the commit, instead of the cache's TTL). The connection is
// re-opened after a failure; while it is down, the TTL still bounds staleness.

export const CHANNEL = 'xinyong_leshan_public_data';

export interface ClusterChannel {
  readonly instanceId: string;
  /** Announce a committed change of public data to the other instances. */
  announce(): void;
  close(): Promise<void>;
}

export function openClusterChannel(url: string, onRemoteChange: () => void): ClusterChannel {
  const instanceId = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    c.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload !== instanceId) onRemoteChange();
    });
    c.on('error', () => reconnect(c));
    c.on('end', () => reconnect(c));
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      client = c;
      // Changes announced while we were not listening are unknown: start clean.
      onRemoteChange();
    } catch {
      reconnect(c);
    }
  };
  const reconnect = (c: pg.Client) => {
    if (client === c) client = null;
    c.removeAllListeners('end');
    c.end().catch(() => {});
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1_000);
    retry.unref();
  };
  void connect();

  return {
    instanceId,
    announce() {
      client?.query('select pg_notify($1, $2)', [CHANNEL, instanceId]).catch(() => {});
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
