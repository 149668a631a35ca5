import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config';
import {
  demoCertificatePath,
  ensureDemoCertificate,
  makeDemoP12,
  signingIdentity,
} from '@/server/reports/signing-certificate';

// Which certificate signs the PDF reports: the operator's PKCS#12 when configured, else a demo
// certificate made once in the data folder (and the PDFs say so).

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'report-cert-'));
const configWith = (vars: Record<string, string>, dataDir = scratch()) => ({
  ...loadConfig(env(vars)),
  dataDir,
});

describe('the report signing certificate', () => {
  it('is a demo certificate made once in ./data when REPORT_SIGNING_P12 is unset', () => {
    const cfg = configWith({});
    expect(ensureDemoCertificate(cfg)).toBe(demoCertificatePath(cfg));
    expect(existsSync(demoCertificatePath(cfg))).toBe(true);
    // The second start keeps it: PDFs signed before still verify.
    expect(ensureDemoCertificate(cfg)).toBeNull();
    const identity = signingIdentity(cfg);
    expect(identity.demo).toBe(true);
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(signingIdentity(cfg).fingerprint).toBe(identity.fingerprint);
  });

  it('is the operator’s PKCS#12 when configured, and no demo certificate is made', () => {
    const dir = scratch();
    const file = path.join(dir, 'signing.p12');
    writeFileSync(file, makeDemoP12(new Date(), 's3cret'));
    const cfg = configWith({ REPORT_SIGNING_P12: file, REPORT_SIGNING_P12_PASSWORD: 's3cret' }, dir);
    expect(ensureDemoCertificate(cfg)).toBeNull();
    expect(signingIdentity(cfg).demo).toBe(false);
    expect(existsSync(demoCertificatePath(cfg))).toBe(false);

    const wrong = configWith({ REPORT_SIGNING_P12: file, REPORT_SIGNING_P12_PASSWORD: 'nope' }, dir);
    // A new file so the cached identity is not reused.
    const other = path.join(dir, 'other.p12');
    writeFileSync(other, makeDemoP12(new Date(), 's3cret'));
    expect(() => signingIdentity({ ...wrong, REPORT_SIGNING_P12: other })).toThrow(/REPORT_SIGNING_P12_PASSWORD/);
  });

  it('is validated at start-up with a Chinese message naming the setting', () => {
    expect(() => loadConfig(env({ REPORT_SIGNING_P12: '/etc/cert.pem' }))).toThrow(
      /REPORT_SIGNING_P12 必须是 \.p12 或 \.pfx/,
    );
    expect(() => loadConfig(env({ REPORT_SIGNING_P12: '/nowhere/report.p12' }))).toThrow(
      /REPORT_SIGNING_P12: 找不到证书文件/,
    );
  });
});
