// Generated from the OpenAPI document by scripts/openapi-types.ts; do not edit.
export interface paths {
  '/api/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 全文检索（含分面统计） */
    get: operations['search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/subjects/{uscc}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 信用主体及其公示中的信息 */
    get: operations['getSubject'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/subjects/{uscc}/credit-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 审批前信用核查：红黑名单状态、今日适用的奖惩措施及其依据 */
    get: operations['creditCheck'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/penalties': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 公示中的行政处罚（国家标准 CF_* 字段） */
    get: operations['listPenalties'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/licensing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 行政许可（国家标准 XK_* 字段；过期许可标记 expired） */
    get: operations['listLicensing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 有效的红黑名单条目 */
    get: operations['listListEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exposure-cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 已发布的曝光案例 */
    get: operations['listExposureCases'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 联合奖惩措施目录 */
    get: operations['listCatalog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/removals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 自某时刻起不再公示的记录（撤销、修复、公示期满、名单到期），供保存副本的系统删除 */
    get: operations['listRemovals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/disclosures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 部门报送双公示信息（与文件导入相同的校验与幂等规则） */
    post: operations['pushDisclosures'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 反馈联合奖惩措施的实施情况（针对协同任务或信用核查）
     * @description 承办部门针对协同任务（task_id）反馈措施实施情况；审批系统在信用核查（GET …/credit-check 返回的 check_id）后反馈其决定（如不予许可、容缺受理、绿色通道）。措施只能是任务或核查结果载明的目录措施；其他部门的任务或核查返回 403；相同 Idempotency-Key 与相同内容的重复请求返回首次的结果（200，Idempotent-Replayed: true）。
     */
    post: operations['postFeedback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  'list_entry.published': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 名单条目发布 */
    post: operations['webhook_list_entry_published'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'list_entry.suspended': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 名单条目暂停（异议处理中） */
    post: operations['webhook_list_entry_suspended'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'list_entry.resumed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 名单条目恢复 */
    post: operations['webhook_list_entry_resumed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'list_entry.removed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 名单条目移出 */
    post: operations['webhook_list_entry_removed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'list_entry.repaired': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 名单条目信用修复 */
    post: operations['webhook_list_entry_repaired'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'penalty.published': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 行政处罚公示 */
    post: operations['webhook_penalty_published'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'penalty.withdrawn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 行政处罚撤销 */
    post: operations['webhook_penalty_withdrawn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'penalty.repaired': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 行政处罚信用修复 */
    post: operations['webhook_penalty_repaired'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'task.created': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 协同任务下达（仅本部门） */
    post: operations['webhook_task_created'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'task.overdue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 协同任务逾期（仅本部门） */
    post: operations['webhook_task_overdue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    FeedbackRequest: {
      /** @description 协同任务编号（与 check_id 二选一） */
      task_id?: number;
      /** @description 信用核查编号（GET …/credit-check 返回的 check_id） */
      check_id?: number;
      /** @description 联合奖惩目录措施编号 */
      measure: string;
      /**
       * @description applied 已实施；not_applicable 不适用（须写明 reason）
       * @enum {string}
       */
      outcome: 'applied' | 'not_applicable';
      /** @description 审批决定，如 不予许可、容缺受理、绿色通道 */
      decision?: string | null;
      /** Format: date */
      applied_on: string;
      /** @description 本部门的文书号或审批编号 */
      document_number: string;
      reason?: string | null;
    };
    Feedback: {
      id: number;
      task_id: number | null;
      check_id: number | null;
      measure: string;
      measure_name: string;
      /** @enum {string} */
      outcome: 'applied' | 'not_applicable';
      decision?: string | null;
      /** Format: date */
      applied_on: string;
      document_number: string;
      reason?: string | null;
      /** Format: date-time */
      recorded_at: string;
    };
    /** @description POST 到订阅地址的事件。请求头 X-Credit-Signature: t=<秒级时间戳>,v1=<HMAC-SHA256(密钥, 时间戳 + "." + 请求体) 的十六进制>；请拒绝 300 秒以外的时间戳。X-Credit-Event-Id 与 body.id 相同，重复送达时不变，请据此去重。2xx 视为送达，其他结果按指数退避重试 24 小时。 */
    WebhookEvent: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type:
        | 'list_entry.published'
        | 'list_entry.suspended'
        | 'list_entry.resumed'
        | 'list_entry.removed'
        | 'list_entry.repaired'
        | 'penalty.published'
        | 'penalty.withdrawn'
        | 'penalty.repaired'
        | 'task.created'
        | 'task.overdue';
      /** Format: date-time */
      occurred_at: string;
      data: {
        subject?: {
          id?: number;
          kind?: string;
          /** @description 自然人姓名已脱敏 */
          name?: string;
          uscc?: string | null;
        };
        /** @description list_entry.* 事件：名单条目及其目录措施 */
        list_entry?: Record<string, never>;
        /** @description penalty.* 事件：行政处罚 */
        penalty?: Record<string, never>;
        /** @description task.* 事件：协同任务（仅推送给承办部门的订阅） */
        task?: Record<string, never>;
      };
    };
    Problem: {
      type: string;
      title: string;
      status: number;
      /** @description 中文说明 */
      detail: string;
      /** @description 出错的参数名（400） */
      parameter?: string;
      errors?: {
        parameter: string;
        detail: string;
      }[];
    };
    Penalty: {
      id: number;
      /** @description 行政相对人名称 */
      CF_XDR_MC: string;
      /** @description 行政相对人类别 */
      CF_XDR_LB: string;
      /** @description 统一社会信用代码 */
      CF_XDR_SHXYM?: string | null;
      /** @description 工商注册号 */
      CF_XDR_GSZC?: string | null;
      /** @description 组织机构代码 */
      CF_XDR_ZZJG?: string | null;
      /** @description 税务登记号 */
      CF_XDR_SWDJ?: string | null;
      /** @description 事业单位证书号 */
      CF_XDR_SYDW?: string | null;
      /** @description 社会组织登记证号 */
      CF_XDR_SHZZ?: string | null;
      /** @description 法定代表人 */
      CF_FRDB?: string | null;
      /** @description 法定代表人证件类型 */
      CF_FR_ZJLX?: string | null;
      /** @description 法定代表人证件号码 */
      CF_FR_ZJHM?: string | null;
      /** @description 证件类型 */
      CF_XDR_ZJLX?: string | null;
      /** @description 证件号码 */
      CF_XDR_ZJHM?: string | null;
      /** @description 行政处罚决定书文号 */
      CF_WSH: string;
      /** @description 违法行为类型 */
      CF_WFXW: string;
      /** @description 违法事实 */
      CF_SY: string;
      /** @description 处罚依据 */
      CF_YJ: string;
      /** @description 处罚类别 */
      CF_CFLB: string;
      /** @description 处罚内容 */
      CF_NR: string;
      /** @description 罚款金额（万元） */
      CF_NR_FK?: string | null;
      /** @description 没收金额（万元） */
      CF_NR_WFFF?: string | null;
      /** @description 暂扣或吊销证照名称及编号 */
      CF_NR_ZKDX?: string | null;
      /** @description 处罚决定日期 */
      CF_JDRQ: string;
      /** @description 处罚有效期 */
      CF_YXQ: string;
      /** @description 公示截止期 */
      CF_GSJZQ?: string | null;
      /** @description 处罚机关 */
      CF_CFJG: string;
      /** @description 处罚机关代码 */
      CF_CFJGDM: string;
      /** @description 数据来源单位 */
      CF_SJLY: string;
      /** @description 数据来源单位代码 */
      CF_SJLYDM: string;
      /** @description 备注 */
      BZ?: string | null;
      /** @description 异议处理中 */
      suspended: boolean;
      /**
       * Format: date
       * @description 最早可申请信用修复（最短公示期满）的日期；异议、投诉处理期间暂停的天数已顺延。不得提前修复的处罚为 null
       */
      earliest_repair_on: string | null;
      /** @description 能否在公示截止期前申请信用修复；false 表示须公示期满后自动停止公示（SPEC §4） */
      repairable_early: boolean;
      /** @enum {string} */
      severity: 'minor' | 'general' | 'serious';
      /** @description 报送部门代码 */
      department: string;
      /** @description 最后变更时间（UTC） */
      updated_at: string;
    };
    Licensing: {
      id: number;
      /** @description 行政相对人名称 */
      XK_XDR_MC: string;
      /** @description 行政相对人类别 */
      XK_XDR_LB: string;
      /** @description 统一社会信用代码 */
      XK_XDR_SHXYM?: string | null;
      /** @description 工商注册号 */
      XK_XDR_GSZC?: string | null;
      /** @description 组织机构代码 */
      XK_XDR_ZZJG?: string | null;
      /** @description 税务登记号 */
      XK_XDR_SWDJ?: string | null;
      /** @description 事业单位证书号 */
      XK_XDR_SYDW?: string | null;
      /** @description 社会组织登记证号 */
      XK_XDR_SHZZ?: string | null;
      /** @description 法定代表人 */
      XK_FRDB?: string | null;
      /** @description 法定代表人证件类型 */
      XK_FR_ZJLX?: string | null;
      /** @description 法定代表人证件号码 */
      XK_FR_ZJHM?: string | null;
      /** @description 证件类型 */
      XK_XDR_ZJLX?: string | null;
      /** @description 证件号码 */
      XK_XDR_ZJHM?: string | null;
      /** @description 行政许可决定文书名称 */
      XK_XKWS: string;
      /** @description 行政许可决定文书号 */
      XK_WSH: string;
      /** @description 许可类别 */
      XK_XKLB: string;
      /** @description 许可证书名称 */
      XK_XKZS?: string | null;
      /** @description 许可编号 */
      XK_XKBH?: string | null;
      /** @description 许可内容 */
      XK_NR: string;
      /** @description 许可决定日期 */
      XK_JDRQ: string;
      /** @description 有效期自 */
      XK_YXQZ: string;
      /** @description 有效期至 */
      XK_YXQZI: string;
      /** @description 许可机关 */
      XK_XKJG: string;
      /** @description 许可机关代码 */
      XK_XKJGDM: string;
      /** @description 当前状态 */
      XK_ZT: string;
      /** @description 数据来源单位 */
      XK_LYDW: string;
      /** @description 数据来源单位代码 */
      XK_LYDWDM: string;
      /** @description 备注 */
      BZ?: string | null;
      /** @description 已过有效期至 */
      expired: boolean;
      suspended: boolean;
      department: string;
      updated_at: string;
    };
    ListEntry: {
      id: number;
      /** @enum {string} */
      list_type: 'honor' | 'dishonesty';
      list_type_label?: string;
      subject_name: string;
      uscc?: string | null;
      department?: string;
      department_name?: string;
      decision_number: string;
      basis?: string;
      reason?: string;
      domain?: string | null;
      listed_on: string;
      valid_until: string;
      suspended: boolean;
      updated_at: string;
    };
    ExposureCase: {
      id: number;
      title: string;
      domain: string;
      subject_name: string;
      uscc?: string | null;
      department?: string | null;
      summary: string;
      body: string;
      published_on?: string | null;
      updated_at: string;
    };
    CatalogItem: {
      id: number;
      code: string;
      /** @enum {string} */
      kind: 'incentive' | 'punishment';
      deciding_unit?: string;
      measure: string;
      reason?: string;
      legal_basis?: string;
      implementing_units?: string;
      content: string;
      evidence?: string;
      domain?: string | null;
      updated_at: string;
    };
    Subject: {
      uscc: string;
      name: string;
      /** @enum {string} */
      kind: 'legal_person' | 'individual_business';
      kind_label?: string;
      registration_number?: string | null;
      legal_representative?: string | null;
      division_code?: string | null;
      division_name?: string | null;
      industry?: string | null;
      address?: string | null;
      established_on?: string | null;
      registration_status?: string;
      penalties: components['schemas']['Penalty'][];
      licensing: components['schemas']['Licensing'][];
      list_entries: components['schemas']['ListEntry'][];
    };
    CreditCheck: {
      /** @description 本次核查的编号：审批系统据此以 POST /api/v1/feedback 反馈其决定 */
      check_id: number;
      uscc: string;
      name: string;
      /** @description 核查日期（北京时间） */
      checked_on: string;
      /**
       * @description dishonesty 失信联合惩戒对象；suspended 异议处理中、惩戒暂停；honor 守信红名单；none 均未列入
       * @enum {string}
       */
      status: 'dishonesty' | 'suspended' | 'honor' | 'none';
      status_label: string;
      /** @description 今日应实施的目录措施 */
      measures: {
        code: string;
        /** @enum {string} */
        kind: 'incentive' | 'punishment';
        measure: string;
        content: string;
        implementing_units?: string;
        legal_basis?: string;
        list_entry_id: number;
      }[];
      /** @description 措施所依据的名单条目 */
      list_entries: components['schemas']['ListEntry'][];
      /** @description 名单条目所依据的行政处罚 */
      penalties: components['schemas']['Penalty'][];
      /** @description 异议处理中的行政处罚数 */
      suspended_penalties: number;
    };
    SearchResult: {
      total: number;
      total_is_exact?: boolean;
      page: number;
      page_size: number;
      page_count?: number;
      /** @description group=subject 时：匹配结果合成的分组数（主体及单独成项的结果） */
      group_count?: number;
      notice?: string | null;
      /** @description 查询词是统一社会信用代码时的识别结果 */
      code?: unknown;
      hits: {
        kind: string;
        id: number;
        subject_id?: number | null;
        title: string;
        subtitle?: string | null;
        document_number?: string | null;
        department_name?: string | null;
        date?: string | null;
        badges?: string[];
        href?: string;
        /** @description group=subject 时：同一主体其他匹配结果按类别的条数 */
        collapsed?: {
          kind: string;
          count: number;
          href?: string | null;
        }[];
      }[];
      facets: {
        [key: string]: {
          value: string;
          label: string;
          count: number;
        }[];
      };
    };
    PushRequest: {
      /** @enum {string} */
      kind: 'licensing' | 'penalty';
      /** @description 只校验不写入 */
      dry_run?: boolean;
      /** @description 以国家标准字段代码为键的记录（XK_* 或 CF_*），日期可写 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD，金额单位为万元 */
      records: {
        [key: string]: string | number | null;
      }[];
    };
    PushResult: {
      import_id: number;
      dry_run: boolean;
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
      results: {
        index: number;
        /** @enum {string} */
        status: 'created' | 'updated' | 'unchanged' | 'rejected' | 'valid';
        id?: number;
        document_number?: string;
        errors?: {
          field: string | null;
          message: string;
        }[];
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  search: {
    parameters: {
      query?: {
        /**
         * @description 查询词：主体名称、统一社会信用代码、文书号或关键词
         * @example 嘉州
         */
        q?: string;
        /** @description 结果类别：subject 主体、licensing 行政许可、penalty 行政处罚、list_entry 名单、exposure 曝光案例（可重复） */
        kind?: ('subject' | 'licensing' | 'penalty' | 'list_entry' | 'exposure')[];
        /** @description 部门代码（见 /api/v1/catalog 之外的部门列表，例如 scjg） */
        department?: string;
        /**
         * @description 年份（决定日期、列入日期或发布日期所在年份）
         * @example 2026
         */
        year?: number;
        /** @description 处罚类别（可重复） */
        category?: (
          | '警告'
          | '通报批评'
          | '罚款'
          | '没收违法所得'
          | '没收非法财物'
          | '暂扣许可证件'
          | '降低资质等级'
          | '吊销许可证件'
          | '限制开展生产经营活动'
          | '责令停产停业'
          | '责令关闭'
          | '限制从业'
          | '行政拘留'
          | '其他'
        )[];
        /** @description 失信严重程度：minor 轻微、general 一般、serious 严重（可重复） */
        severity?: ('minor' | 'general' | 'serious')[];
        /** @description 名单类型：honor 守信红名单、dishonesty 失信联合惩戒对象名单 */
        list_type?: 'honor' | 'dishonesty';
        /** @description 领域，例如 食品药品、生态环境 */
        domain?:
          | '食品药品'
          | '生态环境'
          | '工程质量'
          | '医疗卫生'
          | '安全生产'
          | '消防安全'
          | '非法集资'
          | '逃税骗税'
          | '逃废债务'
          | '欺诈'
          | '价格垄断'
          | '税务'
          | '工商'
          | '法院'
          | '海关'
          | '交通运输';
        /** @description 排序：relevance 相关度（默认）、date 日期 */
        sort?: 'relevance' | 'date';
        /** @description 分组：flat 不分组（默认，每条结果一项）、subject 按主体分组（仅相关度排序：每个主体一项，其匹配的行政许可、行政处罚计入 collapsed；红黑名单和曝光案例各自一项；page_count 按分组计） */
        group?: 'flat' | 'subject';
        /** @description 页码，从 1 开始（每页 20 条） */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResult'];
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSubject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 18 位统一社会信用代码（校验位错误时返回 400 并说明应为何字符；本平台没有该主体时返回 404，不表示“无不良记录”，见 /api/v1/docs/credit-check） */
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Subject'];
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 未找到 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  creditCheck: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 18 位统一社会信用代码（校验位错误时返回 400 并说明应为何字符；本平台没有该主体时返回 404，不表示“无不良记录”，见 /api/v1/docs/credit-check） */
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreditCheck'];
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 未找到 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listPenalties: {
    parameters: {
      query?: {
        /** @description 部门代码（见 /api/v1/catalog 之外的部门列表，例如 scjg） */
        department?: string;
        /**
         * @description 年份（决定日期、列入日期或发布日期所在年份）
         * @example 2026
         */
        year?: number;
        /**
         * @description 只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）
         * @example 2026-11-01T00:00:00+08:00
         */
        changed_since?: string;
        /** @description 翻页游标：上一页返回的 next_cursor */
        cursor?: string;
        /** @description 每页条数，默认 100，最多 500 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['Penalty'][];
            /** @description 下一页游标；为 null 表示已是最后一页 */
            next_cursor: string | null;
          };
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listLicensing: {
    parameters: {
      query?: {
        /** @description 部门代码（见 /api/v1/catalog 之外的部门列表，例如 scjg） */
        department?: string;
        /**
         * @description 年份（决定日期、列入日期或发布日期所在年份）
         * @example 2026
         */
        year?: number;
        /**
         * @description 只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）
         * @example 2026-11-01T00:00:00+08:00
         */
        changed_since?: string;
        /** @description 翻页游标：上一页返回的 next_cursor */
        cursor?: string;
        /** @description 每页条数，默认 100，最多 500 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['Licensing'][];
            /** @description 下一页游标；为 null 表示已是最后一页 */
            next_cursor: string | null;
          };
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listListEntries: {
    parameters: {
      query?: {
        /** @description 部门代码（见 /api/v1/catalog 之外的部门列表，例如 scjg） */
        department?: string;
        /**
         * @description 年份（决定日期、列入日期或发布日期所在年份）
         * @example 2026
         */
        year?: number;
        /**
         * @description 只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）
         * @example 2026-11-01T00:00:00+08:00
         */
        changed_since?: string;
        /** @description 翻页游标：上一页返回的 next_cursor */
        cursor?: string;
        /** @description 每页条数，默认 100，最多 500 */
        limit?: number;
        /** @description 名单类型：honor 守信红名单、dishonesty 失信联合惩戒对象名单 */
        list_type?: 'honor' | 'dishonesty';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ListEntry'][];
            /** @description 下一页游标；为 null 表示已是最后一页 */
            next_cursor: string | null;
          };
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listExposureCases: {
    parameters: {
      query?: {
        /** @description 部门代码（见 /api/v1/catalog 之外的部门列表，例如 scjg） */
        department?: string;
        /**
         * @description 年份（决定日期、列入日期或发布日期所在年份）
         * @example 2026
         */
        year?: number;
        /**
         * @description 只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）
         * @example 2026-11-01T00:00:00+08:00
         */
        changed_since?: string;
        /** @description 翻页游标：上一页返回的 next_cursor */
        cursor?: string;
        /** @description 每页条数，默认 100，最多 500 */
        limit?: number;
        /** @description 领域，例如 食品药品、生态环境 */
        domain?:
          | '食品药品'
          | '生态环境'
          | '工程质量'
          | '医疗卫生'
          | '安全生产'
          | '消防安全'
          | '非法集资'
          | '逃税骗税'
          | '逃废债务'
          | '欺诈'
          | '价格垄断'
          | '税务'
          | '工商'
          | '法院'
          | '海关'
          | '交通运输';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ExposureCase'][];
            /** @description 下一页游标；为 null 表示已是最后一页 */
            next_cursor: string | null;
          };
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listCatalog: {
    parameters: {
      query?: {
        /** @description 目录类别：incentive 守信联合激励、punishment 失信联合惩戒 */
        catalog_kind?: 'incentive' | 'punishment';
        /** @description 领域，例如 食品药品、生态环境 */
        domain?:
          | '食品药品'
          | '生态环境'
          | '工程质量'
          | '医疗卫生'
          | '安全生产'
          | '消防安全'
          | '非法集资'
          | '逃税骗税'
          | '逃废债务'
          | '欺诈'
          | '价格垄断'
          | '税务'
          | '工商'
          | '法院'
          | '海关'
          | '交通运输';
        /**
         * @description 只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）
         * @example 2026-11-01T00:00:00+08:00
         */
        changed_since?: string;
        /** @description 翻页游标：上一页返回的 next_cursor */
        cursor?: string;
        /** @description 每页条数，默认 100，最多 500 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['CatalogItem'][];
            /** @description 下一页游标；为 null 表示已是最后一页 */
            next_cursor: string | null;
          };
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listRemovals: {
    parameters: {
      query: {
        /**
         * @description 只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）
         * @example 2026-11-01T00:00:00+08:00
         */
        changed_since: string;
        /** @description 每页条数，默认 100，最多 500 */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 成功 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @enum {string} */
              kind: 'penalty' | 'licensing' | 'list_entry';
              id: number;
              removed_at: string;
            }[];
            /** @description 为 true 时请以最后一条的 removed_at 作为新的 changed_since 继续获取 */
            truncated: boolean;
          };
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥无效（本接口无需密钥；若携带则必须有效） */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 携带的 API 密钥已被吊销 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁，或本地址 API 密钥错误次数过多 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  pushDisclosures: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PushRequest'];
      };
    };
    responses: {
      /** @description 逐条结果 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PushResult'];
        };
      };
      /** @description 请求参数有误 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 缺少或无效的 API 密钥 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 无权执行此操作 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求内容过大 */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 不支持的内容类型 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁 */
      429: {
        headers: {
          /** @description 多少秒后可重试 */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 服务暂不可用 */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postFeedback: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description 8–100 个可见 ASCII 字符，重试时保持不变（例如 UUID）
         * @example 6f1c2a9e-3b7d-4e21-9a55-0c8f1d2e3a4b
         */
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FeedbackRequest'];
      };
    };
    responses: {
      /** @description 重复请求：返回首次记录的结果 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Feedback'];
        };
      };
      /** @description 已记录 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Feedback'];
        };
      };
      /** @description 请求参数有误，或措施不在任务/核查结果载明的目录措施之内 */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 缺少或无效的 API 密钥 */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 任务或核查属于其他部门 */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 没有该任务或核查 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 幂等键已用于不同内容，或任务已暂停/终止 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 不支持的内容类型 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description 请求过于频繁 */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  webhook_list_entry_published: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'list_entry.published';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_list_entry_suspended: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'list_entry.suspended';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_list_entry_resumed: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'list_entry.resumed';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_list_entry_removed: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'list_entry.removed';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_list_entry_repaired: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'list_entry.repaired';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_penalty_published: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'penalty.published';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_penalty_withdrawn: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'penalty.withdrawn';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_penalty_repaired: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'penalty.repaired';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_task_created: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'task.created';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_task_overdue: {
    parameters: {
      query?: never;
      header: {
        'X-Credit-Signature': string;
        'X-Credit-Event-Id': string;
        'X-Credit-Event-Type': 'task.overdue';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEvent'];
      };
    };
    responses: {
      /** @description 已接收（其他状态码或超时将重试） */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
