import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '@/server/api-keys/service';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { todayInShanghai } from '@/server/rules/dates';
import { freePorts } from '../../scripts/lib/test-env';

// The production topology, run for real: nginx (deploy/nginx.conf) → two instances → a
// PostgreSQL primary and its streaming replica (tests/cluster/setup.ts starts it).

const cluster = inject('cluster');
const [instanceA, instanceB] = cluster.instances as [string, string];
let primary: DbHandle;

beforeAll(async () => {
  primary = await openDatabase({ url: cluster.primaryUrl });
});
afterAll(async () => {
  await primary.close();
});

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Ready {
  ready: boolean;
  replica?: { healthy: boolean; lagSeconds: number | null; inUse: boolean };
}
const readiness = async (base: string) => (await (await fetch(`${base}/api/ready`)).json()) as Ready;

function pgCtl(node: 'replica' | 'primary', action: 'stop' | 'start') {
  const bin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], {
    encoding: 'utf8',
  }).trim();
  const args = ['-D', path.join(cluster.dir, node), '-w', ...(action === 'stop' ? ['-m', 'fast'] : []), action];
  if (action === 'start') args.splice(2, 0, '-l', path.join(cluster.dir, `${node}.log`));
  const [cmd, argv] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', `${bin}/pg_ctl`, ...args]]
      : [`${bin}/pg_ctl`, args];
  execFileSync(cmd, argv, { stdio: 'ignore' });
}

describe('nginx in front of two instances', () => {
  it('deploy/nginx.conf passes nginx -t and serves pages from both instances', async () => {
    const conf = path.join(cluster.dir, 'nginx', 'nginx.conf');
    expect(() => execFileSync('nginx', ['-t', '-q', '-c', conf, '-p', path.dirname(conf)])).not.toThrow();
    const home = await fetch(`${cluster.nginx}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('信用乐山');
    for (const base of [instanceA, instanceB]) expect((await fetch(`${base}/api/ready`)).status).toBe(200);
  });

  it('does not believe an X-Forwarded-For the client wrote (TRUSTED_PROXIES=1)', async () => {
    const forged = '203.0.113.77';
    const res = await fetch(`${cluster.nginx}/api/v1/search?q=食品`, { headers: { 'x-forwarded-for': forged } });
    expect(res.status).toBe(200);
    const buckets = await primary.db.selectFrom('rateLimitBuckets').select('key').execute();
    expect(buckets.some((b) => b.key.includes('127.0.0.1'))).toBe(true);
    expect(buckets.some((b) => b.key.includes(forged))).toBe(false);
  });

  it('when no instance can answer, nginx says so in Chinese: a 503 page, and problem+json under /api', async () => {
    // deploy/nginx.conf as the cluster runs it, but with its instances on a port where nothing
    // listens, served by a second nginx of its own (the running one is left alone).
    const [port, dead] = await freePorts(2);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nginx-unavailable-'));
    for (const sub of ['cache', 'temp', 'logs']) mkdirSync(path.join(dir, sub));
    chmodSync(dir, 0o755);
    for (const sub of ['cache', 'temp']) chmodSync(path.join(dir, sub), 0o777);
    const site = readFileSync(path.join(cluster.dir, 'nginx', 'site.conf'), 'utf8')
      .replace(/server 127\.0\.0\.1:\d+ [^;]*;/g, `server 127.0.0.1:${dead};`)
      .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${port};`)
      .replace(/proxy_cache_path \S+/, `proxy_cache_path ${dir}/cache`)
      .replace(/keys_zone=pages:/, 'keys_zone=pages_unavailable:')
      .replace(/proxy_cache pages;/g, 'proxy_cache pages_unavailable;');
    writeFileSync(path.join(dir, 'site.conf'), site);
    const conf = path.join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/logs/error.log warn; events {}
       http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${dir}/temp/body;
              proxy_temp_path ${dir}/temp/proxy; include ${dir}/site.conf; }`,
    );
    execFileSync('nginx', ['-c', conf, '-p', dir]);
    try {
      const base = `http://127.0.0.1:${port}`;
      const page = await fetch(`${base}/search?q=食品`);
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('服务暂时不可用');
      const post = await fetch(`${base}/api/trpc/applications.submit`, { method: 'POST', body: '{}' });
      expect(post.status).toBe(503);
      expect(post.headers.get('content-type')).toContain('application/problem+json');
      expect(((await post.json()) as { detail: string }).detail).toContain('请稍后重试');
    } finally {
      execFileSync('nginx', ['-c', conf, '-p', dir, '-s', 'quit']);
    }
  });
});

describe('a change on one instance shows on the other', () => {
  it('a penalty published through instance A is on instance B’s cached list page within 1 s', async () => {
    const dept = await primary.db
      .selectFrom('departments')
      .select(['id', 'name', 'uscc'])
      .where('code', '=', 'scjg')
      .executeTakeFirstOrThrow();
    const { key } = await createApiKey(primary.db, { departmentId: dept.id, name: '集群测试' });
    const listPath = '/disclosures/penalties';
    // B renders the list and keeps it in its page cache (5 s TTL).
    await fetch(`${instanceB}${listPath}`);
    const cached = await fetch(`${instanceB}${listPath}`);
    expect(cached.headers.get('x-page-cache')).toBe('HIT');

    const today = todayInShanghai();
    const number = `乐市监罚〔2026〕C${Date.now() % 100000}号`;
    const subject = await primary.db
      .selectFrom('subjects')
      .select(['name', 'uscc'])
      .where('kind', '=', 'legal_person')
      .where('uscc', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const record = {
      CF_WSH: number,
      CF_XDR_MC: subject.name,
      CF_XDR_LB: '法人及非法人组织',
      CF_XDR_SHXYM: subject.uscc!,
      CF_WFXW: '经营超过保质期的食品',
      CF_SY: '集群测试：货架上待售的饼干已超过保质期。',
      CF_YJ: '《中华人民共和国食品安全法》第一百二十四条',
      CF_CFLB: '罚款',
      CF_NR: '罚款人民币五千元',
      CF_NR_FK: '0.5',
      CF_JDRQ: today,
      CF_YXQ: today,
      CF_CFJG: dept.name,
      CF_CFJGDM: dept.uscc,
      CF_SJLY: dept.name,
      CF_SJLYDM: dept.uscc,
    };
    const pushed = await fetch(`${instanceA}/api/v1/disclosures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'penalty', records: [record] }),
    });
    expect(pushed.status).toBe(200);
    const result = (await pushed.json()) as { results: { status: string; errors?: unknown }[] };
    expect(result.results[0], JSON.stringify(result.results[0])).toMatchObject({ status: 'created' });
    const committedAt = Date.now();

    // The first request to B that shows the new penalty was sent less than a second after the
    // commit (the time B then takes to render the page depends on the machine's load).
    const sentAt = await waitFor('the new penalty on instance B', 10, async () => {
      const sent = Date.now();
      const page = await fetch(`${instanceB}${listPath}`);
      return (await page.text()).includes(number) ? sent : null;
    });
    expect(sentAt - committedAt).toBeLessThan(1_000);
  });
});

describe('the read replica', () => {
  it('replays a change committed on the primary, and the instances report its lag', async () => {
    const marker = `replica-${Date.now()}`;
    await primary.db.insertInto('rateLimitBuckets').values({ key: marker, windowStart: new Date(), hits: 1 }).execute();
    const replica = new pg.Client({ connectionString: cluster.replicaUrl });
    await replica.connect();
    try {
      await waitFor('the row on the replica', 5, async () => {
        const r = await replica.query('select 1 from rate_limit_buckets where key = $1', [marker]);
        return r.rowCount === 1;
      });
      const inRecovery = await replica.query<{ r: boolean }>('select pg_is_in_recovery() as r');
      expect(inRecovery.rows[0]!.r).toBe(true);
    } finally {
      await replica.end();
    }
    const ready = await waitFor('replica in use on A', 10, async () => {
      const r = await readiness(instanceA);
      return r.replica?.inUse ? r : null;
    });
    expect(ready.replica!.lagSeconds).toBeLessThanOrEqual(5);
  });

  it('with the replica stopped, pages still answer from the primary; when it returns, reads go back to it', async () => {
    pgCtl('replica', 'stop');
    try {
      for (const p of ['/', '/search?q=食品', '/disclosures/penalties', '/api/v1/penalties?limit=3']) {
        for (const base of [instanceA, instanceB, cluster.nginx]) {
          // Pages with a query no cache has seen; the API is never cached.
          const url = p.startsWith('/api/')
            ? `${base}${p}`
            : `${base}${p}${p.includes('?') ? '&' : '?'}n=${Date.now()}`;
          const res = await fetch(url);
          expect(res.status, `${base}${p}`).toBe(200);
        }
      }
      const down = await waitFor('replica reported down', 5, async () => {
        const r = await readiness(instanceB);
        return r.replica && !r.replica.inUse ? r : null;
      });
      expect(down.ready).toBe(true);
      expect(down.replica!.healthy).toBe(false);
    } finally {
      pgCtl('replica', 'start');
    }
    await waitFor('replica back in use', 20, async () => (await readiness(instanceB)).replica?.inUse === true);
  });
});

describe('scheduled work with several instances', () => {
  it('three processes running the lifecycle round at once record each transition once', async () => {
    // Make some penalties due: their publication ends today and nobody recorded it yet.
    const today = todayInShanghai();
    const due = await primary.db
      .selectFrom('penaltyRecords')
      .select('id')
      .where('status', '=', 'published')
      .where('publicUntil', '>', today)
      .where('publicFrom', '<=', today)
      .orderBy('id desc')
      .limit(5)
      .execute();
    const ids = due.map((d) => d.id);
    await primary.db.updateTable('penaltyRecords').set({ publicUntil: today }).where('id', 'in', ids).execute();
    await primary.db
      .deleteFrom('lifecycleTransitions')
      .where('entityType', '=', 'penalty_record')
      .where('entityId', 'in', ids)
      .execute();

    const runOne = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/lifecycle.ts'], {
          env: { ...process.env, DATABASE_URL: cluster.primaryUrl, DATABASE_REPLICA_URL: '' },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
      });
    const outputs = await Promise.all([runOne(), runOne(), runOne()]);
    const recorded = await primary.db
      .selectFrom('lifecycleTransitions')
      .select(['entityId'])
      .where('entityType', '=', 'penalty_record')
      .where('entityId', 'in', ids)
      .execute();
    expect(recorded.map((r) => Number(r.entityId)).sort()).toEqual([...ids].sort());
    const audited = await primary.db
      .selectFrom('auditLog')
      .select(({ fn }) => ['entityId', fn.countAll<number>().as('n')])
      .where('entityId', 'in', ids.map(String))
      .where('action', '=', 'penalty.expire')
      .groupBy('entityId')
      .execute();
    expect(audited).toHaveLength(ids.length);
    expect(audited.every((a) => Number(a.n) === 1)).toBe(true);
    const ended = outputs.map((o) => Number(/"penaltiesEnded":(\d+)/.exec(o)?.[1] ?? 0));
    // However the three rounds overlapped, at most one of them found work to record.
    expect(ended.filter((n) => n > 0).length).toBeLessThanOrEqual(1);
    expect(outputs.every((o) => /"ran":(true|false)/.test(o))).toBe(true);
  });
});
