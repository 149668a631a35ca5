import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { chosenFilesProblem, MAX_FORM_BYTES } from '@/server/applications/limits';
import { isOversizedFormPost } from '@/server/http/form-size';
import nextConfig from '@/next.config';

const MB = 1024 * 1024;

describe('what the application forms accept', () => {
  it('lets five 10 MB attachments and the fields through Next (its default is 1 MB)', () => {
    expect(MAX_FORM_BYTES).toBeGreaterThan(5 * 10 * MB);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(MAX_FORM_BYTES);
    // A proxy in front of the actions would pass on only the first 10 MB unless told otherwise.
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(MAX_FORM_BYTES);
  });

  it('tells in Chinese which chosen file is too big or of the wrong type, before sending', () => {
    const pdf = (name: string, size: number) => ({ name, size, type: 'application/pdf' });
    expect(chosenFilesProblem([pdf('a.pdf', 10 * MB), pdf('b.pdf', 1)])).toBeNull();
    expect(chosenFilesProblem([pdf('大.pdf', 10 * MB + 1)])).toContain('文件“大.pdf”超过 10 MB');
    expect(chosenFilesProblem([{ name: 'x.exe', size: 10, type: 'application/x-msdownload' }])).toContain(
      '不是 PDF、JPG 或 PNG',
    );
    expect(chosenFilesProblem(Array.from({ length: 6 }, (_, i) => pdf(`${i}.pdf`, 1)))).toContain('最多上传 5 个');
  });

  it('refuses a larger form post before Next reads it, but never an API call', () => {
    const req = (method: string, url: string, length: number) =>
      ({ method, url, headers: { 'content-length': String(length) } }) as unknown as IncomingMessage;
    expect(isOversizedFormPost(req('POST', '/apply/objection', MAX_FORM_BYTES + 1))).toBe(true);
    expect(isOversizedFormPost(req('POST', '/apply/objection', 50 * MB))).toBe(false);
    expect(isOversizedFormPost(req('GET', '/apply/objection', MAX_FORM_BYTES + 1))).toBe(false);
    expect(isOversizedFormPost(req('POST', '/api/v1/disclosures', MAX_FORM_BYTES + 1))).toBe(false);
    // A department's import file may be up to 200 MB.
    expect(isOversizedFormPost(req('POST', '/admin/imports/upload', 150 * MB))).toBe(false);
    expect(isOversizedFormPost(req('POST', '/admin/imports/upload', 202 * MB))).toBe(true);
  });
});
