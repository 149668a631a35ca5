import { formatDate } from '../rules/format';
import type { SubjectKind } from '../rules/codes';
import { maskIdNumber, maskPersonName } from '../rules/masking';
import type { Availability } from '../rules/repair-eligibility';

/** The name the public may see: natural persons are masked (张*), organisations shown in full. */
export function publicSubjectName(kind: SubjectKind, name: string): string {
  return kind === 'natural_person' ? maskPersonName(name) : name;
}

/** An ID number as the public may see it (4 + 4); masking the stored masked copy again costs nothing and guards it. */
export function publicIdNumber(idNumber: string | null): string | null {
  return idNumber ? maskIdNumber(idNumber) : null;
}

/**
 * Whose name is the representative's, and whether the public sees it in full: a company's 法定代表人 is a
 * registered public fact; an individual business's 经营者 is a private person, so masked like one.
 */
export function publicRepresentative(kind: SubjectKind, name: string | null): { label: string; name: string } | null {
  if (!name || kind === 'natural_person') return null;
  if (kind === 'individual_business') return { label: '经营者', name: maskPersonName(name) };
  return { label: '法定代表人', name };
}

export type RecordActionKind = 'objection' | 'repair';
export type RecordRefKind = 'penalty' | 'licensing' | 'list_entry';

/** A button of a record: where it leads and, when it cannot be used yet, why (a grey button always says why). */
export interface RecordAction {
  kind: RecordActionKind;
  label: string;
  href: string;
  available: boolean;
  note: string | null;
}

const ACTION_LABELS: Record<RecordActionKind, string> = { objection: '提出异议', repair: '申请信用修复' };

/** The sentence under an unavailable button. */
export function unavailableText(action: RecordActionKind, a: Availability): string | null {
  if (a.available) return null;
  switch (a.code) {
    case 'suspended':
      return action === 'objection' ? '异议处理中' : '异议处理中，办结后方可申请信用修复';
    case 'pending_application':
      return action === 'objection' ? '已提交异议申请，正在办理' : '已提交信用修复申请，正在办理';
    case 'never_early':
      return '该类失信行为不适用提前修复，公示期满后自动停止公示';
    case 'too_early':
      return `可于 ${formatDate(a.from)} 起申请信用修复`;
  }
}

export function recordAction(action: RecordActionKind, ref: RecordRefKind, id: number, a: Availability): RecordAction {
  return {
    kind: action,
    label: ACTION_LABELS[action],
    href: `/apply/${action}?record=${ref}:${id}`,
    available: a.available,
    note: unavailableText(action, a),
  };
}
