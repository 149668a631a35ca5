// Why a penalty's end moved (SPEC §6: "因异议处理暂停 N 天，相应顺延"), in plain Chinese, naming
// the objections and complaints that suspended it and when each was accepted and decided.

import { formatDate } from './format';
import { suspensionNote } from './record-lifecycle';
import type { IsoDate } from './dates';

export interface SuspendingApplication {
  kind: 'objection' | 'complaint';
  /** The day the department (objection) or the office (complaint) accepted it. */
  acceptedOn: IsoDate;
  /** The day it was decided; null while it is still being handled. */
  decidedOn: IsoDate | null;
}

const KIND_TEXT = { objection: '异议', complaint: '投诉' } as const;

function span(a: SuspendingApplication): string {
  const until = a.decidedOn ? `${formatDate(a.decidedOn)}办结` : '尚在处理';
  return `${KIND_TEXT[a.kind]}（${formatDate(a.acceptedOn)}受理，${until}）`;
}

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
  const decided = applications.filter((a) => a.decidedOn !== null);
  if (decided.length === 0) return `${suspensionNote(suspendedDays)}：${moved}均推后 ${suspendedDays} 天。`;
  const kinds = [...new Set(decided.map((a) => KIND_TEXT[a.kind]))].join('和');
  return `因${decided.map(span).join('、')}处理期间暂停公示期计算，共暂停 ${suspendedDays} 天，${moved}相应顺延 ${suspendedDays} 天（${kinds}处理期间不计入公示期）。`;
}
