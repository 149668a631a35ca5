import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@/server/webhooks/signature';

// A real webhook receiver on loopback for the tests and the benchmark: it checks every
// signature, records what it accepted, and can be told to answer 500, to stall, or be stopped.

export interface Received {
  eventId: string;
  type: string;
  subject: string;
  seq: number | null;
  body: string;
  at: number;
}

export type Mode = (n: number) => 'ok' | 'fail' | 'stall';

export async function startReceiver(secret: string, options: { port?: number; stallMs?: number } = {}) {
  const accepted: Received[] = [];
  const badSignatures: string[] = [];
  let requests = 0;
  let mode: Mode = () => 'ok';
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const check = verifySignature(secret, body, (req.headers['x-credit-signature'] as string | undefined) ?? null);
      if (!check.ok) {
        badSignatures.push(check.reason);
        res.writeHead(401).end();
        return;
      }
      const n = requests++;
      const m = mode(n);
      if (m === 'fail') {
        res.writeHead(500).end('boom');
        return;
      }
      const event = JSON.parse(body) as { id: string; type: string; data: { subject?: { id: number }; seq?: number } };
      const record = () =>
        accepted.push({
          eventId: event.id,
          type: event.type,
          subject: String(event.data.subject?.id ?? ''),
          seq: event.data.seq ?? null,
          body,
          at: Date.now(),
        });
      if (m === 'stall') {
        // Answers long after the sender gave up: the sender must retry, with the same event id.
        setTimeout(() => {
          record();
          if (!res.destroyed) res.writeHead(200).end();
        }, options.stallMs ?? 1500).unref();
        return;
      }
      record();
      res.writeHead(204).end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    accepted,
    badSignatures,
    get requests() {
      return requests;
    },
    setMode(m: Mode) {
      mode = m;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Per subject, the distinct event ids in the order first accepted, and whether duplicates kept their id and body. */
export function ordering(accepted: readonly Received[]) {
  const bySubject = new Map<string, number[]>();
  const bodies = new Map<string, string>();
  let duplicates = 0;
  let changedDuplicates = 0;
  for (const r of accepted) {
    if (bodies.has(r.eventId)) {
      duplicates++;
      if (bodies.get(r.eventId) !== r.body) changedDuplicates++;
      continue;
    }
    bodies.set(r.eventId, r.body);
    bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r.seq ?? -1]);
  }
  const inOrder = [...bySubject.values()].every((seqs) => seqs.every((s, i) => i === 0 || s > seqs[i - 1]!));
  return { bySubject, distinct: bodies.size, duplicates, changedDuplicates, inOrder };
}
