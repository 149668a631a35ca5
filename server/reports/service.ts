import type { Db } from '../db/client';
import { getIssuedReport, verifyReport } from '../subjects/service';
import { renderSignedReportPdf } from './pdf';
import { checkPdfSignature, type SignatureProblem } from './signature';
import { signingIdentity } from './signing-certificate';

/** The verify address printed and encoded in a report's QR code. */
export function verifyUrlOf(origin: string, verificationCode: string): string {
  const url = new URL('/verify', origin);
  url.searchParams.set('code', verificationCode);
  return url.toString();
}

/** The signed PDF of an issued report, from its stored content; null when the code is not this subject's. */
export async function issuedReportPdf(db: Db, subjectId: number, code: string, origin: string) {
  const report = await getIssuedReport(db, subjectId, code);
  if (!report) return null;
  const pdf = await renderSignedReportPdf({
    report,
    verifyUrl: verifyUrlOf(origin, report.verificationCode),
    identity: signingIdentity(),
  });
  return { pdf, reportNumber: report.reportNumber };
}

export type PdfVerdict =
  | { status: SignatureProblem | 'foreign_certificate' | 'no_report_identity' | 'not_issued' | 'content_mismatch' }
  | { status: 'rate_limited'; retryWhen: string }
  | {
      status: 'valid';
      reportNumber: string;
      verificationCode: string;
      issuedOn: string;
      contentSha256: string;
      subjectId: number;
      subjectName: string;
      signerName: string;
      demoCertificate: boolean;
    };

/**
 * Checks an uploaded report PDF: its signature covers the whole file and is the portal's
 * certificate, and the report code and digest it carries are what the portal issued and
 * stored. Unknown codes count against the caller like a typed code on /verify.
 */
export async function verifyReportPdf(
  db: Db,
  pdf: Buffer,
  clientIp: string | null | undefined,
  now = new Date(),
): Promise<PdfVerdict> {
  const check = checkPdfSignature(pdf);
  if (!check.ok) return { status: check.problem };
  const identity = signingIdentity();
  if (check.pdf.certificateFingerprint !== identity.fingerprint) return { status: 'foreign_certificate' };
  const { verificationCode, contentSha256 } = check.pdf;
  if (!verificationCode || !contentSha256) return { status: 'no_report_identity' };
  const issued = await verifyReport(db, verificationCode, clientIp, now);
  if (issued.status === 'rate_limited') return { status: 'rate_limited', retryWhen: issued.retryWhen };
  if (issued.status === 'not_found') return { status: 'not_issued' };
  if (issued.contentSha256 !== contentSha256 || !issued.digestMatches) return { status: 'content_mismatch' };
  return {
    status: 'valid',
    reportNumber: issued.reportNumber,
    verificationCode: issued.verificationCode,
    issuedOn: issued.issuedOn,
    contentSha256: issued.contentSha256,
    subjectId: issued.subject.id,
    subjectName: issued.subject.name,
    signerName: check.pdf.signerName,
    demoCertificate: identity.demo,
  };
}
