import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_ATTACHMENT_BYTES } from './limits';
import type { RepairMaterial } from '../rules/repair-materials';

// Attachments are kept in PostgreSQL (server/files/store.ts) with their application, in the
// same transaction; only the staff download route reads them. The type comes from the
// bytes, never the file name.

export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './limits';
const ALLOWED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ALLOWED)[number];

export interface CheckedAttachment {
  fileName: string;
  bytes: Uint8Array;
  mediaType: AttachmentMediaType;
  sha256: string;
  /** Which required repair material the file is, when the form said so. */
  material?: RepairMaterial;
}

/** The Chinese problem with one file, or its checked form. */
export async function checkAttachment(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ ok: true; file: CheckedAttachment } | { ok: false; message: string }> {
  const name = path.basename(fileName).slice(0, 200) || '附件';
  if (bytes.byteLength === 0) return { ok: false, message: `文件“${name}”是空文件。` };
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, message: `文件“${name}”超过 10 MB。` };
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(ALLOWED as readonly string[]).includes(type.mime)) {
    return { ok: false, message: `文件“${name}”不是 PDF、JPG 或 PNG 文件（按文件内容判断）。` };
  }
  return {
    ok: true,
    file: {
      fileName: name,
      bytes,
      mediaType: type.mime as AttachmentMediaType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}
