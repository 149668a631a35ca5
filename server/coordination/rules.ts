// Pure rules of joint-action coordination (联合奖惩协同, plan 二(一)2): which departments a
// catalog item's 联合奖惩实施单位 name, response deadlines in working days (SPEC §6), overdue.

import { compareDates, type IsoDate } from '../rules/dates';
import { splitUnits } from '../rules/catalog';
import { addWorkdays, workdaysBetween } from '../rules/workdays';

export const DEFAULT_RESPONSE_WORKDAYS = 10;

export interface DepartmentRef {
  id: number;
  name: string;
  divisionCode: string;
}

const CITY = '511100';
const COUNTY_PREFIX = /^各县（市、区）/;

/**
 * The departments a unit names: the unit's exact name, or for "各县（市、区）X" every county-level
 * department whose name ends with X. Units with no department in the reference data (市财政局,
 * 各县法院 …) get no task here: they are not on the platform yet.
 */
export function departmentsOfUnit(unit: string, departments: readonly DepartmentRef[]): DepartmentRef[] {
  const u = unit.trim();
  const exact = departments.filter((d) => d.name === u);
  if (exact.length > 0) return exact;
  if (COUNTY_PREFIX.test(u)) {
    const suffix = u.replace(COUNTY_PREFIX, '');
    return departments.filter((d) => d.divisionCode !== CITY && d.name.endsWith(suffix));
  }
  return [];
}

export interface CatalogItemUnits {
  id: number;
  implementingUnits: string;
}

export interface PlannedTask {
  departmentId: number;
  unitName: string;
  catalogItemIds: number[];
}

/** One task per department, carrying every catalog item that names it (ids ascending), in department order. */
export function planTasks(items: readonly CatalogItemUnits[], departments: readonly DepartmentRef[]): PlannedTask[] {
  const byDept = new Map<number, PlannedTask>();
  for (const item of items) {
    for (const unit of splitUnits(item.implementingUnits)) {
      for (const d of departmentsOfUnit(unit, departments)) {
        const task = byDept.get(d.id) ?? { departmentId: d.id, unitName: d.name, catalogItemIds: [] };
        if (!task.catalogItemIds.includes(item.id)) task.catalogItemIds.push(item.id);
        byDept.set(d.id, task);
      }
    }
  }
  return [...byDept.values()]
    .map((t) => ({ ...t, catalogItemIds: [...t.catalogItemIds].sort((a, b) => a - b) }))
    .sort((a, b) => a.departmentId - b.departmentId);
}

/** The answer is due this many working days after the task was received. */
export function taskDueOn(receivedOn: IsoDate, workdays: number = DEFAULT_RESPONSE_WORKDAYS): IsoDate {
  return addWorkdays(receivedOn, workdays);
}

/** A paused task resumes with its deadline moved later by the working days it was paused. */
export function resumedDueOn(dueOn: IsoDate, pausedSince: IsoDate, today: IsoDate): IsoDate {
  const paused = Math.max(0, workdaysBetween(pausedSince, today));
  return addWorkdays(dueOn, paused);
}

/** Open and past its deadline (a paused task's clock stands still; answered and ended ones are done). */
export function isOverdue(task: { status: string; dueOn: IsoDate }, today: IsoDate): boolean {
  return task.status === 'open' && compareDates(task.dueOn, today) < 0;
}

/** Answered within the deadline: the answer's date (Shanghai) is not after the due date. */
export function answeredInTime(dueOn: IsoDate, answeredOn: IsoDate): boolean {
  return compareDates(answeredOn, dueOn) <= 0;
}

export const TASK_STATUS_LABELS = {
  open: '待反馈',
  paused: '暂停（异议处理中）',
  answered: '已反馈',
  ended: '已终止',
} as const;

export const OUTCOME_LABELS = { applied: '已实施', not_applicable: '不适用' } as const;
