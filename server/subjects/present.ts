// How a subject and its records read, for the pages and the PDF report alike (pure; no React, no I/O).
import { formatDate } from '../rules/format';
import type { SubjectKind } from '../rules/codes';
import { maskIdNumber, maskPersonName } from '../rules/masking';
import type { Availability } from '../rules/repair-eligibility';
import type { SubjectProfile } from './service';

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

type Facts = SubjectProfile['subject'];

/** One registration fact as it is shown. */
export interface FactText {
  label: string;
  value: string;
  /** A code that must not break across lines (USCC, registration and ID numbers). */
  nowrap: boolean;
}

/** Codes read as one unit: they never wrap inside (a phone puts them on their own line instead). */
const CODE_LABELS = new Set(['统一社会信用代码', '工商注册号']);

/** The subject's registration facts as label/value rows; rows without a value are left out. */
export function factRows(s: Facts): FactText[] {
  const rows: [string, string | null][] = [
    [s.kind === 'natural_person' ? '姓名' : '名称', s.name],
    ['主体类别', s.kindLabel],
    ['统一社会信用代码', s.uscc],
    ['工商注册号', s.registrationNumber],
    [s.idType ? `证件号码（${s.idType}）` : '证件号码', s.idNumber],
    [s.representative?.label ?? '法定代表人', s.representative?.name ?? null],
    ['登记状态', s.registrationStatus],
    ['成立日期', s.establishedOn ? formatDate(s.establishedOn) : null],
    ['注册资本', s.registeredCapitalWan ? `${s.registeredCapitalWan} 万元` : null],
    ['所属行业', s.industry],
    ['所属地区', s.division],
    ['住所', s.address],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([label, value]) => ({ label, value, nowrap: CODE_LABELS.has(label) || label.startsWith('证件号码') }));
}

/** The period of a licence: 2099-12-31 is 长期 and arrives here as null. */
export function validityText(from: string, until: string | null): string {
  return `${formatDate(from)} 至 ${until ? formatDate(until) : '长期'}`;
}
