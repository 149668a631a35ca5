import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { config, type AppConfig } from '../config';

// The certificate the PDF credit reports are signed with: the PKCS#12 named by
// REPORT_SIGNING_P12 (password REPORT_SIGNING_P12_PASSWORD), as in production; without one, a
// self-signed demo certificate that `npm start` makes once in ./data, and every PDF signed with
// it says so on its face.

export const DEMO_P12_FILE = 'report-signing-demo.p12';
/** The demo file protects nothing of value; its password only satisfies the PKCS#12 format. */
const DEMO_P12_PASSWORD = 'xinyong-leshan-demo';
// ASCII only: node-forge re-encodes UTF-8 names when it copies the issuer into the PKCS#7,
// and a signer whose issuer does not match its certificate is not found by verifiers.
const DEMO_COMMON_NAME = 'Xinyong Leshan credit report signing (DEMO)';

export interface SigningIdentity {
  p12: Buffer;
  password: string;
  /** The signing certificate, DER. */
  certificateDer: Buffer;
  /** SHA-256 of the certificate's DER, hex: what /verify compares a PDF's signer against. */
  fingerprint: string;
  /** The certificate's subject common name, shown on /verify. */
  commonName: string;
  /** A self-signed certificate made by `npm start`, not one the operator provided. */
  demo: boolean;
}

export const demoCertificatePath = (cfg: AppConfig = config()) => path.join(cfg.dataDir, DEMO_P12_FILE);

/** A new self-signed certificate for signing reports, as a PKCS#12 (RSA 2048, SHA-256, 10 years). */
export function makeDemoP12(now = new Date(), password = DEMO_P12_PASSWORD): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const attrs = [
    { name: 'commonName', value: DEMO_COMMON_NAME },
    { name: 'organizationName', value: 'Xinyong Leshan (DEMO)' },
    { name: 'countryName', value: 'CN' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * Makes the demo certificate in ./data when no REPORT_SIGNING_P12 is configured and none was
 * made before. Returns the file it made, or null when nothing was made.
 */
export function ensureDemoCertificate(cfg: AppConfig = config()): string | null {
  if (cfg.REPORT_SIGNING_P12) return null;
  const file = demoCertificatePath(cfg);
  if (existsSync(file)) return null;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, makeDemoP12(), { mode: 0o600, flag: 'wx' });
  return file;
}

/** The private key of a PKCS#12, the certificate that belongs to it, and the file's other certificates. */
export function keyAndChainFromP12(
  p12: Buffer,
  password: string,
): { key: forge.pki.rsa.PrivateKey; chain: forge.pki.Certificate[] } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, password);
  } catch {
    throw new Error('报告签名证书无法读取：请检查 REPORT_SIGNING_P12 文件和 REPORT_SIGNING_P12_PASSWORD 密码');
  }
  const keyBagType = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certBagType = forge.pki.oids.certBag as string;
  const key = parsed.getBags({ bagType: keyBagType })[keyBagType]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  const certs = (parsed.getBags({ bagType: certBagType })[certBagType] ?? []).flatMap((b: forge.pkcs12.Bag) =>
    b.cert ? [b.cert] : [],
  );
  const cert = certs.find((c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return key && pub.n?.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!key || !cert) throw new Error('报告签名证书中没有配对的私钥和证书（需要 RSA 密钥）');
  return { key, chain: [cert, ...certs.filter((c) => c !== cert)] };
}

/** Reads a PKCS#12 and finds the certificate that belongs to its private key. */
export function identityFromP12(p12: Buffer, password: string, demo: boolean): SigningIdentity {
  const cert = keyAndChainFromP12(p12, password).chain[0]!;
  const certificateDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const cn = cert.subject.getField('CN') as { value: string } | null;
  return {
    p12,
    password,
    certificateDer,
    fingerprint: createHash('sha256').update(certificateDer).digest('hex'),
    commonName: cn?.value ?? '',
    demo,
  };
}

let cached: { key: string; identity: SigningIdentity } | undefined;

/**
 * The identity reports are signed with now. Without REPORT_SIGNING_P12 it is the demo
 * certificate in ./data, made here if `npm start` did not make it (next dev, tests).
 */
export function signingIdentity(cfg: AppConfig = config()): SigningIdentity {
  const configured = cfg.REPORT_SIGNING_P12;
  const file = configured
    ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured)
    : demoCertificatePath(cfg);
  if (!configured) ensureDemoCertificate(cfg);
  const key = `${file}|${statSync(file).mtimeMs}`;
  if (cached?.key !== key) {
    const password = configured ? (cfg.REPORT_SIGNING_P12_PASSWORD ?? '') : DEMO_P12_PASSWORD;
    cached = { key, identity: identityFromP12(readFileSync(file), password, !configured) };
  }
  return cached.identity;
}
