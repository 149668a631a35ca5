// Why a penalty's end moved (SPEC §6: "因异议处理暂停 N 天，相应顺延"), in plain Chinese, naming
// the objections and complaints that suspended it and when each was decided.

import { addDays, type IsoDate } from './dates';
import { formatDate } from './format';
import { suspensionNote } from './record-lifecycle';

export interface SuspendingApplication {
  kind: 'objection' | 'complaint';
  /** The day it was decided; null while it is still being handled. */
  decidedOn: IsoDate | null;
}

const KIND_TEXT = { objection: '异议', complaint: '投诉' } as const;

/**
 * The sentence beside a moved end date, or null when nothing moved. Without the applications
 * (records suspended before the portal kept them) it falls back to the rule's short note.
 */
export function movedDatesNote(
  suspendedDays: number,
  applications: readonly SuspendingApplication[],
  movesRepairDate = true,
): string | null {
  if (suspendedDays <= 0) return null;
  const moved = movesRepairDate ? '公示截止日期和最早可申请修复日期' : '公示截止日期';
  const decided = applications.filter((a): a is SuspendingApplication & { decidedOn: IsoDate } => a.decidedOn !== null);
  if (decided.length === 0) return `${suspensionNote(suspendedDays)}：${moved}均推后 ${suspendedDays} 天。`;
  const which = decided.map((a) => `${KIND_TEXT[a.kind]}（${formatDate(a.decidedOn)}办结）`).join('、');
  // One application alone suspended the record from its acceptance to its decision.
  const only = decided.length === 1 ? decided[0]! : null;
  const when = only ? `，自${formatDate(addDays(only.decidedOn, -suspendedDays))}至${formatDate(only.decidedOn)}` : '';
  return `因${which}处理期间暂停计算公示期，共暂停 ${suspendedDays} 天${when}；${moved}相应顺延 ${suspendedDays} 天。`;
}
