import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { RenderedPage } from './page-cache';

/** The body as the visitor would read it: Next compresses when the client accepts it. */
export function decodedBody(page: RenderedPage): string {
  const encoding = String(page.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(page.body).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(page.body).toString('utf8');
    if (encoding === 'deflate') return inflateSync(page.body).toString('utf8');
  } catch {
    return ''; // cut short or not what it claims: not an answer we wrote
  }
  return page.body.toString('utf8');
}

/**
 * A refusal our own route handlers wrote (a CSV download's wrong filter, a missing attachment):
 * they answer in Chinese, which Next's bare errors never are. It reaches the visitor unchanged.
 */
export const isOwnAnswer = (page: RenderedPage) => /[\u3400-\u9fff]/.test(decodedBody(page));
