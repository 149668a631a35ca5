// What `npm test` sets up before it runs anything, so that on a fresh Debian machine the
// README's `npm ci && npm test` is the whole story (and `.ci/run` is just that):
//   - Debian packages the suites need (Chromium, CJK fonts, PostgreSQL, nginx), installed with
//     apt when running as root and missing; otherwise named, and in CI a failure;
//   - a private PostgreSQL cluster for the integration suites on a free port (unless
//     TEST_DATABASE_URL names one), stopped and removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const isRoot = process.getuid?.() === 0;

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont(): boolean {
  const r = spawnSync('sh', ['-c', "fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'"], { stdio: 'ignore' });
  return r.status === 0;
}

export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(a) - Number(b));
  const latest = versions.at(-1);
  return latest ? path.join(base, latest, 'bin') : null;
}

/** Installs what is missing (as root), and answers what is still missing. */
export function ensureDebianPackages(): string[] {
  const wanted: { pkg: string; present: () => boolean }[] = [
    { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
    { pkg: 'fonts-noto-cjk', present: hasCjkFont },
    { pkg: 'postgresql', present: () => postgresBin() !== null },
    { pkg: 'nginx', present: () => has('nginx') || existsSync('/usr/sbin/nginx') },
  ];
  let missing = wanted.filter((w) => !w.present());
  if (missing.length > 0 && isRoot && has('apt-get')) {
    const names = missing.map((m) => m.pkg);
    console.log(`=== setup: apt-get install ${names.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: ['ignore', 'ignore', 'inherit'], env });
    missing = wanted.filter((w) => !w.present());
  }
  return missing.map((m) => m.pkg);
}

const listenOn = (port: number) =>
  new Promise<net.Server | null>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

/**
 * `count` distinct free ports, all held until every one is found (so two calls in a row
 * cannot be handed the same port). With `firstWithNext`, the port after the first is free
 * too: deploy/local-cluster.sh puts the replica on PG_PORT + 1, and a port chosen for nginx
 * or an instance must not be that one.
 */
export async function freePorts(count: number, { firstWithNext = false } = {}): Promise<number[]> {
  const held: net.Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const server = await listenOn(0);
      if (!server) throw new Error('no free TCP port on 127.0.0.1');
      held.push(server);
      const { port } = server.address() as net.AddressInfo;
      if (ports.length === 0 && firstWithNext) {
        const next = port < 65535 ? await listenOn(port + 1) : null;
        if (!next) continue; // this one stays held, so it is not offered again
        held.push(next);
      }
      ports.push(port);
    }
  } finally {
    await Promise.all(held.map((s) => new Promise((resolve) => s.close(resolve))));
  }
  return ports;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgres {
  url: string;
  stop(): void;
}

/** As root, PostgreSQL's commands run as the postgres user (the server refuses to run as root). */
function pgCommand(bin: string, args: string[]) {
  const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(command, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed: ${r.stderr || r.stdout}`);
}

/** A throw-away PostgreSQL cluster on a free loopback port, trusting local connections. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credit-test-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(dir, 'data');
  pgCommand(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  pgCommand(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c max_connections=200`,
    '-w',
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgCommand(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
