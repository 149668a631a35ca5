import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '../webhooks/events';
import { REPLAY_WINDOW_SECONDS } from '../webhooks/signature';

// The OpenAPI parts of joint-action coordination: POST /api/v1/feedback, its schemas, and the
// webhook events (OpenAPI 3.1 `webhooks`). server/api/openapi.ts spreads these in.

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const coordinationPaths: Json = {
  '/api/v1/feedback': {
    post: {
      tags: ['报送'],
      operationId: 'postFeedback',
      summary: '反馈联合奖惩措施的实施情况（针对协同任务或信用核查）',
      description:
        '承办部门针对协同任务（task_id）反馈措施实施情况；审批系统在信用核查（GET …/credit-check 返回的 check_id）后反馈其决定（如不予许可、容缺受理、绿色通道）。' +
        '措施只能是任务或核查结果载明的目录措施；其他部门的任务或核查返回 403；相同 Idempotency-Key 与相同内容的重复请求返回首次的结果（200，Idempotent-Replayed: true）。',
      security: [{ apiKey: [] }],
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: '8–100 个可见 ASCII 字符，重试时保持不变（例如 UUID）',
          schema: { type: 'string', minLength: 8, maxLength: 100 },
          example: '6f1c2a9e-3b7d-4e21-9a55-0c8f1d2e3a4b',
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: ref('FeedbackRequest'),
            examples: {
              creditCheck: {
                summary: '审批系统：核查后不予许可',
                value: {
                  check_id: 1,
                  measure: 'CJ-001',
                  outcome: 'applied',
                  decision: '不予许可',
                  applied_on: '2026-12-01',
                  document_number: '乐市监审〔2026〕101号',
                },
              },
              task: {
                summary: '承办部门：任务措施不适用',
                value: {
                  task_id: 1,
                  measure: 'CJ-001',
                  outcome: 'not_applicable',
                  reason: '该主体未在本部门办理相关业务',
                  applied_on: '2026-12-01',
                  document_number: '无',
                },
              },
            },
          },
        },
      },
      responses: {
        '201': { description: '已记录', content: { 'application/json': { schema: ref('Feedback') } } },
        '200': {
          description: '重复请求：返回首次记录的结果',
          content: { 'application/json': { schema: ref('Feedback') } },
        },
        '400': problem('请求参数有误，或措施不在任务/核查结果载明的目录措施之内'),
        '401': problem('缺少或无效的 API 密钥'),
        '403': problem('任务或核查属于其他部门'),
        '404': problem('没有该任务或核查'),
        '409': problem('幂等键已用于不同内容，或任务已暂停/终止'),
        '415': problem('不支持的内容类型'),
        '429': problem('请求过于频繁'),
      },
    },
  },
};

export const coordinationSchemas: Json = {
  FeedbackRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['measure', 'outcome', 'applied_on', 'document_number'],
    properties: {
      task_id: { type: 'integer', description: '协同任务编号（与 check_id 二选一）' },
      check_id: { type: 'integer', description: '信用核查编号（GET …/credit-check 返回的 check_id）' },
      measure: { type: 'string', description: '联合奖惩目录措施编号' },
      outcome: {
        type: 'string',
        enum: ['applied', 'not_applicable'],
        description: 'applied 已实施；not_applicable 不适用（须写明 reason）',
      },
      decision: { type: ['string', 'null'], description: '审批决定，如 不予许可、容缺受理、绿色通道' },
      applied_on: { type: 'string', format: 'date' },
      document_number: { type: 'string', description: '本部门的文书号或审批编号' },
      reason: { type: ['string', 'null'] },
    },
  },
  Feedback: {
    type: 'object',
    required: [
      'id',
      'task_id',
      'check_id',
      'measure',
      'measure_name',
      'outcome',
      'applied_on',
      'document_number',
      'recorded_at',
    ],
    properties: {
      id: { type: 'integer' },
      task_id: { type: ['integer', 'null'] },
      check_id: { type: ['integer', 'null'] },
      measure: { type: 'string' },
      measure_name: { type: 'string' },
      outcome: { type: 'string', enum: ['applied', 'not_applicable'] },
      decision: { type: ['string', 'null'] },
      applied_on: { type: 'string', format: 'date' },
      document_number: { type: 'string' },
      reason: { type: ['string', 'null'] },
      recorded_at: { type: 'string', format: 'date-time' },
    },
  },
  WebhookEvent: {
    type: 'object',
    description:
      `POST 到订阅地址的事件。请求头 X-Credit-Signature: t=<秒级时间戳>,v1=<HMAC-SHA256(密钥, 时间戳 + "." + 请求体) 的十六进制>；` +
      `请拒绝 ${REPLAY_WINDOW_SECONDS} 秒以外的时间戳。X-Credit-Event-Id 与 body.id 相同，重复送达时不变，请据此去重。2xx 视为送达，其他结果按指数退避重试 24 小时。`,
    required: ['id', 'type', 'occurred_at', 'data'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      type: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] },
      occurred_at: { type: 'string', format: 'date-time' },
      data: {
        type: 'object',
        properties: {
          subject: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              kind: { type: 'string' },
              name: { type: 'string', description: '自然人姓名已脱敏' },
              uscc: { type: ['string', 'null'] },
            },
          },
          list_entry: { type: 'object', description: 'list_entry.* 事件：名单条目及其目录措施' },
          penalty: { type: 'object', description: 'penalty.* 事件：行政处罚' },
          task: { type: 'object', description: 'task.* 事件：协同任务（仅推送给承办部门的订阅）' },
        },
      },
    },
  },
};

/** OpenAPI 3.1 `webhooks`: one entry per event type. */
export const coordinationWebhooks: Json = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((type) => [
    type,
    {
      post: {
        summary: WEBHOOK_EVENT_LABELS[type],
        operationId: `webhook_${type.replace('.', '_')}`,
        parameters: [
          { name: 'X-Credit-Signature', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'X-Credit-Event-Id', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'X-Credit-Event-Type', in: 'header', required: true, schema: { type: 'string', const: type } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('WebhookEvent') } } },
        responses: { '2XX': { description: '已接收（其他状态码或超时将重试）' } },
      },
    },
  ]),
);
