import { TRPCError } from '@trpc/server';
import { errorPage } from '@/server/http/request-guard';
import { staffFromForm } from '../../_lib/session';

export const dynamic = 'force-dynamic';

// The upload is a plain multipart POST (works without JavaScript) to a route handler, not a
// Server Action, whose 1 MB body limit would refuse a department's file. The preview runs
// here; the page then shows it by its number (Post/Redirect/Get).
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // Not a multipart or urlencoded body, or a broken one: the client's fault, said in Chinese.
    return new Response(errorPage(400, '上传的内容无法识别：请在“数据导入”页面选择文件后重新上传。'), {
      status: 400,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const { caller } = await staffFromForm(form);
  const file = form.get('file');
  const dept = String(form.get('departmentId') ?? '').trim();
  // A relative Location: request.url names the internal host behind a proxy, whose cookies differ.
  const back = (query: string) => new Response(null, { status: 303, headers: { location: `/admin/imports?${query}` } });
  if (!(file instanceof File) || file.size === 0) return back(`error=${encodeURIComponent('请选择要导入的文件。')}`);
  try {
    const { importId } = await caller.imports.preview({
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      departmentId: dept ? Number(dept) : null,
    });
    return back(`id=${importId}`);
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    return back(`error=${encodeURIComponent(err.message.slice(0, 300))}`);
  }
}
