import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  hashInlineScripts,
  inlineScriptHashes,
  newNonce,
  nonceOf,
} from '@/server/http/security-headers';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

describe('the Content-Security-Policy', () => {
  it('allows this origin’s scripts and the nonce, forbids framing, plugins and foreign forms', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123' }, false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'x' }, true)).toContain('upgrade-insecure-requests');
  });

  it('makes a new nonce of 128 bits every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, 'base64')).toHaveLength(16);
  });
});

describe('a shared copy of a page', () => {
  const nonce = 'Tm9uY2VOb25jZQ==';
  const html = [
    `<html><head><script src="/_next/static/a.js" nonce="${nonce}" async></script></head><body>`,
    `<script nonce="${nonce}">self.__next_f=self.__next_f||[]</script>`,
    `<script nonce="${nonce}">self.__next_f.push([1,"x"])</script>`,
    `<script>alert("injected")</script>`,
    `<script nonce="guessed">alert("guessed")</script>`,
    '</body></html>',
  ].join('');

  it('trades the nonce for the hashes of exactly the inline scripts that carried it', () => {
    expect(inlineScriptHashes(html, nonce)).toEqual([
      sha('self.__next_f=self.__next_f||[]'),
      sha('self.__next_f.push([1,"x"])'),
    ]);
    const shared = hashInlineScripts(contentSecurityPolicy({ nonce }, false), html);
    expect(nonceOf(shared)).toBeNull();
    expect(shared).toContain(`'sha256-${sha('self.__next_f.push([1,"x"])')}'`);
    expect(shared).not.toContain(sha('alert("injected")'));
    expect(shared).not.toContain(sha('alert("guessed")'));
    expect(shared).toContain("script-src 'self' 'sha256-");
  });

  it('leaves a policy without a nonce as it is', () => {
    const hashed = hashInlineScripts(contentSecurityPolicy({ nonce }, false), html);
    expect(hashInlineScripts(hashed, html)).toBe(hashed);
  });
});
