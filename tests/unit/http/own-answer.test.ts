import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodedBody, isOwnAnswer } from '@/server/http/own-answer';

const page = (body: Buffer, encoding?: string) => ({
  status: 400,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...(encoding ? { 'content-encoding': encoding } : {}) },
  body,
});
const ENCODERS: Record<'identity' | 'gzip' | 'br' | 'deflate', (b: Buffer) => Buffer> = {
  identity: (b) => b,
  gzip: gzipSync,
  br: brotliCompressSync,
  deflate: deflateSync,
};

describe('a refusal our own route handlers wrote', () => {
  it('is recognised however the answer was compressed for the client (a browser asks for gzip)', () => {
    const refusal = Buffer.from('下载失败：起始日期不是有效日期\n');
    for (const [name, encode] of Object.entries(ENCODERS)) {
      const p = page(encode(refusal), name === 'identity' ? undefined : name);
      expect(decodedBody(p), name).toBe(refusal.toString('utf8'));
      expect(isOwnAnswer(p), name).toBe(true);
    }
  });

  it("is never Next's bare English error, compressed or not", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }),
        fc.constantFrom('identity' as const, 'gzip' as const, 'br' as const, 'deflate' as const),
        (text, name) => {
          const p = page(ENCODERS[name](Buffer.from(text)), name === 'identity' ? undefined : name);
          expect(isOwnAnswer(p)).toBe(false);
        },
      ),
    );
  });

  it('is not a body that claims a compression it does not have', () => {
    expect(isOwnAnswer(page(Buffer.from('下载失败'), 'gzip'))).toBe(false);
    expect(decodedBody(page(gzipSync(Buffer.from('下载失败')).subarray(0, 8), 'gzip'))).toBe('');
  });
});
