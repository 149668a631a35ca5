import { publishedFields, type RecordKind } from '../standard/fields';
import { RECORD_STATUS_LABELS } from '../rules/codes';
import { MAX_PUSH_RECORDS, RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS } from './limits';
import { PARAMS, type ParamName } from './params';
import { PROBLEM_TYPES } from './problem';
import { coordinationPaths, coordinationSchemas, coordinationWebhooks } from '../coordination/openapi';
import { NO_EXAMPLES, usccExamples, type ApiExamples } from './examples';

// The OpenAPI 3.1 document of /api/v1, written once as a typed object. Query parameters come
// from the same table the handlers validate with (params.ts); record fields from the one table
// of the standard's fields (server/standard/fields.ts). The docs page and the generated client both read this.

type Json = Record<string, unknown>;

const nullableString = { type: ['string', 'null'] };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function standardRecord(kind: RecordKind, extra: Json): Json {
  const properties: Json = { id: { type: 'integer' } };
  for (const f of publishedFields(kind)) {
    properties[f.code] = { ...(f.required ? { type: 'string' } : nullableString), description: f.label };
  }
  return {
    type: 'object',
    required: [
      'id',
      ...publishedFields(kind)
        .filter((f) => f.required)
        .map((f) => f.code),
      ...Object.keys(extra),
    ],
    properties: { ...properties, ...extra },
  };
}

const pageOf = (item: string) => ({
  type: 'object',
  required: ['data', 'next_cursor'],
  properties: {
    data: { type: 'array', items: ref(item) },
    next_cursor: { ...nullableString, description: '下一页游标；为 null 表示已是最后一页' },
  },
});

const problems = (...codes: (keyof typeof PROBLEM_TYPES)[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: PROBLEM_TYPES[c].title,
        content: { 'application/problem+json': { schema: ref('Problem') } },
        ...(c === 429
          ? { headers: { 'Retry-After': { description: '多少秒后可重试', schema: { type: 'integer' } } } }
          : {}),
      },
    ]),
  );

/**
 * The errors of an operation anyone may call. A key is optional there, but one that is sent is
 * checked: a wrong key is 401, a revoked key 403, and too many wrong keys from one address 429.
 */
const publicProblems = (...codes: (keyof typeof PROBLEM_TYPES)[]) => ({
  ...problems(...codes, 429),
  '401': { ...problems(401)['401'], description: '携带的 API 密钥无效（本接口无需密钥；若携带则必须有效）' },
  '403': { ...problems(403)['403'], description: '携带的 API 密钥已被吊销' },
  '429': { ...problems(429)['429'], description: '请求过于频繁，或本地址 API 密钥错误次数过多' },
});

const ok = (schema: Json, description = '成功') => ({
  '200': { description, content: { 'application/json': { schema } } },
});

const query = (names: readonly ParamName[]) =>
  names.map((name) => {
    const spec = PARAMS[name];
    const isArray = (spec.json as { type?: string }).type === 'array';
    return {
      name,
      in: 'query',
      required: false,
      description: spec.description,
      schema: spec.json,
      ...(isArray ? { style: 'form', explode: true } : {}),
      ...('example' in spec && spec.example ? { example: isArray ? [spec.example] : spec.example } : {}),
    };
  });

const usccPath = (examples: ApiExamples) => ({
  name: 'uscc',
  in: 'path',
  required: true,
  description:
    '18 位统一社会信用代码（校验位错误时返回 400 并说明应为何字符；本平台没有该主体时返回 404，不表示“无不良记录”，见 /api/v1/docs/credit-check）',
  schema: { type: 'string' },
  examples: usccExamples(examples),
});

const LIST = ['department', 'year', 'changed_since', 'cursor', 'limit'] as const;

/** The document; `examples` are subjects of this portal's data (server/api/examples.ts). */
export function openApiDocument(examples: ApiExamples = NO_EXAMPLES): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: '信用乐山 数据接口',
      version: '1.0.0',
      description:
        `乐山市公共信用信息服务平台的查询与报送接口。只返回当日公示中的信息，自然人姓名与证件号码均已脱敏。` +
        `每个 API 密钥（无密钥时每个来源地址）每 ${RATE_LIMIT_WINDOW_SECONDS / 60} 分钟最多 ${RATE_LIMIT_REQUESTS} 次请求。` +
        `错误以 application/problem+json 返回，detail 为中文说明。`,
    },
    servers: [{ url: '/' }],
    tags: [
      { name: '查询', description: '公开信息查询，无需密钥' },
      { name: '报送', description: '部门系统报送，需部门 API 密钥' },
    ],
    paths: {
      '/api/v1/search': {
        get: {
          tags: ['查询'],
          operationId: 'search',
          summary: '全文检索（含分面统计）',
          parameters: query([
            'q',
            'kind',
            'department',
            'year',
            'category',
            'severity',
            'list_type',
            'domain',
            'sort',
            'group',
            'page',
          ]),
          responses: { ...ok(ref('SearchResult')), ...publicProblems(400) },
        },
      },
      '/api/v1/subjects/{uscc}': {
        get: {
          tags: ['查询'],
          operationId: 'getSubject',
          summary: '信用主体及其公示中的信息',
          parameters: [usccPath(examples)],
          responses: { ...ok(ref('Subject')), ...publicProblems(400, 404) },
        },
      },
      '/api/v1/subjects/{uscc}/credit-check': {
        get: {
          tags: ['查询'],
          operationId: 'creditCheck',
          summary: '审批前信用核查：红黑名单状态、今日适用的奖惩措施及其依据',
          parameters: [usccPath(examples)],
          responses: { ...ok(ref('CreditCheck')), ...publicProblems(400, 404) },
        },
      },
      '/api/v1/penalties': {
        get: {
          tags: ['查询'],
          operationId: 'listPenalties',
          summary: '公示中的行政处罚（国家标准 CF_* 字段）',
          parameters: query(LIST),
          responses: { ...ok(pageOf('Penalty')), ...publicProblems(400) },
        },
      },
      '/api/v1/licensing': {
        get: {
          tags: ['查询'],
          operationId: 'listLicensing',
          summary: '行政许可（国家标准 XK_* 字段；过期许可标记 expired）',
          parameters: query(LIST),
          responses: { ...ok(pageOf('Licensing')), ...publicProblems(400) },
        },
      },
      '/api/v1/lists': {
        get: {
          tags: ['查询'],
          operationId: 'listListEntries',
          summary: '有效的红黑名单条目',
          parameters: query([...LIST, 'list_type']),
          responses: { ...ok(pageOf('ListEntry')), ...publicProblems(400) },
        },
      },
      '/api/v1/exposure-cases': {
        get: {
          tags: ['查询'],
          operationId: 'listExposureCases',
          summary: '已发布的曝光案例',
          parameters: query([...LIST, 'domain']),
          responses: { ...ok(pageOf('ExposureCase')), ...publicProblems(400) },
        },
      },
      '/api/v1/catalog': {
        get: {
          tags: ['查询'],
          operationId: 'listCatalog',
          summary: '联合奖惩措施目录',
          parameters: query(['catalog_kind', 'domain', 'changed_since', 'cursor', 'limit']),
          responses: { ...ok(pageOf('CatalogItem')), ...publicProblems(400) },
        },
      },
      '/api/v1/removals': {
        get: {
          tags: ['查询'],
          operationId: 'listRemovals',
          summary: '自某时刻起不再公示的记录（撤销、修复、公示期满、名单到期），供保存副本的系统删除',
          parameters: query(['changed_since', 'limit']).map((p) =>
            p.name === 'changed_since' ? { ...p, required: true } : p,
          ),
          responses: {
            ...ok({
              type: 'object',
              required: ['data', 'truncated'],
              properties: {
                data: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['kind', 'id', 'removed_at'],
                    properties: {
                      kind: { type: 'string', enum: ['penalty', 'licensing', 'list_entry'] },
                      id: { type: 'integer' },
                      removed_at: { type: 'string' },
                    },
                  },
                },
                truncated: {
                  type: 'boolean',
                  description: '为 true 时请以最后一条的 removed_at 作为新的 changed_since 继续获取',
                },
              },
            }),
            ...publicProblems(400),
          },
        },
      },
      '/api/v1/disclosures': {
        post: {
          tags: ['报送'],
          operationId: 'pushDisclosures',
          summary: '部门报送双公示信息（与文件导入相同的校验与幂等规则）',
          security: [{ apiKey: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('PushRequest') } } },
          responses: { ...ok(ref('PushResult'), '逐条结果'), ...problems(400, 401, 403, 413, 415, 429, 503) },
        },
      },
      ...coordinationPaths,
    },
    webhooks: coordinationWebhooks,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: '部门 API 密钥：Authorization: Bearer <密钥>' },
      },
      schemas: {
        ...coordinationSchemas,
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string', description: '中文说明' },
            parameter: { type: 'string', description: '出错的参数名（400）' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['parameter', 'detail'],
                properties: { parameter: { type: 'string' }, detail: { type: 'string' } },
              },
            },
          },
        },
        Penalty: standardRecord('penalty', {
          suspended: { type: 'boolean', description: RECORD_STATUS_LABELS.suspended },
          earliest_repair_on: {
            type: ['string', 'null'],
            format: 'date',
            description:
              '最早可申请信用修复（最短公示期满）的日期；异议、投诉处理期间暂停的天数已顺延。不得提前修复的处罚为 null',
          },
          repairable_early: {
            type: 'boolean',
            description: '能否在公示截止期前申请信用修复；false 表示须公示期满后自动停止公示（SPEC §4）',
          },
          severity: { type: 'string', enum: ['minor', 'general', 'serious'] },
          department: { type: 'string', description: '报送部门代码' },
          updated_at: { type: 'string', description: '最后变更时间（UTC）' },
        }),
        Licensing: standardRecord('licensing', {
          expired: { type: 'boolean', description: '已过有效期至' },
          suspended: { type: 'boolean' },
          department: { type: 'string' },
          updated_at: { type: 'string' },
        }),
        ListEntry: {
          type: 'object',
          required: [
            'id',
            'list_type',
            'subject_name',
            'decision_number',
            'listed_on',
            'valid_until',
            'suspended',
            'updated_at',
          ],
          properties: {
            id: { type: 'integer' },
            list_type: { type: 'string', enum: ['honor', 'dishonesty'] },
            list_type_label: { type: 'string' },
            subject_name: { type: 'string' },
            uscc: nullableString,
            department: { type: 'string' },
            department_name: { type: 'string' },
            decision_number: { type: 'string' },
            basis: { type: 'string' },
            reason: { type: 'string' },
            domain: nullableString,
            listed_on: { type: 'string' },
            valid_until: { type: 'string' },
            suspended: { type: 'boolean' },
            updated_at: { type: 'string' },
          },
        },
        ExposureCase: {
          type: 'object',
          required: ['id', 'title', 'domain', 'subject_name', 'summary', 'body', 'updated_at'],
          properties: {
            id: { type: 'integer' },
            title: { type: 'string' },
            domain: { type: 'string' },
            subject_name: { type: 'string' },
            uscc: nullableString,
            department: nullableString,
            summary: { type: 'string' },
            body: { type: 'string' },
            published_on: nullableString,
            updated_at: { type: 'string' },
          },
        },
        CatalogItem: {
          type: 'object',
          required: ['id', 'code', 'kind', 'measure', 'content', 'updated_at'],
          properties: {
            id: { type: 'integer' },
            code: { type: 'string' },
            kind: { type: 'string', enum: ['incentive', 'punishment'] },
            deciding_unit: { type: 'string' },
            measure: { type: 'string' },
            reason: { type: 'string' },
            legal_basis: { type: 'string' },
            implementing_units: { type: 'string' },
            content: { type: 'string' },
            evidence: { type: 'string' },
            domain: nullableString,
            updated_at: { type: 'string' },
          },
        },
        Subject: {
          type: 'object',
          required: ['uscc', 'name', 'kind', 'penalties', 'licensing', 'list_entries'],
          properties: {
            uscc: { type: 'string' },
            name: { type: 'string' },
            kind: { type: 'string', enum: ['legal_person', 'individual_business'] },
            kind_label: { type: 'string' },
            registration_number: nullableString,
            legal_representative: nullableString,
            division_code: nullableString,
            division_name: nullableString,
            industry: nullableString,
            address: nullableString,
            established_on: nullableString,
            registration_status: { type: 'string' },
            penalties: { type: 'array', items: ref('Penalty') },
            licensing: { type: 'array', items: ref('Licensing') },
            list_entries: { type: 'array', items: ref('ListEntry') },
          },
        },
        CreditCheck: {
          type: 'object',
          required: [
            'check_id',
            'uscc',
            'name',
            'checked_on',
            'status',
            'status_label',
            'measures',
            'list_entries',
            'penalties',
            'suspended_penalties',
          ],
          properties: {
            check_id: {
              type: 'integer',
              description: '本次核查的编号：审批系统据此以 POST /api/v1/feedback 反馈其决定',
            },
            uscc: { type: 'string' },
            name: { type: 'string' },
            checked_on: { type: 'string', description: '核查日期（北京时间）' },
            status: {
              type: 'string',
              enum: ['dishonesty', 'suspended', 'honor', 'none'],
              description:
                'dishonesty 失信联合惩戒对象；suspended 异议处理中、惩戒暂停；honor 守信红名单；none 均未列入',
            },
            status_label: { type: 'string' },
            measures: {
              type: 'array',
              description: '今日应实施的目录措施',
              items: {
                type: 'object',
                required: ['code', 'kind', 'measure', 'content', 'list_entry_id'],
                properties: {
                  code: { type: 'string' },
                  kind: { type: 'string', enum: ['incentive', 'punishment'] },
                  measure: { type: 'string' },
                  content: { type: 'string' },
                  implementing_units: { type: 'string' },
                  legal_basis: { type: 'string' },
                  list_entry_id: { type: 'integer' },
                },
              },
            },
            list_entries: { type: 'array', items: ref('ListEntry'), description: '措施所依据的名单条目' },
            penalties: { type: 'array', items: ref('Penalty'), description: '名单条目所依据的行政处罚' },
            suspended_penalties: { type: 'integer', description: '异议处理中的行政处罚数' },
          },
        },
        SearchResult: {
          type: 'object',
          required: ['total', 'page', 'page_size', 'hits', 'facets'],
          properties: {
            total: { type: 'integer' },
            total_is_exact: { type: 'boolean' },
            page: { type: 'integer' },
            page_size: { type: 'integer' },
            page_count: { type: 'integer' },
            group_count: {
              type: 'integer',
              description: 'group=subject 时：匹配结果合成的分组数（主体及单独成项的结果）',
            },
            notice: nullableString,
            code: { description: '查询词是统一社会信用代码时的识别结果' },
            hits: {
              type: 'array',
              items: {
                type: 'object',
                required: ['kind', 'id', 'title'],
                properties: {
                  kind: { type: 'string' },
                  id: { type: 'integer' },
                  subject_id: { type: ['integer', 'null'] },
                  title: { type: 'string' },
                  subtitle: nullableString,
                  document_number: nullableString,
                  department_name: nullableString,
                  date: nullableString,
                  badges: { type: 'array', items: { type: 'string' } },
                  href: { type: 'string' },
                  collapsed: {
                    description: 'group=subject 时：同一主体其他匹配结果按类别的条数',
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['kind', 'count'],
                      properties: { kind: { type: 'string' }, count: { type: 'integer' }, href: nullableString },
                    },
                  },
                },
              },
            },
            facets: {
              type: 'object',
              additionalProperties: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['value', 'label', 'count'],
                  properties: { value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } },
                },
              },
            },
          },
        },
        PushRequest: {
          type: 'object',
          required: ['kind', 'records'],
          properties: {
            kind: { type: 'string', enum: ['licensing', 'penalty'] },
            dry_run: { type: 'boolean', description: '只校验不写入' },
            records: {
              type: 'array',
              minItems: 1,
              maxItems: MAX_PUSH_RECORDS,
              description:
                '以国家标准字段代码为键的记录（XK_* 或 CF_*），日期可写 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD，金额单位为万元',
              items: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } },
            },
          },
        },
        PushResult: {
          type: 'object',
          required: ['import_id', 'dry_run', 'created', 'updated', 'unchanged', 'rejected', 'results'],
          properties: {
            import_id: { type: 'integer' },
            dry_run: { type: 'boolean' },
            created: { type: 'integer' },
            updated: { type: 'integer' },
            unchanged: { type: 'integer' },
            rejected: { type: 'integer' },
            results: {
              type: 'array',
              items: {
                type: 'object',
                required: ['index', 'status'],
                properties: {
                  index: { type: 'integer' },
                  status: { type: 'string', enum: ['created', 'updated', 'unchanged', 'rejected', 'valid'] },
                  id: { type: 'integer' },
                  document_number: { type: 'string' },
                  errors: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['field', 'message'],
                      properties: { field: nullableString, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
