import type { ApiContext } from '../api/service';
import { ApiError } from '../api/problem';
import { z } from '../validation';
import { CoordinationError, recordFeedback } from './service';

// POST /api/v1/feedback: a department's system reports what it did — per joint-action task
// (task_id) or after a credit check (check_id) — with an Idempotency-Key so a retry is safe.

const MAX_BODY = 16 * 1024;

export const feedbackSchema = z
  .object({
    task_id: z.number('task_id 应为整数').int().positive().optional(),
    check_id: z.number('check_id 应为整数').int().positive().optional(),
    measure: z.string('measure 应为目录编号').trim().min(1, 'measure 不能为空').max(40),
    outcome: z.enum(['applied', 'not_applicable'], 'outcome 应为 applied（已实施）或 not_applicable（不适用）'),
    decision: z.string().trim().max(200).nullable().optional(),
    applied_on: z.iso.date('applied_on 应为 YYYY-MM-DD 日期'),
    document_number: z
      .string('document_number 应为文书号或审批编号')
      .trim()
      .min(1, 'document_number 不能为空')
      .max(100),
    reason: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

export async function postFeedback(ctx: ApiContext) {
  const key = ctx.key!;
  const idempotencyKey = ctx.request.headers.get('idempotency-key')?.trim() ?? '';
  if (!/^[\x21-\x7e]{8,100}$/.test(idempotencyKey))
    throw new ApiError(400, 'Idempotency-Key 请求头必填：8–100 个可见 ASCII 字符（例如 UUID），重试时保持不变', {
      parameter: 'Idempotency-Key',
    });
  if (!(ctx.request.headers.get('content-type') ?? '').includes('application/json'))
    throw new ApiError(415, '请以 application/json 提交，格式见 /api/v1/docs');
  const raw = Buffer.from(await ctx.request.arrayBuffer());
  if (raw.length > MAX_BODY) throw new ApiError(413, '请求内容超过 16 KB 上限');
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, '请求体不是有效的 JSON', { parameter: 'body' });
  }
  const parsed = feedbackSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const parameter = issue.path.join('.') || 'body';
    throw new ApiError(400, `参数 ${parameter}：${issue.message}`, { parameter });
  }
  const b = parsed.data;
  try {
    const result = await recordFeedback(
      ctx.db,
      {
        departmentId: key.departmentId,
        actor: { type: 'api', id: `key:${key.keyId}`, label: `${key.departmentName}（API）` },
      },
      {
        ...(b.task_id === undefined ? {} : { taskId: b.task_id }),
        ...(b.check_id === undefined ? {} : { checkId: b.check_id }),
        measure: b.measure,
        outcome: b.outcome,
        decision: b.decision ?? null,
        appliedOn: b.applied_on,
        documentNumber: b.document_number,
        reason: b.reason ?? null,
        idempotencyKey,
      },
      ctx.today,
    );
    return new Response(JSON.stringify(result.feedback), {
      status: result.replayed ? 200 : 201,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}),
      },
    });
  } catch (err) {
    if (err instanceof CoordinationError) throw new ApiError(err.status, err.message);
    throw err;
  }
}
