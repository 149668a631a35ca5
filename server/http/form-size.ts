import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_IMPORT_BYTES } from '../api/limits';
import { MAX_FORM_BYTES } from '../applications/limits';

// A form post larger than its form accepts (5 × 10 MB of attachments and the fields; an
// import file of 200 MB in the back office) is answered with a Chinese page before Next reads
// it; Next would otherwise reset the connection or answer in English. The body is read to its
// end and discarded first, so the browser, still sending, sees the page instead of a reset.

/** The back office's import upload (a route handler that reads the file itself). */
export const IMPORT_UPLOAD_PATH = '/admin/imports/upload';

const isImportUpload = (url: string | undefined) => (url ?? '').split('?')[0] === IMPORT_UPLOAD_PATH;

export function isOversizedFormPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url?.startsWith('/api/')) return false;
  const length = Number(req.headers['content-length']);
  const limit = isImportUpload(req.url) ? MAX_IMPORT_BYTES + 1024 * 1024 : MAX_FORM_BYTES;
  return Number.isFinite(length) && length > limit;
}

const page = (advice: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>提交的内容太大 - 信用乐山</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<main><h1>提交的内容太大</h1>
<p>${advice}</p>
<p><a href="/">返回首页</a></p></main></body></html>`;
const FORM_PAGE = page(
  '附件每个不能超过 10 MB，最多 5 个。请点击浏览器的“后退”返回表单，删除或压缩较大的附件后重新提交；您填写的其他内容通常仍保留在表单中。',
);
const IMPORT_PAGE = page(
  `导入文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。请拆分为几个文件后分别导入，或通过数据接口报送。`,
);

export function refuseOversizedForm(req: IncomingMessage, res: ServerResponse): void {
  const send = () => {
    if (res.headersSent) return;
    res.writeHead(413, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
    });
    res.end(isImportUpload(req.url) ? IMPORT_PAGE : FORM_PAGE);
  };
  req.on('end', send);
  req.on('error', () => res.destroy());
  req.resume();
}
