import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { expect, it } from 'vitest';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createLicence } from '../subjects/fixtures';
import { renderSignedReportPdf } from '@/server/reports/pdf';
import { issuedReportPdf, verifyReportPdf, verifyUrlOf } from '@/server/reports/service';
import { checkPdfSignature, signedParts } from '@/server/reports/signature';
import { identityFromP12, makeDemoP12, signingIdentity } from '@/server/reports/signing-certificate';
import { getIssuedReport, issueReport } from '@/server/subjects/service';

const TODAY = '2026-06-30';
const ORIGIN = 'http://127.0.0.1:4321';
const IP = '203.0.113.9';

/** The text of every page, as a PDF reader extracts it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** openssl, not our code, checks the PKCS#7 against the bytes the ByteRange says it signs. */
function opensslVerifies(pdf: Buffer): { ok: boolean; output: string } {
  const parts = signedParts(pdf);
  if (!parts) return { ok: false, output: 'no ByteRange' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-sig-'));
  writeFileSync(path.join(dir, 'signed.bin'), parts.signed);
  writeFileSync(path.join(dir, 'sig.der'), parts.pkcs7);
  const run = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-noverify',
      '-in',
      'sig.der',
      '-content',
      'signed.bin',
      '-out',
      '/dev/null',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** The signed attributes of the signature's CMS: OID and DER of each. */
function signedAttributesOf(pdf: Buffer): { oid: string; der: Buffer }[] {
  const cms = forge.asn1.fromDer(forge.util.createBuffer(signedParts(pdf)!.pkcs7.toString('binary')), {
    parseAllBytes: false,
  } as never);
  const kids = (n: forge.asn1.Asn1) => n.value as forge.asn1.Asn1[];
  const signedData = kids(kids(cms)[1]!)[0]!;
  const signerInfo = kids(kids(signedData).at(-1)!)[0]!;
  const attrs = kids(signerInfo)[3]!;
  return kids(attrs).map((a) => ({
    oid: forge.asn1.derToOid(kids(a)[0]!.value as string),
    der: Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary'),
  }));
}

/** One byte changed inside the first content stream after the signature (what a forger edits). */
function tampered(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const parts = /\/ByteRange\s*\[\s*0\s+\d+\s+(\d+)/.exec(pdf.toString('latin1'));
  const stream = pdf.indexOf('stream\n', Number(parts?.[1]));
  const at = stream + 'stream\n'.length + 40;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describeEachDatabase('signed PDF credit report', (current) => {
  async function issued(name: string) {
    const { db } = current();
    const department = await createDepartment(db);
    const subject = await createCompany(db, name);
    const penalty = await createPenalty(db, subject, department);
    await createLicence(db, subject, department);
    const { verificationCode } = (await issueReport(db, subject.id, TODAY))!;
    const report = (await getIssuedReport(db, subject.id, verificationCode))!;
    return { db, department, subject, penalty, report };
  }

  it('prints the stored report (not today’s profile) with its number, code, digest and a verify link of the request’s origin', async () => {
    const { db, department, subject, penalty, report } = await issued('乐山市嘉州食品有限公司');
    // A record published after the report was issued is not in it.
    const later = await createPenalty(db, subject, department);

    const found = await issuedReportPdf(db, subject.id, report.verificationCode, ORIGIN);
    expect(found).not.toBeNull();
    const pdf = found!.pdf;
    const text = await pdfText(pdf);
    expect(text).toContain('乐山市嘉州食品有限公司');
    expect(text).toContain(report.reportNumber);
    expect(text).toContain(report.verificationCode);
    expect(text).toContain(report.contentSha256);
    expect(text).toContain(penalty.documentNumber);
    expect(text).not.toContain(later.documentNumber);
    expect(text).toContain(verifyUrlOf(ORIGIN, report.verificationCode));
    expect(text).not.toContain('localhost:3000');
    expect(text).toContain('本报告使用演示证书签名，仅供测试');

    // A4, the CJK font embedded as a subset (the whole font is 10 MB).
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(pdf.length).toBeLessThan(400_000);

    // Another subject's code gives nothing.
    const other = await createCompany(db, '乐山市另一家有限公司');
    expect(await issuedReportPdf(db, other.id, report.verificationCode, ORIGIN)).toBeNull();
  });

  it('is signed so that openssl verifies it, and page 1 renders with its Chinese text', async () => {
    const { db, subject, report } = await issued('乐山市大佛旅游服务有限公司');
    const { pdf } = (await issuedReportPdf(db, subject.id, report.verificationCode, ORIGIN))!;
    // PAdES baseline: a CAdES SubFilter, the signing certificate bound by its hash in the signed
    // attributes, the time in the signature dictionary and not in a signing-time attribute.
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    const verified = opensslVerifies(pdf);
    expect(verified.output).toContain('Verification successful');
    expect(verified.ok).toBe(true);
    expect(opensslVerifies(tampered(pdf)).ok).toBe(false);
    const attributes = signedAttributesOf(pdf);
    expect(attributes.map((a) => a.oid).sort()).toEqual(
      ['1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.16.2.47'].sort(),
    );
    const certificateHash = createHash('sha256').update(signingIdentity().certificateDer).digest('hex');
    expect(attributes.find((a) => a.oid === '1.2.840.113549.1.9.16.2.47')!.der.toString('hex')).toContain(
      certificateHash,
    );
    // The signature field is visible: the seal at the top of page 1.
    const widget = /\/FT \/Sig[^>]*?\/Rect \[([\d. ]+)\]|\/Rect \[([\d. ]+)\][^>]*?\/FT \/Sig/.exec(
      pdf.toString('latin1'),
    );
    const [x1, y1, x2, y2] = (widget?.[1] ?? widget?.[2] ?? '0 0 0 0').trim().split(/\s+/).map(Number);
    expect(x2! - x1!).toBeGreaterThan(50);
    expect(y2! - y1!).toBeGreaterThan(50);
    // The time the signer claims is read from the signature dictionary's /M.
    const check = checkPdfSignature(pdf);
    expect(check.ok && Math.abs(check.pdf.signedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    // poppler's own verifier (pdfsig) reads the same signature: CAdES, valid, over the whole file.
    const dir0 = mkdtempSync(path.join(os.tmpdir(), 'report-pdfsig-'));
    writeFileSync(path.join(dir0, 'report.pdf'), pdf);
    const pdfsig = spawnSync('pdfsig', ['report.pdf'], { cwd: dir0, encoding: 'utf8' });
    expect(pdfsig.stdout).toContain('Signature Type: ETSI.CAdES.detached');
    expect(pdfsig.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig.stdout).toContain('Total document signed');
    writeFileSync(path.join(dir0, 'tampered.pdf'), tampered(pdf));
    const broken = spawnSync('pdfsig', ['tampered.pdf'], { cwd: dir0, encoding: 'utf8' });
    expect(broken.stdout).not.toContain('Signature is Valid.');

    // pdftoppm (poppler) draws page 1: kept as a test artifact and as the docs' screenshot.
    const dir = path.resolve('test-results', 'report-pdf', current().kind);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    const render = spawnSync(
      'pdftoppm',
      ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', 'report.pdf', 'page1'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(render.status, render.stderr).toBe(0);
    expect(render.stderr).not.toMatch(/font|glyph/i);
    const png = readFileSync(path.join(dir, 'page1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // pdftotext (poppler too) reads back the CJK text through the embedded font's ToUnicode map.
    const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', 'report.pdf', '-'], { cwd: dir, encoding: 'utf8' });
    expect(text.stdout).toContain('乐山市大佛旅游服务有限公司');
    expect(text.stdout).toContain('信用报告');
    if (current().kind === 'pglite') {
      copyFileSync(path.join(dir, 'page1.png'), path.resolve('docs', 'screenshots', 'report-pdf-page1.png'));
    }
  });

  it('/verify’s check passes the downloaded PDF and fails a tampered, extended, foreign or unissued one', async () => {
    const { db, subject, report } = await issued('乐山市峨眉茶业有限公司');
    const { pdf } = (await issuedReportPdf(db, subject.id, report.verificationCode, ORIGIN))!;

    expect(await verifyReportPdf(db, pdf, IP)).toMatchObject({
      status: 'valid',
      reportNumber: report.reportNumber,
      verificationCode: report.verificationCode,
      contentSha256: report.contentSha256,
      subjectName: subject.name,
      demoCertificate: true,
    });
    expect(await verifyReportPdf(db, tampered(pdf), IP)).toEqual({ status: 'digest_mismatch' });
    // An incremental update appended after signing is outside the signed bytes.
    const appended = Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<< /Evil true >>\nendobj\n')]);
    expect(await verifyReportPdf(db, appended, IP)).toEqual({ status: 'incomplete_coverage' });
    expect(await verifyReportPdf(db, Buffer.from('%PDF-1.7\n%%EOF\n'), IP)).toEqual({ status: 'no_signature' });
    expect(await verifyReportPdf(db, Buffer.from('GIF89a not a pdf'), IP)).toEqual({ status: 'not_pdf' });

    // A valid signature by someone else's certificate is not the portal's report.
    const stranger = identityFromP12(makeDemoP12(new Date(), 'pw'), 'pw', true);
    const verifyUrl = verifyUrlOf(ORIGIN, report.verificationCode);
    const forged = await renderSignedReportPdf({ report, verifyUrl, identity: stranger });
    expect(opensslVerifies(forged).ok).toBe(true);
    expect(await verifyReportPdf(db, forged, IP)).toEqual({ status: 'foreign_certificate' });

    // Signed by the portal's key but carrying a code or digest the portal never issued.
    const portal = signingIdentity();
    const unknownCode = await renderSignedReportPdf({
      report: { ...report, verificationCode: 'ZZZZZ-ZZZZZ-ZZZZZ' },
      verifyUrl,
      identity: portal,
    });
    expect(await verifyReportPdf(db, unknownCode, IP)).toEqual({ status: 'not_issued' });
    const otherDigest = await renderSignedReportPdf({
      report: { ...report, contentSha256: '0'.repeat(64) },
      verifyUrl,
      identity: portal,
    });
    expect(await verifyReportPdf(db, otherDigest, IP)).toEqual({ status: 'content_mismatch' });
  });
});
