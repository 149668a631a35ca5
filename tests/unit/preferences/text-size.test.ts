import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { GET } from '@/app/preferences/text-size/route';
import { parseTextSize, returnTarget, safeReturnPath, textSizeCookie } from '@/server/preferences/text-size';

describe('safeReturnPath: only paths on this site', () => {
  it('keeps relative paths with their query and fragment', () => {
    expect(safeReturnPath('/policies')).toBe('/policies');
    expect(safeReturnPath('/search?q=%E5%86%9C%E4%B8%9A&page=2')).toBe('/search?q=%E5%86%9C%E4%B8%9A&page=2');
    expect(safeReturnPath('/policies/x#一、总体要求')).toBe(
      '/policies/x#%E4%B8%80%E3%80%81%E6%80%BB%E4%BD%93%E8%A6%81%E6%B1%82',
    );
    expect(safeReturnPath('/a/../guides')).toBe('/guides');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /policies',
    'javascript:alert(1)',
    'data:text/html,x',
    'policies',
    '',
    '/preferences/text-size?size=large',
  ])('turns %j into the home page', (raw) => {
    expect(safeReturnPath(raw)).toBe('/');
  });

  it('refuses missing and absurdly long values', () => {
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath(`/${'a'.repeat(3000)}`)).toBe('/');
  });
});

describe('returnTarget: the Referer only adds the query of the same page', () => {
  it('uses the Referer path and query when it is the page named by return', () => {
    expect(returnTarget('/search', 'http://localhost:3000/search?q=abc')).toBe('/search?q=abc');
  });
  it('ignores a Referer of another page, and never takes its host', () => {
    expect(returnTarget('/news', 'https://evil.example/search?q=abc')).toBe('/news');
    expect(returnTarget('/search', 'https://evil.example/search?q=abc')).toBe('/search?q=abc');
    expect(returnTarget(null, 'https://evil.example//evil.example')).toBe('/');
    expect(returnTarget(null, 'not a url')).toBe('/');
    expect(returnTarget('//evil.example', null)).toBe('/');
  });
});

describe('the cookie', () => {
  it('lasts a year on the whole site, SameSite=Lax', () => {
    expect(textSizeCookie('large', false)).toBe('text-size=large; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(textSizeCookie('standard', true)).toContain('; Secure');
    expect(parseTextSize('large')).toBe('large');
    expect(parseTextSize('huge')).toBe('standard');
    expect(parseTextSize(undefined)).toBe('standard');
  });
});

describe('GET /preferences/text-size', () => {
  const call = (query: string, headers: Record<string, string> = {}) =>
    GET(new NextRequest(`http://localhost:3000/preferences/text-size${query}`, { headers }));

  it('sets the cookie and redirects back with 303', () => {
    const res = call('?size=large&return=%2Fguides%2Frepair');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/guides/repair');
    expect(res.headers.get('set-cookie')).toBe('text-size=large; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('does not redirect off the site', () => {
    for (const target of ['https://evil.example', '//evil.example', '/%5Cevil.example', '/\\evil.example']) {
      const res = call(`?size=standard&return=${encodeURIComponent(target)}`);
      const location = res.headers.get('location')!;
      expect(location.startsWith('/') && !location.startsWith('//'), location).toBe(true);
      expect(new URL(location, 'http://localhost:3000').host).toBe('localhost:3000');
    }
  });

  it('treats an unknown size as standard, and marks the cookie Secure behind HTTPS', () => {
    const res = call('?size=giant&return=/', { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).toBe('text-size=standard; Path=/; Max-Age=31536000; SameSite=Lax; Secure');
  });
});
