import { AUDIT_ENTITIES, RECORD_ACTIONS, type AuditAction, type AuditEntity, type RecordAction } from './index';

// The audit vocabulary in the words staff read on /admin/audit. Typed against the vocabulary of
// ./index, so that a new action or entity cannot be added without its Chinese label.

const RECORD_KIND_LABELS = { penalty: '行政处罚', licensing: '行政许可', list_entry: '名单' } as const;
type RecordKind = keyof typeof RECORD_KIND_LABELS;

const RECORD_VERB_LABELS: Record<RecordAction, string> = {
  create: '录入',
  import_create: '导入新增',
  import_update: '导入更新',
  suspend: '暂停公示',
  resume: '恢复公示',
  correct: '更正',
  withdraw: '撤销公示',
  remove: '移出',
  repair: '信用修复',
  expire: '到期',
  publication_ended: '公示期满',
};

type OtherAction = Exclude<AuditAction, `${RecordKind}.${RecordAction}`>;

const OTHER_ACTION_LABELS: Record<OtherAction, string> = {
  'application.submit': '提交申请',
  'application.accept': '受理申请',
  'application.refuse': '不予受理申请',
  'application.decide': '作出申请决定',
  'application.query_code_reissue': '补发查询码',
  'task.create': '发起协同任务',
  'task.answer': '反馈协同任务',
  'task.pause': '暂停协同任务',
  'task.resume': '恢复协同任务',
  'task.end': '结束协同任务',
  'task.overdue': '协同任务逾期',
  'feedback.create': '提交协同反馈',
  'webhook.subscribe': '订阅推送',
  'webhook.pause': '暂停推送',
  'webhook.resume': '恢复推送',
  'webhook.redeliver': '重新推送',
  'staff.sign_in': '登录',
  'staff.sign_in_failed': '登录失败',
  'staff.sign_out_everywhere': '退出所有设备',
  'staff.create': '新建工作人员账号',
  'api_key.create': '签发接口密钥',
  'api_key.revoke': '吊销接口密钥',
  'catalog.create': '新增目录事项',
  'catalog.activate': '启用目录事项',
  'catalog.deactivate': '停用目录事项',
  'exposure.publish': '发布曝光案例',
  'exposure.withdraw': '撤下曝光案例',
  'department_unit.register': '登记下属单位',
  'department_unit.remove': '移除下属单位',
  'calendar.save': '保存节假日安排',
};

/** Every action with its label, in the order of the filter list. */
export const AUDIT_ACTION_LABELS = {
  ...Object.fromEntries(
    (Object.keys(RECORD_KIND_LABELS) as RecordKind[]).flatMap((k) =>
      RECORD_ACTIONS.map((a) => [`${k}.${a}`, `${RECORD_KIND_LABELS[k]}${RECORD_VERB_LABELS[a]}`]),
    ),
  ),
  ...OTHER_ACTION_LABELS,
} as Record<AuditAction, string>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];

export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  penalty_record: '行政处罚',
  licensing_record: '行政许可',
  list_entry: '名单',
  application: '申请',
  staff_user: '工作人员',
  api_key: '接口密钥',
  catalog_item: '目录事项',
  exposure_case: '曝光案例',
  department_unit: '下属单位',
  workday_calendar: '节假日安排',
  coordination_task: '协同任务',
  coordination_feedback: '协同反馈',
  webhook_subscription: '推送订阅',
  webhook_delivery: '推送记录',
};

export const AUDIT_ENTITY_TYPES = Object.values(AUDIT_ENTITIES) as [AuditEntity, ...AuditEntity[]];

/** The label of an action as stored; an action from before the one vocabulary shows as written. */
export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
export const entityLabel = (entity: string) => AUDIT_ENTITY_LABELS[entity as AuditEntity] ?? entity;
