// Objections, complaints and repairs (SPEC §6): the pure rules — which status may follow
// which, which decisions a kind allows, working-day deadlines, and suspension arithmetic.

import { addDays, daysBetween, type IsoDate } from './dates';
import { WORKDAY_DEFAULTS, type WorkdayCalendar } from './workdays';

export const APPLICATION_KINDS = ['objection', 'repair', 'complaint'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export type ApplicationStatus = 'submitted' | 'accepted' | 'refused' | 'decided' | 'withdrawn';
export type ApplicationDecision =
  'correct' | 'revoke' | 'reject' | 'approve_repair' | 'deny_repair' | 'uphold' | 'amend';

export const KIND_LABELS: Record<ApplicationKind, string> = {
  objection: '异议',
  repair: '信用修复',
  complaint: '投诉',
};
export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '待受理',
  accepted: '已受理，办理中',
  refused: '不予受理',
  decided: '已办结',
  withdrawn: '已撤回',
};
export const DECISION_LABELS: Record<ApplicationDecision, string> = {
  correct: '更正',
  revoke: '撤销',
  reject: '驳回',
  approve_repair: '准予修复',
  deny_repair: '不予修复',
  uphold: '维持',
  amend: '改正',
};

/** The decisions each kind allows (SPEC §6); a complaint's 改正 withdraws the disputed record. */
export const DECISIONS_BY_KIND: Record<ApplicationKind, readonly ApplicationDecision[]> = {
  objection: ['correct', 'revoke', 'reject'],
  repair: ['approve_repair', 'deny_repair'],
  complaint: ['uphold', 'amend'],
};

/** Reason categories (SPEC §6 for objections; repair and complaint have their own). */
export const REASON_CATEGORIES: Record<ApplicationKind, readonly string[]> = {
  objection: ['信息错误', '信息遗漏', '信息重复', '不应公示', '超过公示期限', '与决定文书不一致'],
  repair: ['已履行行政处罚决定', '已完成整改', '其他'],
  complaint: ['异议答复理由不充分', '异议未在期限内答复', '其他'],
};

type Transition = { from: ApplicationStatus; to: ApplicationStatus };
const TRANSITIONS: readonly Transition[] = [
  { from: 'submitted', to: 'accepted' },
  { from: 'submitted', to: 'refused' },
  { from: 'submitted', to: 'withdrawn' },
  { from: 'accepted', to: 'decided' },
  { from: 'accepted', to: 'withdrawn' },
];

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to);
}

export function isDecisionAllowed(kind: ApplicationKind, decision: string): decision is ApplicationDecision {
  return (DECISIONS_BY_KIND[kind] as readonly string[]).includes(decision);
}

/** Objections and complaints suspend joint punishment from acceptance until decided; repairs do not. */
export function suspendsOnAccept(kind: ApplicationKind): boolean {
  return kind === 'objection' || kind === 'complaint';
}

/** What a decision does to the disputed record. */
export type RecordEffect = 'resume' | 'correct' | 'withdraw' | 'repair' | 'none';
export function recordEffectOf(decision: ApplicationDecision): RecordEffect {
  switch (decision) {
    case 'reject':
    case 'uphold':
      return 'resume';
    case 'correct':
      return 'correct';
    case 'revoke':
    case 'amend':
      return 'withdraw';
    case 'approve_repair':
      return 'repair';
    case 'deny_repair':
      return 'none';
  }
}

/**
 * Deadlines in working days, configurable in one place (server/rules/workdays.ts WORKDAY_DEFAULTS),
 * counted on the calendar given (the package's years plus those entered by office staff).
 */
export function acceptDueOn(
  calendar: WorkdayCalendar,
  submittedOn: IsoDate,
  within: number = WORKDAY_DEFAULTS.acceptWithin,
): IsoDate {
  return calendar.addWorkdays(submittedOn, within);
}
export function decideDueOn(
  calendar: WorkdayCalendar,
  acceptedOn: IsoDate,
  within: number = WORKDAY_DEFAULTS.decideWithin,
): IsoDate {
  return calendar.addWorkdays(acceptedOn, within);
}

/** Working days left until a deadline (0 on the day itself; negative when overdue). */
export function workdaysLeft(calendar: WorkdayCalendar, today: IsoDate, due: IsoDate): number {
  return calendar.workdaysBetween(today, due);
}

/** The deadline that applies now: accepting while submitted, deciding while accepted, none after. */
export function currentDeadline(a: {
  status: ApplicationStatus;
  acceptDueOn: IsoDate;
  decideDueOn: IsoDate | null;
}): IsoDate | null {
  if (a.status === 'submitted') return a.acceptDueOn;
  if (a.status === 'accepted') return a.decideDueOn;
  return null;
}

/** Calendar days a suspension lasted: from the day it began up to (not including) the day it ended. */
export function suspendedDaysBetween(since: IsoDate, resumedOn: IsoDate): number {
  return Math.max(0, daysBetween(since, resumedOn));
}

/**
 * Resumption (SPEC §6): the punishment period restarts on the day of rejection, so the end
 * date moves later by exactly the days it was suspended.
 */
export function resumeEnd(end: IsoDate, since: IsoDate, resumedOn: IsoDate): { end: IsoDate; days: number } {
  const days = suspendedDaysBetween(since, resumedOn);
  return { end: addDays(end, days), days };
}
