import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { PDF_INFO_KEYS } from './fields';

// Reads back what a signed PDF says about itself, without trusting it: the bytes its signature
// covers (/ByteRange), whether the PKCS#7 in /Contents signs exactly those bytes, who signed,
// and the report identity written in its (signed) information dictionary. No I/O.

export type SignatureProblem =
  'not_pdf' | 'no_signature' | 'incomplete_coverage' | 'malformed_signature' | 'digest_mismatch' | 'bad_signature';

export interface SignedPdf {
  /** SHA-256 of the signing certificate's DER. */
  certificateFingerprint: string;
  signerName: string;
  /** Time the signer claims (the signature dictionary's /M, or a signing-time attribute); not a trusted timestamp. */
  signedAt: Date | null;
  /** The report identity from the signed bytes; null when the PDF carries none. */
  verificationCode: string | null;
  reportNumber: string | null;
  contentSha256: string | null;
}

export type SignatureCheck = { ok: true; pdf: SignedPdf } | { ok: false; problem: SignatureProblem };

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;
const HASH_OF_OID: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

const fail = (problem: SignatureProblem): SignatureCheck => ({ ok: false, problem });

/** The bytes a PDF signature covers and the DER PKCS#7 in its /Contents; the last signature wins. */
export function signedParts(
  pdf: Buffer,
): { signed: Buffer; pkcs7: Buffer; coversWholeFile: boolean; claimedTime: Date | null } | null {
  const text = pdf.toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (!last) return null;
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return null;
  if (pdf[b] !== 0x3c /* < */ || pdf[c - 1] !== 0x3e /* > */) return null;
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return null;
  return {
    signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
    pkcs7: Buffer.from(hex, 'hex'),
    coversWholeFile: c + d === pdf.length,
    claimedTime: signatureDictionaryTime(text.slice(Math.max(0, b - 2000), b) + text.slice(c, c + 2000)),
  };
}

/** The /M (D:YYYYMMDDHHmmSS…) of the signature dictionary around /Contents: PAdES's signing time. */
function signatureDictionaryTime(around: string): Date | null {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?\)/.exec(around);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

type Node = forge.asn1.Asn1;
const kids = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const bytesOf = (n: Node | undefined): string => (n && typeof n.value === 'string' ? n.value : '');
const oidOf = (n: Node | undefined) => forge.asn1.derToOid(bytesOf(n));
const der = (n: Node) => Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary');

/** Checks the last signature of a PDF and reads the report identity it carries. */
export function checkPdfSignature(pdf: Buffer): SignatureCheck {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return fail('not_pdf');
  const parts = signedParts(pdf);
  if (!parts) return fail('no_signature');
  // Anything appended after signing (an incremental update) is not covered by the signature.
  if (!parts.coversWholeFile) return fail('incomplete_coverage');

  let signerInfo: Node[];
  let certificates: X509Certificate[];
  try {
    const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(parts.pkcs7.toString('binary')), {
      parseAllBytes: false,
      strict: false,
    } as never);
    const [type, explicit] = kids(contentInfo);
    if (oidOf(type) !== OID.signedData) return fail('malformed_signature');
    const signedData = kids(kids(explicit)[0]);
    const certSet = signedData.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    certificates = kids(certSet).map((n) => new X509Certificate(der(n)));
    const signerInfos = signedData.at(-1);
    signerInfo = kids(kids(signerInfos)[0]);
  } catch {
    return fail('malformed_signature');
  }
  // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.
  const digestAlgorithm = HASH_OF_OID[oidOf(kids(signerInfo[2])[0])];
  const attrs = signerInfo[3];
  const signature = signerInfo[5];
  if (!digestAlgorithm || !attrs || attrs.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC || !signature) {
    return fail('malformed_signature');
  }
  const attribute = (oid: string) => kids(kids(attrs).find((a) => oidOf(kids(a)[0]) === oid)?.value?.[1] as Node)[0];
  const messageDigest = Buffer.from(bytesOf(attribute(OID.messageDigest)), 'binary');
  const actual = createHash(digestAlgorithm).update(parts.signed).digest();
  if (!actual.equals(messageDigest)) return fail('digest_mismatch');

  // The signature is over the DER of the attributes as a SET OF (tag 0x31), not [0] IMPLICIT.
  const signedAttrs = der(attrs);
  signedAttrs[0] = 0x31;
  const signatureBytes = Buffer.from(bytesOf(signature), 'binary');
  const signer = certificates.find((cert) => {
    try {
      return verifySignature(digestAlgorithm, signedAttrs, cert.publicKey, signatureBytes);
    } catch {
      return false;
    }
  });
  if (!signer) return fail('bad_signature');

  const signingTime = attribute(OID.signingTime);
  const signedText = parts.signed.toString('latin1');
  // pdfkit writes each information value as an indirect object: /Key 21 0 R … 21 0 obj (value).
  const field = (key: string) => {
    const value = '\\(([0-9A-Za-z-]{1,80})\\)';
    const direct = signedText.match(new RegExp(`/${key}\\s*${value}`));
    if (direct) return direct[1] ?? null;
    const ref = signedText.match(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`))?.[1];
    return ref ? (signedText.match(new RegExp(`(?:^|\\s)${ref}\\s+0\\s+obj\\s*${value}`))?.[1] ?? null) : null;
  };
  return {
    ok: true,
    pdf: {
      certificateFingerprint: createHash('sha256').update(signer.raw).digest('hex'),
      signerName: commonNameOf(signer),
      signedAt: signingTime ? utcTime(bytesOf(signingTime)) : parts.claimedTime,
      verificationCode: field(PDF_INFO_KEYS.code),
      reportNumber: field(PDF_INFO_KEYS.number),
      contentSha256: field(PDF_INFO_KEYS.digest),
    },
  };
}

function commonNameOf(cert: X509Certificate): string {
  return (
    cert.subject
      .split('\n')
      .find((l) => l.startsWith('CN='))
      ?.slice(3) ?? ''
  );
}

function utcTime(value: string): Date | null {
  try {
    return value.length === 13 ? forge.asn1.utcTimeToDate(value) : forge.asn1.generalizedTimeToDate(value);
  } catch {
    return null;
  }
}
