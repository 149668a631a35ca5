import { attachmentDisposition } from '@/server/csv/writer';
import { parseFilters, type DisclosureKind, type RawQuery } from '@/server/disclosures/filters';
import { exportDisclosures } from '@/server/disclosures/service';
import { createContext } from '@/server/trpc';

const FILE_NAMES: Record<DisclosureKind, { ascii: string; chinese: string }> = {
  licensing: { ascii: 'leshan-licensing', chinese: '乐山市行政许可公示' },
  penalty: { ascii: 'leshan-penalties', chinese: '乐山市行政处罚公示' },
};

function badRequest(messages: string[]): Response {
  return new Response(`下载失败：${messages.join('；')}\n请返回列表页修改筛选条件后重试。\n`, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** GET handler of /disclosures/<kind>/export.csv: the filtered list as a CSV file, streamed. */
export function csvExportHandler(kind: DisclosureKind) {
  return async function GET(request: Request): Promise<Response> {
    const params = new URL(request.url).searchParams;
    const raw: RawQuery = {};
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
    const parsed = parseFilters(kind, raw);
    // The same filters and order as the list; a wrong sort is refused here (a file has no notice box).
    const filterErrors = parsed.errors.filter((e) => e.field !== 'page');
    if (filterErrors.length) return badRequest(filterErrors.map((e) => e.message));

    const ctx = await createContext();
    const result = await exportDisclosures(ctx.db, ctx.today, kind, parsed.filters, { sort: parsed.sort });
    if (!('lines' in result)) return badRequest(result.errors.map((e) => e.message));

    const encoder = new TextEncoder();
    const lines = result.lines[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return?.(undefined);
      },
    });
    const name = FILE_NAMES[kind];
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachmentDisposition(
          `${name.ascii}-${ctx.today}.csv`,
          `${name.chinese}-${ctx.today}.csv`,
        ),
        'X-Total-Count': String(result.total),
        'X-Export-Rows': String(result.rows),
        'X-Export-Truncated': String(result.truncated),
        'Cache-Control': 'no-store',
      },
    });
  };
}
