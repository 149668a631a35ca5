import net from 'node:net';
import { expect, it } from 'vitest';
import { freePorts } from '@/scripts/lib/test-env';

// The cluster suite starts PostgreSQL on the first port and its replica on the next one up;
// nginx and the instances get the others. A run where nginx was handed the replica's port
// sent every page request to PostgreSQL ("other side closed").

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

it('hands out distinct free ports, none of them the one after the first, which is free too', async () => {
  for (let round = 0; round < 25; round++) {
    const ports = await freePorts(4, { firstWithNext: true });
    expect(new Set(ports).size).toBe(4);
    expect(ports).not.toContain(ports[0]! + 1);
    expect(await canListen(ports[0]! + 1)).toBe(true);
  }
});

it('skips a first port whose next one up is taken', async () => {
  // Take many "next" ports: the first port handed out must never sit right below a taken one.
  const blockers: net.Server[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const s = net.createServer();
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
      blockers.push(s);
    }
    const taken = new Set(blockers.map((s) => (s.address() as net.AddressInfo).port));
    for (let round = 0; round < 10; round++) {
      const [first] = await freePorts(1, { firstWithNext: true });
      expect(taken.has(first! + 1)).toBe(false);
    }
  } finally {
    await Promise.all(blockers.map((s) => new Promise((r) => s.close(r))));
  }
});
