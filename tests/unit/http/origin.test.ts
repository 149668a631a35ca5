import { describe, expect, it } from 'vitest';
import { loadConfig as load } from '@/server/config';
import { cacheKeyFor } from '@/server/http/page-cache';
import { ORIGIN_HEADER, originToHandOn, requestOrigin } from '@/server/http/origin';

// Links printed to the public start with SITE_URL, or else with the origin the request was
// made to — never a hard-coded http://localhost:3000 (issue 17, finding 3).
describe('the origin a request was made to', () => {
  it('is the Host header over plain HTTP when no proxy of ours is in front', () => {
    expect(requestOrigin('127.0.0.1:3208', undefined, 0)).toBe('http://127.0.0.1:3208');
    expect(requestOrigin('Credit.Leshan.gov.cn', 'https', 0)).toBe('http://credit.leshan.gov.cn');
  });

  it('believes X-Forwarded-Proto only behind trusted proxies', () => {
    expect(requestOrigin('credit.leshan.gov.cn', 'https', 1)).toBe('https://credit.leshan.gov.cn');
    expect(requestOrigin('credit.leshan.gov.cn', 'gopher', 1)).toBe('http://credit.leshan.gov.cn');
  });

  it('refuses a Host header that is not a host', () => {
    for (const host of [undefined, '', 'evil.example/path', 'a b', 'x"><script>', 'host:port'])
      expect(requestOrigin(host, undefined, 0)).toBeNull();
    expect(requestOrigin('[::1]:8080', undefined, 0)).toBe('http://[::1]:8080');
  });

  it("keeps the origin Next forwards when it re-requests a page after a Server Action (loopback, no proxy), and nobody else's", () => {
    const headers = { host: 'localhost:3208', [ORIGIN_HEADER]: 'http://127.0.0.1:3208' };
    expect(originToHandOn('127.0.0.1', headers, 0)).toBe('http://127.0.0.1:3208');
    expect(originToHandOn('::ffff:127.0.0.1', headers, 0)).toBe('http://127.0.0.1:3208');
    expect(originToHandOn('203.0.113.9', headers, 0)).toBe('http://localhost:3208');
    expect(originToHandOn('127.0.0.1', headers, 1)).toBe('http://localhost:3208');
    expect(originToHandOn('127.0.0.1', { ...headers, [ORIGIN_HEADER]: 'javascript:alert(1)' }, 0)).toBe(
      'http://localhost:3208',
    );
  });

  it('keeps one cached copy of a public page per origin, so one Host cannot poison another', () => {
    const a = cacheKeyFor({ method: 'GET', url: '/', headers: { [ORIGIN_HEADER]: 'http://a.example' } });
    const b = cacheKeyFor({ method: 'GET', url: '/', headers: { [ORIGIN_HEADER]: 'http://b.example' } });
    expect(a).not.toBe(b);
  });
});

describe('SITE_URL at start-up', () => {
  const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv);
  it('has no default: unset, links follow the request', () => {
    expect(loadConfig({}).SITE_URL).toBeUndefined();
  });

  it('is required in production behind a proxy, with a message naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TRUSTED_PROXIES: '1' })).toThrow(/SITE_URL/);
    expect(loadConfig({ NODE_ENV: 'production', TRUSTED_PROXIES: '1', SITE_URL: 'https://x.example' }).SITE_URL).toBe(
      'https://x.example',
    );
    // Not behind a proxy (the one-machine demo), or while building, the request's origin is enough.
    expect(() => loadConfig({ NODE_ENV: 'production', TRUSTED_PROXIES: '0' })).not.toThrow();
    expect(() =>
      loadConfig({ NODE_ENV: 'production', TRUSTED_PROXIES: '1', NEXT_PHASE: 'phase-production-build' }),
    ).not.toThrow();
  });
});
