// The production topology under load and faults (deploy/local-cluster.sh: nginx → two
// instances → PostgreSQL primary + streaming replica), all on this machine's loopback:
//   1. load through nginx with two instances and with one: a cached public page, and search
//      with a query no cache has seen on every request (miss-only);
//   2. one instance killed with SIGKILL under load: failed requests (nginx should retry the other);
//   3. the primary restarted under load: failed requests and what they answered;
//   4. the replica stopped and started under load: failed requests, and that reads leave the
//      replica and come back (/api/ready);
//   5. backup and restore through the real primary (deploy/backup.sh, restore.sh), verified by
//      checksums of every table's contents.
// Bounded: each phase runs for --seconds (default 10) at --connections (default 20).
//
//   npx tsx tests/bench/cluster.bench.ts [--seconds 10] [--connections 20]
//   (CLUSTER_REUSE=1 with CLUSTER_DIR/PG_PORT/PORTAL_PORTS/NGINX_PORT uses a running cluster)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePorts } from '../../scripts/lib/test-env';
import { benchArgs } from './lib';

const args = benchArgs();
const SECONDS = Number(args.get('--seconds') || 10);
const CONNECTIONS = Number(args.get('--connections') || 20);
const script = path.resolve('deploy/local-cluster.sh');

const reuse = process.env.CLUSTER_REUSE === '1';
const dir = reuse
  ? path.resolve(process.env.CLUSTER_DIR ?? 'data/cluster')
  : mkdtempSync(path.join(os.tmpdir(), 'credit-cluster-bench-'));
// The replica listens on pgPort + 1: no other port may be that one.
const [pgPort, nginxPort, ...ports] = reuse
  ? [
      Number(process.env.PG_PORT ?? 55432),
      Number(process.env.NGINX_PORT ?? 8080),
      ...(process.env.PORTAL_PORTS ?? '3301 3302').split(' ').map(Number),
    ]
  : await freePorts(4, { firstWithNext: true });
const env = {
  ...process.env,
  CLUSTER_DIR: dir,
  PG_PORT: String(pgPort),
  PORTAL_PORTS: ports.join(' '),
  NGINX_PORT: String(nginxPort),
};
const nginx = `http://127.0.0.1:${nginxPort}`;
const primaryUrl = `postgresql://postgres@127.0.0.1:${pgPort}/xinyong_leshan`;

const cluster = (...a: string[]) => execFileSync(script, a, { env: { ...env }, stdio: 'inherit' });
const withPorts = (p: number[]) => ({ ...env, PORTAL_PORTS: p.join(' ') });

function pgCtl(node: 'primary' | 'replica', action: string) {
  const bin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], {
    encoding: 'utf8',
  }).trim();
  const a = ['-D', path.join(dir, node), '-l', path.join(dir, `${node}.log`), '-w', '-m', 'fast', action];
  const [cmd, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', `${bin}/pg_ctl`, ...a]] : [`${bin}/pg_ctl`, a];
  execFileSync(cmd, argv, { stdio: 'ignore' });
}

const CJK = '食品餐饮建筑工程药品医疗环境运输酒店超市商贸科技农业旅游服务装饰物流电子机械化工五金';
let counter = 0;
const randomQuery = () => {
  counter++;
  const a = CJK[Math.floor(Math.random() * CJK.length)]!;
  const b = CJK[Math.floor(Math.random() * CJK.length)]!;
  return `/search?q=${encodeURIComponent(a + b)}&n=${counter}`;
};

interface Load {
  rps: number;
  p50: number;
  p95: number;
  non2xx: number;
  errors: number;
  total: number;
  statuses: Record<string, number>;
}

function load(target: string, opts: { missOnly?: boolean; seconds?: number } = {}): Promise<Load> {
  return new Promise((resolve, reject) => {
    const statuses: Record<string, number> = {};
    const instance = autocannon(
      {
        url: target,
        connections: CONNECTIONS,
        duration: opts.seconds ?? SECONDS,
        timeout: 30,
        requests: opts.missOnly ? [{ setupRequest: (req) => ({ ...req, path: randomQuery() }) }] : undefined,
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p95: r.latency.p97_5,
          non2xx: r.non2xx,
          errors: r.errors + r.timeouts,
          total: r.requests.total,
          statuses,
        });
      },
    );
    instance.on('response', (_client, status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

const ready = async (base: string) =>
  (await (await fetch(`${base}/api/ready`)).json()) as { replica?: { inUse: boolean; lagSeconds: number | null } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const line = (label: string, l: Load) =>
  console.log(
    `${label.padEnd(44)} ${l.rps.toFixed(1).padStart(7)} req/s  p50 ${String(l.p50).padStart(5)} ms  p97.5 ${String(l.p95).padStart(6)} ms  failed ${l.non2xx + l.errors}/${l.total}  ${JSON.stringify(l.statuses)}`,
  );

interface Filing {
  key: string;
  status: number;
  trackingNumber: string | null;
  message: string;
}

/**
 * Files objections through nginx (the tRPC procedure the form's action calls) until `stop()`,
 * a few at a time, each with its own idempotency key; answers what each got.
 */
function fileApplications(recordId: number) {
  const filings: Filing[] = [];
  let running = true;
  const one = async (n: number) => {
    const key = `bench${Date.now()}x${n}`.padEnd(16, '0');
    const body = {
      json: {
        kind: 'objection',
        idempotencyKey: key,
        record: { kind: 'penalty', id: recordId },
        applicant: {
          type: 'organisation',
          name: '乐山市压测申请有限公司',
          uscc: '91350100M000100Y43',
          contactPerson: '李经办',
          phone: '13800000000',
        },
        reasonCategory: '信息错误',
        description: '压测：处罚决定书记载的事实与本公司实际情况不符。',
      },
    };
    try {
      const res = await fetch(`${nginx}/api/trpc/applications.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const tracking = /"trackingNumber":"([A-Z0-9]+)"/.exec(text)?.[1] ?? null;
      filings.push({
        key,
        status: res.status,
        trackingNumber: tracking,
        message: /"message":"([^"]*)"/.exec(text)?.[1] ?? '',
      });
    } catch (err) {
      filings.push({ key, status: 0, trackingNumber: null, message: err instanceof Error ? err.message : String(err) });
    }
  };
  let n = 0;
  const workers = Array.from({ length: 4 }, async () => {
    while (running) await one(n++);
  });
  return {
    async stop(): Promise<Filing[]> {
      running = false;
      await Promise.all(workers);
      return filings;
    },
  };
}

/** Of the filings that were answered with a tracking number, how many are not in the database; and half-written rows. */
async function lostApplications(filings: Filing[]) {
  const c = new pg.Client({ connectionString: primaryUrl });
  await c.connect();
  try {
    const keys = filings.map((f) => f.key);
    const rows = await c.query<{ idempotency_key: string; tracking_number: string; events: number }>(
      `select a.idempotency_key, a.tracking_number,
              (select count(*) from application_events e where e.application_id = a.id)::int as events
       from applications a where a.idempotency_key = any($1)`,
      [keys],
    );
    const stored = new Map(rows.rows.map((r) => [r.idempotency_key, r]));
    const confirmed = filings.filter((f) => f.status === 200 && f.trackingNumber);
    const lost = confirmed.filter((f) => stored.get(f.key)?.tracking_number !== f.trackingNumber).length;
    const halfWritten = rows.rows.filter((r) => r.events === 0).length;
    const failed = filings.filter((f) => f.status !== 200);
    const messages = [...new Set(failed.map((f) => `${f.status} ${f.message}`.slice(0, 60)))];
    return { filed: filings.length, confirmed: confirmed.length, lost, halfWritten, failed: failed.length, messages };
  } finally {
    await c.end();
  }
}

async function checksums(url: string): Promise<Map<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    );
    const sums = new Map<string, string>();
    for (const { t } of tables.rows) {
      const r = await c.query<{ s: string }>(
        `select md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as s from ${t} x`,
      );
      sums.set(t, r.rows[0]!.s);
    }
    return sums;
  } finally {
    await c.end();
  }
}

if (!reuse) cluster('start', '--demo');
try {
  console.log(`\n== load through nginx (${CONNECTIONS} connections, ${SECONDS} s each) ==`);
  const two = { cached: await load(`${nginx}/`), miss: await load(nginx, { missOnly: true }) };
  execFileSync(script, ['nginx'], { env: withPorts([ports[0]!]), stdio: 'ignore' });
  await sleep(500);
  const one = { cached: await load(`${nginx}/`), miss: await load(nginx, { missOnly: true }) };
  execFileSync(script, ['nginx'], { env, stdio: 'ignore' });
  line('cached page /, two instances', two.cached);
  line('cached page /, one instance', one.cached);
  line('miss-only search, two instances', two.miss);
  line('miss-only search, one instance', one.miss);
  console.log(
    `miss-only gain from the second instance: ×${(two.miss.rps / one.miss.rps).toFixed(2)} (2 cores shared by everything)`,
  );

  console.log('\n== faults ==');
  const recordId = await (async () => {
    const c = new pg.Client({ connectionString: primaryUrl });
    await c.connect();
    try {
      const r = await c.query<{ id: number }>(
        `select p.id from penalty_records p join departments d on d.id = p.department_id
         where d.code = 'scjg' and p.status = 'published' and p.public_until > current_date and p.severity <> 'minor'
         order by p.decision_date desc limit 1`,
      );
      return Number(r.rows[0]!.id);
    } finally {
      await c.end();
    }
  })();
  {
    const filing = fileApplications(recordId);
    const running = load(nginx, { missOnly: true });
    await sleep((SECONDS * 1000) / 3);
    const pid = Number(readFileSync(path.join(dir, `portal-${ports[1]}.pid`), 'utf8'));
    process.kill(pid, 'SIGKILL');
    await sleep(200);
    // The instance must really be gone (not a wrapper killed with the server left running).
    const stillServing = await fetch(`http://127.0.0.1:${ports[1]}/api/health`).then(
      () => true,
      () => false,
    );
    if (stillServing) throw new Error(`instance on port ${ports[1]} still answers after SIGKILL of pid ${pid}`);
    const r = await running;
    const filed = await lostApplications(await filing.stop());
    line('SIGKILL one instance under miss-only load', r);
    console.log(`  applications during it: ${JSON.stringify(filed)}`);
    cluster('start'); // brings the killed instance back
  }
  {
    const filing = fileApplications(recordId);
    const running = load(nginx, { missOnly: true });
    await sleep((SECONDS * 1000) / 3);
    const t0 = Date.now();
    pgCtl('primary', 'restart');
    console.log(`primary restarted in ${Date.now() - t0} ms`);
    const r = await running;
    const filed = await lostApplications(await filing.stop());
    line('primary restart under miss-only load', r);
    console.log(`  applications during it: ${JSON.stringify(filed)}`);
  }
  {
    const running = load(nginx, { missOnly: true });
    await sleep((SECONDS * 1000) / 4);
    pgCtl('replica', 'stop');
    await sleep(1500);
    const during = await ready(`http://127.0.0.1:${ports[0]}`);
    await sleep((SECONDS * 1000) / 4);
    pgCtl('replica', 'start');
    const r = await running;
    let back = false;
    for (let i = 0; i < 40 && !back; i++) {
      back = (await ready(`http://127.0.0.1:${ports[0]}`)).replica?.inUse === true;
      if (!back) await sleep(250);
    }
    line('replica stop + start under miss-only load', r);
    console.log(`replica in use while stopped: ${during.replica?.inUse}; back in use after restart: ${back}`);
  }

  console.log('\n== backup and restore through the primary ==');
  {
    const backups = mkdtempSync(path.join(os.tmpdir(), 'credit-backup-'));
    const t0 = Date.now();
    execFileSync('deploy/backup.sh', [backups], { env: { ...process.env, DATABASE_URL: primaryUrl }, stdio: 'ignore' });
    const dump = execFileSync('sh', ['-c', `ls ${backups}/*.dump | tail -1`], { encoding: 'utf8' }).trim();
    const restoredName = `restored_${Date.now()}`;
    execFileSync('psql', [
      `postgresql://postgres@127.0.0.1:${pgPort}/postgres`,
      '-qc',
      `create database ${restoredName}`,
    ]);
    const restoredUrl = `postgresql://postgres@127.0.0.1:${pgPort}/${restoredName}`;
    execFileSync('deploy/restore.sh', [dump], { env: { ...process.env, DATABASE_URL: restoredUrl }, stdio: 'ignore' });
    const [a, b] = await Promise.all([checksums(primaryUrl), checksums(restoredUrl)]);
    const differing = [...a.keys()].filter((t) => a.get(t) !== b.get(t) && t !== 'rate_limit_buckets');
    console.log(
      `backup + restore: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${a.size} tables, ${differing.length} differ${differing.length ? ` (${differing.join(', ')})` : ''}`,
    );
    execFileSync('psql', [
      `postgresql://postgres@127.0.0.1:${pgPort}/postgres`,
      '-qc',
      `drop database ${restoredName}`,
    ]);
    rmSync(backups, { recursive: true, force: true });
  }
} finally {
  if (!reuse) {
    cluster('stop');
    // What the instances logged of failed requests (a 500's cause), before the folder goes.
    const logged = ports.flatMap((port) => {
      try {
        return readFileSync(path.join(dir, `portal-${port}.log`), 'utf8').split('\n');
      } catch {
        return [];
      }
    });
    const errors = [...new Set(logged.filter((l) => /error|错误|失败/i.test(l)).map((l) => l.slice(0, 300)))];
    if (errors.length)
      console.log(
        `instance log, lines naming an error (${errors.length} distinct):\n  ${errors.slice(0, 15).join('\n  ')}`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
}
// autocannon keeps no handles; pg clients are closed: exit explicitly in case a socket lingers.
spawn('true').on('exit', () => process.exit(0));
