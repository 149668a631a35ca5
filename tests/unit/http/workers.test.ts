import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig as load } from '@/server/config';
import { readFileSync } from 'node:fs';
import { SERVER_NODE_FLAGS, withServerFlags, workerCount } from '@/server/http/workers';

const loadConfig = (env: Record<string, string>) => load({ NODE_ENV: 'test', ...env } as NodeJS.ProcessEnv);

describe('how many server processes', () => {
  it('one on the embedded database, whatever the machine', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 128 }), (cores) => {
        expect(workerCount({ configured: undefined, postgres: false, cores })).toBe(1);
      }),
    );
  });

  it('on PostgreSQL: WEB_CONCURRENCY when set, else one per core up to eight', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
        fc.integer({ min: 1, max: 128 }),
        (configured, cores) => {
          const n = workerCount({ configured, postgres: true, cores });
          expect(n).toBe(configured ?? Math.min(cores, 8));
        },
      ),
    );
  });

  it('refuses several processes on the embedded database, and a count that is not one, in Chinese', () => {
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow(
      /WEB_CONCURRENCY: 内置数据库（PGlite）只能由一个进程打开/,
    );
    expect(() => loadConfig({ WEB_CONCURRENCY: 'two', DATABASE_URL: 'postgres://x/y' })).toThrow(
      /WEB_CONCURRENCY 应为进程数/,
    );
    expect(() => loadConfig({ WEB_CONCURRENCY: '0', DATABASE_URL: 'postgres://x/y' })).toThrow(
      /WEB_CONCURRENCY 至少为 1/,
    );
    expect(loadConfig({ WEB_CONCURRENCY: '1' }).WEB_CONCURRENCY).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: '3', DATABASE_URL: 'postgres://x/y' }).WEB_CONCURRENCY).toBe(3);
    expect(loadConfig({ WEB_CONCURRENCY: '' }).WEB_CONCURRENCY).toBeUndefined();
  });
});

describe("a server process's V8 flags", () => {
  it('are added to what the process was started with, unless the operator set them', () => {
    expect(withServerFlags(['--import', 'tsx'])).toEqual(['--import', 'tsx', ...SERVER_NODE_FLAGS]);
    expect(withServerFlags(['--max-semi-space-size=16'])).toEqual(['--max-semi-space-size=16']);
    expect(withServerFlags(['--max_semi_space_size=8'])).toEqual(['--max_semi_space_size=8']);
    expect(withServerFlags([], '--max-old-space-size=4096 --max-semi-space-size=32')).toEqual([]);
    expect(withServerFlags([], '--max-old-space-size=4096')).toEqual([...SERVER_NODE_FLAGS]);
  });

  it('are passed by npm start, npm run serve and the local cluster', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    for (const flag of SERVER_NODE_FLAGS) {
      expect(scripts.start).toBe(`tsx ${flag} scripts/start.ts`);
      expect(scripts.serve).toBe(`tsx ${flag} scripts/serve.ts`);
      expect(readFileSync('deploy/local-cluster.sh', 'utf8')).toContain(`node ${flag} --import tsx scripts/serve.ts`);
    }
  });
});
