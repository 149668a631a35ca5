import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import signpdf from '@signpdf/signpdf';
import { formatDate } from '../rules/format';
import { factRows, validityText } from '../subjects/present';
import { getIssuedReport, PORTAL_FULL_NAME, PORTAL_NAME } from '../subjects/service';
import { CadesP12Signer } from './cades-signer';
import { PDF_INFO_KEYS } from './fields';
import type { SigningIdentity } from './signing-certificate';

// The PDF credit report: the stored content of an issued report (never a fresh query), on A4,
// in Noto Sans SC embedded as a subset, with a QR code to /verify and a PAdES baseline
// signature (SubFilter ETSI.CAdES.detached; the CMS is made by cades-signer.ts).

const FONT_FILE = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);

export const DEMO_NOTICE = '本报告使用演示证书签名，仅供测试';
/** Room reserved for the PKCS#7 in /Contents (bytes); a chain of a few certificates fits. */
const SIGNATURE_LENGTH = 16_384;

/** An issued report as stored: its content, number, code and digest. */
export type IssuedReport = NonNullable<Awaited<ReturnType<typeof getIssuedReport>>>;

const BRAND = '#1d4ed8';
const MUTED = '#475569';
const MARGIN = 50;

export interface ReportPdfInput {
  report: IssuedReport;
  /** The public /verify address with this report's code. */
  verifyUrl: string;
  identity: SigningIdentity;
  signingTime?: Date;
}

export async function renderSignedReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const unsigned = await renderReportPdf(input);
  const signer = new CadesP12Signer(input.identity.p12, input.identity.password);
  return signpdf.sign(unsigned, signer, input.signingTime);
}

/** The report with an empty signature placeholder (what the signer fills). */
export function renderReportPdf({ report, verifyUrl, identity, signingTime }: ReportPdfInput): Promise<Buffer> {
  const c = report.content;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: FONT_FILE,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `信用报告 ${report.reportNumber}`,
      Subject: c.subject.name,
      Author: `${PORTAL_NAME}（${PORTAL_FULL_NAME}）`,
      Creator: PORTAL_NAME,
      Keywords: `${report.reportNumber} ${report.verificationCode}`,
      CreationDate: signingTime ?? new Date(),
      [PDF_INFO_KEYS.code]: report.verificationCode,
      [PDF_INFO_KEYS.number]: report.reportNumber,
      [PDF_INFO_KEYS.digest]: report.contentSha256,
    } as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  drawHeader(doc, report, verifyUrl, identity, width);

  section(doc, '一、基本信息');
  for (const r of factRows(c.subject)) line(doc, r.label, r.value);
  line(doc, '信用状态', c.badges.length === 0 ? '无红黑名单、异议或修复状态' : c.badges.join('、'));

  section(doc, `二、行政许可（${c.licensing.length} 条）`);
  records(
    doc,
    c.licensing.map((r) => [
      ['决定文书', r.decisionDocumentName],
      ['决定文书号', r.documentNumber],
      ['许可内容', r.content],
      ['有效期', validityText(r.validFrom, r.validUntil)],
      ['许可机关', r.authorityName],
      ['状态', [r.expired ? '已过期' : '有效', r.suspended ? '异议处理中' : null].filter(Boolean).join('，')],
    ]),
  );

  section(doc, `三、行政处罚（${c.penalties.length} 条）`);
  records(
    doc,
    c.penalties.map((r) => [
      ['违法行为类型', r.violationType],
      ['决定文书号', r.documentNumber],
      ['处罚内容', `${r.categories.join('、')}；${r.content}`],
      ['决定日期', formatDate(r.decisionDate)],
      ['处罚机关', r.authorityName],
      ['公示截止', r.publicUntil ? formatDate(r.publicUntil) : '异议处理中'],
    ]),
  );

  section(doc, `四、红黑名单（${c.listEntries.length} 条）`);
  records(
    doc,
    c.listEntries.map((e) => [
      ['名单', e.listTypeLabel],
      ['认定文号', e.decisionNumber],
      ['列入事由', e.reason],
      ['认定部门', e.departmentName],
      ['列入日期', formatDate(e.listedOn)],
      ['有效期至', e.validUntil ? formatDate(e.validUntil) : '异议处理中'],
      ['适用措施', e.measures.map((m) => m.measure).join('；') || '—'],
    ]),
  );

  section(doc, `五、信用修复记录（${c.repairs.length} 条）`);
  records(
    doc,
    c.repairs.map((r) => [
      ['修复的信息', r.recordKind],
      ['决定部门', r.departmentName],
      ['修复生效日期', formatDate(r.on)],
    ]),
  );

  doc.moveDown(1);
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      `说明：本报告依据出具日在${PORTAL_NAME}（${PORTAL_FULL_NAME}）公开的信用信息生成，已停止公示、已撤销或已修复的信息不在报告中。自然人姓名和证件号码已部分隐藏。本报告免费出具。本 PDF 带有${PORTAL_NAME}的电子签名，任何改动都会使签名失效。`,
      MARGIN,
      doc.y,
      { width },
    );
  doc.text(`内容摘要（SHA-256）：${report.contentSha256}`, { width });

  drawFooters(doc, report);

  // The signature field is the seal on page 1 (a PDF reader shows the signature's details when
  // it is clicked); the signer fills /Contents after doc.end().
  doc.switchToPage(0);
  const seal = { x: MARGIN + width - QR_SIZE - 16 - SEAL_DIAMETER, y: MARGIN + 4 };
  drawSeal(doc, seal.x, seal.y);
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason: `${PORTAL_NAME}出具信用报告 ${report.reportNumber}`,
    contactInfo: verifyUrl,
    name: identity.commonName || PORTAL_NAME,
    location: '四川省乐山市',
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    // PDF user space: from the bottom-left corner.
    widgetRect: [seal.x, doc.page.height - seal.y - SEAL_DIAMETER, seal.x + SEAL_DIAMETER, doc.page.height - seal.y],
  });
  doc.end();
  return done;
}

function drawHeader(
  doc: PDFKit.PDFDocument,
  report: IssuedReport,
  verifyUrl: string,
  identity: SigningIdentity,
  width: number,
) {
  const c = report.content;
  const top = MARGIN;
  const qrSize = QR_SIZE;
  const qrX = MARGIN + width - qrSize;
  drawQr(doc, verifyUrl, qrX, top, qrSize);
  doc
    .fontSize(7.5)
    .fillColor(MUTED)
    .text('扫码核验', qrX, top + qrSize + 2, { width: qrSize, align: 'center' });

  // The text keeps clear of the seal (drawSeal) and the QR code.
  const textWidth = width - qrSize - 16 - SEAL_DIAMETER - 8;
  doc.fontSize(10).fillColor(BRAND).text(`${c.portal.name} · ${c.portal.fullName}`, MARGIN, top, { width: textWidth });
  doc.moveDown(0.3).fontSize(22).fillColor('#000').text('信用报告', { width: textWidth, characterSpacing: 2 });
  doc.moveDown(0.1).fontSize(14).text(c.subject.name, { width: textWidth });
  doc.moveDown(0.4).fontSize(9.5).fillColor('#000');
  doc.text(`报告编号：${report.reportNumber}`, { width: textWidth });
  doc.text(`出具日期：${formatDate(report.issuedOn)}`, { width: textWidth });
  doc.text(`验证码：${report.verificationCode}`, { width: textWidth });
  doc.y = Math.max(doc.y, top + qrSize + 14) + 6;
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      `核验方法：扫描右上角二维码，或访问 ${verifyUrl} ，核对本平台存档的报告摘要；也可将本 PDF 文件上传到该页面，检查电子签名和内容摘要。`,
      MARGIN,
      doc.y,
      { width },
    );
  if (identity.demo) {
    doc.moveDown(0.4);
    const y = doc.y;
    doc.rect(MARGIN, y, width, 20).fill('#fef2f2');
    doc
      .fontSize(10)
      .fillColor('#b91c1c')
      .text(DEMO_NOTICE, MARGIN, y + 4, { width, align: 'center' });
    doc.y = y + 22;
  }
  doc
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + width, doc.y + 4)
    .lineWidth(1.5)
    .strokeColor(BRAND)
    .stroke();
  doc.y += 8;
}

const QR_SIZE = 84;
const SEAL_DIAMETER = 88;
const SEAL_RED = '#c8102e';

/**
 * The visible mark of the electronic signature: a round red seal (platform name along the rim,
 * a star, "信用报告专用章"), left of the QR code at the top of page 1. It is where the
 * signature field sits; the seal itself proves nothing, the signature behind it does.
 */
function drawSeal(doc: PDFKit.PDFDocument, x: number, y: number): void {
  const r = SEAL_DIAMETER / 2;
  const cx = x + r;
  const cy = y + r;
  doc
    .save()
    .opacity(0.85)
    .lineWidth(2.4)
    .strokeColor(SEAL_RED)
    .circle(cx, cy, r - 1.5)
    .stroke();
  // The rim text, one character at a time, from lower left over the top to lower right.
  const rim = Array.from(PORTAL_FULL_NAME);
  const sweep = 250;
  const size = 8;
  doc.fontSize(size).fillColor(SEAL_RED);
  rim.forEach((ch, i) => {
    const angle = -sweep / 2 + (sweep * (i + 0.5)) / rim.length;
    doc
      .save()
      .translate(cx, cy)
      .rotate(angle)
      .text(ch, -size / 2, -r + 5, { width: size, align: 'center', lineBreak: false })
      .restore();
  });
  // A five-pointed star in the middle.
  const star = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? 13 : 5.2;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as [number, number];
  });
  doc.polygon(...star).fill(SEAL_RED);
  doc
    .fontSize(7.5)
    .fillColor(SEAL_RED)
    .text('信用报告专用章', x, cy + 16, { width: SEAL_DIAMETER, align: 'center', lineBreak: false });
  doc.restore();
}

/** The QR code drawn as vector squares: sharp at any zoom, nothing to decode at run time. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#fff').fillColor('#000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

function section(doc: PDFKit.PDFDocument, title: string) {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.moveDown(0.8).fontSize(12).fillColor(BRAND).text(title, MARGIN, doc.y);
  doc.moveDown(0.2).fillColor('#000');
}

function line(doc: PDFKit.PDFDocument, label: string, value: string) {
  const width = doc.page.width - 2 * MARGIN;
  doc.fontSize(9.5).fillColor(MUTED).text(`${label}：`, MARGIN, doc.y, { continued: true, width });
  doc.fillColor('#000').text(value, { width });
}

/** Each record as a block of label/value lines with a rule between records; "无" when none. */
function records(doc: PDFKit.PDFDocument, rows: [string, string][][]) {
  if (rows.length === 0) {
    doc.fontSize(9.5).fillColor(MUTED).text('无', MARGIN, doc.y);
    return;
  }
  const width = doc.page.width - 2 * MARGIN;
  rows.forEach((fields, i) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc
      .fontSize(9)
      .fillColor(MUTED)
      .text(`第 ${i + 1} 条`, MARGIN, doc.y);
    for (const [label, value] of fields) line(doc, label, value);
    doc.moveDown(0.3);
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.5)
      .strokeColor('#cbd5e1')
      .stroke();
    doc.moveDown(0.3);
  });
}

function drawFooters(doc: PDFKit.PDFDocument, report: IssuedReport) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 16;
    // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${report.reportNumber} · 验证码 ${report.verificationCode} · 第 ${i + 1} 页，共 ${range.count} 页`,
        MARGIN,
        y,
        {
          width: doc.page.width - 2 * MARGIN,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
}
