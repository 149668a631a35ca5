// What the public application forms accept (no imports: next.config.ts reads it too).

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
/** Room for the form's text fields and multipart framing beside the attachments. */
const FORM_MARGIN_BYTES = 2 * 1024 * 1024;
/** The largest form post accepted: 5 × 10 MB of attachments plus the fields. */
export const MAX_FORM_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + FORM_MARGIN_BYTES;

const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * What is wrong with the chosen files, told before they are sent (the form's script; the
 * server checks the content again): too many, too big, or not PDF/JPG/PNG by their type.
 */
export function chosenFilesProblem(files: readonly { name: string; size: number; type: string }[]): string | null {
  if (files.length > MAX_ATTACHMENTS) return `最多上传 ${MAX_ATTACHMENTS} 个附件，您选择了 ${files.length} 个。`;
  const problems = files.flatMap((f) => {
    if (f.size > MAX_ATTACHMENT_BYTES) return [`文件“${f.name}”超过 10 MB，请压缩或拆分后重新选择。`];
    if (f.type && !ALLOWED_TYPES.includes(f.type)) return [`文件“${f.name}”不是 PDF、JPG 或 PNG 文件。`];
    return [];
  });
  return problems.length ? problems.join(' ') : null;
}
