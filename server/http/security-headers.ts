import { createHash, randomBytes } from 'node:crypto';

// The security headers of every response, in one place (issue 13, finding 7).
//
// Scripts are allowed by a per-response nonce: serve.ts makes one per request and puts it in
// the request's Content-Security-Policy, from which Next stamps it on every script it renders.
// A page kept by the public-page micro-cache (page-cache.ts) is sent to many visitors, so its
// nonce would no longer be secret: before such a page is stored or sent, its policy trades the
// nonce for the SHA-256 hashes of exactly the inline scripts that carried it (hashInlineScripts).
// A cached copy therefore allows what its render allowed, and nothing a later visitor could
// add — a script without the render's nonce (an injection) is never hashed.

/** Headers that do not depend on the response (next.config.ts sends them on every path). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export const CSP_HEADER = 'content-security-policy';

/** 128 random bits, base64: a new one for every request. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The policy: scripts from this origin plus the inline ones named by `scripts` (a nonce or
 * hashes); styles may be inline (React's style attributes need it; CSS cannot run script).
 */
export function contentSecurityPolicy(scripts: { nonce: string } | { hashes: string[] }, https: boolean): string {
  const allowed = 'nonce' in scripts ? [`'nonce-${scripts.nonce}'`] : scripts.hashes.map((h) => `'sha256-${h}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${allowed.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The nonce a policy names, if any. */
export function nonceOf(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] ?? null;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** SHA-256 (base64) of each inline script in `html` that carries `nonce`, in order, without repeats. */
export function inlineScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const carried = /\bnonce\s*=\s*"([^"]*)"/i.exec(attributes)?.[1];
    if (carried !== nonce) continue;
    hashes.add(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return [...hashes];
}

/**
 * The policy for a copy of `html` that will be sent to more than one visitor: the render's
 * nonce replaced by the hashes of the scripts that carried it. A policy without a nonce is
 * returned as it is.
 */
export function hashInlineScripts(policy: string, html: string): string {
  const nonce = nonceOf(policy);
  if (!nonce) return policy;
  const hashes = inlineScriptHashes(html, nonce)
    .map((h) => `'sha256-${h}'`)
    .join(' ');
  return policy.replace(`'nonce-${nonce}'`, hashes).replace(/ {2,}/g, ' ');
}
