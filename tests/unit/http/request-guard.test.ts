import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRequest, checkTarget, errorPage, parserRefusal, problemBody } from '@/server/http/request-guard';

// Issue 13, finding 1: what the HTTP server refuses before Next sees it — each of these
// was a 500 (or a 200 for TRACE) in front of Next.

const get = (url: string, headers: Record<string, string> = {}) => checkRequest({ method: 'GET', url, headers });

describe('request guard', () => {
  it('answers malformed percent-encoding in any path segment with 400 in Chinese', () => {
    for (const url of ['/subjects/%zz', '/api/v1/subjects/%E4%B8', '/disclosures/penalties/%', '/a/%C0%AF']) {
      expect(get(url)).toMatchObject({ status: 400, message: expect.stringContaining('百分号编码') });
    }
  });

  it('refuses NUL, control characters and lone surrogates in the path or a query value, naming the parameter', () => {
    expect(get('/disclosures/penalties?q=%00')).toMatchObject({ status: 400, parameter: 'q' });
    expect(get('/disclosures/penalties?q=%00')!.message).toMatch(/查询参数 q .*控制字符/);
    expect(get('/subjects/1%00')).toMatchObject({ status: 400 });
    expect(get('/search?q=%ED%A0%80')).toMatchObject({ status: 400, parameter: 'q' }); // an encoded lone surrogate
    expect(get('/search?q=a%1bb')!.message).toContain('控制字符');
    expect(get('/search?%zz=1')).toMatchObject({ status: 400 });
  });

  it('lets ordinary addresses through, including Chinese, spaces, %25 and newlines in a query value', () => {
    for (const url of [
      '/',
      '/disclosures/penalties?q=%E4%B9%90%E5%B1%B1&page=2',
      '/search?q=a+b%25c',
      '/search?q=line%0Aline',
      '/api/trpc/search.query?batch=1&input=%7B%220%22%3A%7B%22json%22%3A%7B%22q%22%3A%22x%22%7D%7D%7D',
      '/_next/static/chunks/app.js',
      '/subjects/123#top',
    ]) {
      expect(checkTarget(url)).toBeNull();
    }
  });

  it('answers TRACE, CONNECT and made-up methods with 405 and an Allow header', () => {
    for (const method of ['TRACE', 'CONNECT', 'PROPFIND', 'FOO']) {
      const r = checkRequest({ method, url: '/', headers: {} });
      expect(r).toMatchObject({ status: 405, headers: { allow: expect.stringContaining('GET') } });
    }
    expect(checkRequest({ method: 'HEAD', url: '/', headers: {} })).toBeNull();
  });

  it('refuses a form post from another origin with 403, and lets our own and API posts through', () => {
    const post = (headers: Record<string, string>, url = '/admin/applications/1') =>
      checkRequest({ method: 'POST', url, headers: { host: 'xinyong.leshan.gov.cn', ...headers } });
    expect(post({ origin: 'https://evil.example' })).toMatchObject({ status: 403 });
    expect(post({ origin: 'null' })).toMatchObject({ status: 403 });
    expect(post({ origin: 'https://xinyong.leshan.gov.cn' })).toBeNull();
    expect(post({ origin: 'https://xinyong.leshan.gov.cn', 'x-forwarded-host': 'proxy.internal' })).toBeNull();
    expect(post({})).toBeNull();
    expect(post({ origin: 'https://evil.example' }, '/api/v1/disclosures')).toBeNull();
  });

  it('writes a Chinese page (escaped) and a problem+json body', () => {
    const page = errorPage(400, '<script>');
    expect(page).toContain('lang="zh-CN"');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toContain('<script>');
    expect(JSON.parse(problemBody(405, '不支持'))).toMatchObject({
      status: 405,
      title: '不支持该请求方法',
      detail: '不支持',
    });
  });
});

describe('requests the HTTP parser refuses (clientError)', () => {
  const packet = (line: string) => Buffer.from(`${line}\r\nHost: x\r\n\r\n`, 'utf8');

  it('an address with unencoded Chinese says to percent-encode it, as problem+json under /api', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('/api/v1/search?q=', '/search?q=', '/api/trpc/search.query?input=', '/subjects/'),
        fc.string({ minLength: 1, maxLength: 8 }).map((s) => `食${s.replace(/[\s\r\n]/g, '')}`),
        (path, text) => {
          const r = parserRefusal('HPE_INVALID_URL', packet(`GET ${path}${text} HTTP/1.1`));
          expect(r.status).toBe(400);
          expect(r.message).toContain('百分号编码');
          expect(r.api).toBe(path.startsWith('/api/'));
        },
      ),
    );
  });

  it('keeps the other refusals: header overflow 431, an unknown method 405, anything else 400', () => {
    expect(parserRefusal('HPE_HEADER_OVERFLOW', packet('GET /api/v1/search HTTP/1.1'))).toMatchObject({
      status: 431,
      api: true,
    });
    expect(parserRefusal('HPE_INVALID_METHOD', packet('FOO / HTTP/1.1'))).toMatchObject({ status: 405, api: false });
    expect(parserRefusal('HPE_INVALID_CONSTANT', packet('GET / HTTX/1.1'))).toMatchObject({
      status: 400,
      message: '请求格式无效。',
    });
    expect(parserRefusal(undefined, undefined)).toMatchObject({ status: 400, api: false });
  });
});
