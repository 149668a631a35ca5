'use server';

import { headers } from 'next/headers';
import { MAX_REPORT_PDF_BYTES } from '@/server/reports/fields';
import { verifyReportPdf, type PdfVerdict } from '@/server/reports/service';
import { clientIpFrom } from '@/server/rate-limit/service';
import { createContext } from '@/server/trpc';
import { z } from '@/server/validation';

export interface PdfCheckState {
  /** What is wrong with the upload itself (shown beside the file field). */
  error?: string;
  verdict?: PdfVerdict;
}

const upload = z
  .instanceof(File, { message: '请选择要核验的 PDF 文件' })
  .refine((f) => f.size > 0, '请选择要核验的 PDF 文件')
  .refine((f) => f.size <= MAX_REPORT_PDF_BYTES, '文件超过 10 MB，不是本平台出具的信用报告，请选择下载的 PDF 文件')
  .refine(
    (f) => f.type === 'application/pdf' || f.type === '' || /\.pdf$/i.test(f.name),
    '只能上传 PDF 文件（.pdf），请选择从本平台下载的信用报告',
  );

/** /verify's upload: the PDF in, whether its signature and digest are the portal's out. Works without JavaScript. */
export async function verifyPdfAction(_prev: PdfCheckState, form: FormData): Promise<PdfCheckState> {
  const parsed = upload.safeParse(form.get('pdf'));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? '请选择要核验的 PDF 文件' };
  const bytes = Buffer.from(await parsed.data.arrayBuffer());
  const { db } = await createContext();
  return { verdict: await verifyReportPdf(db, bytes, clientIpFrom(await headers())) };
}
