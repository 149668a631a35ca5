import type { ListType } from '@/server/rules/codes';

/** How each list presents itself: its short name, its lead sentence and its badge tone. */
export const LIST_PAGES: Record<ListType, { title: string; short: string; lead: string; measuresLabel: string }> = {
  honor: {
    title: '守信红名单',
    short: '红名单',
    lead: '经认定部门依法认定、在有效期内的守信激励对象。列入红名单的主体依照联合奖惩目录清单享受相应的守信联合激励措施。',
    measuresLabel: '激励措施',
  },
  dishonesty: {
    title: '失信惩戒名单',
    short: '黑名单',
    lead: '经认定部门依法认定、在有效期内的失信联合惩戒对象。各部门只能依照联合奖惩目录清单实施惩戒措施；异议处理期间暂停实施惩戒。',
    measuresLabel: '惩戒措施',
  },
};
