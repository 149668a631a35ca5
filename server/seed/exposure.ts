// 曝光台 typical cases: templates filled with a dishonest subject, its county, the department,
// the decision date, the fine and the decision number.

import { DIVISIONS } from '../reference/divisions';
import { EXPOSURE_TEMPLATES, type ExposureTemplate } from '../reference/exposure-templates';
import { addDays, compareDates } from '../rules/dates';
import { chineseDate, minDateOf } from './common';
import type { GenContext, GenExposure, GenListEntry, GenPenalty, GenSubject, DeptInfo } from './model';
import type { Random } from './random';

const DIVISION_NAMES = new Map(DIVISIONS.map((d) => [d.code, d.name]));

function templatesFor(domain: string | null): readonly ExposureTemplate[] {
  return domain === null ? [] : EXPOSURE_TEMPLATES.filter((t) => t.domain === domain);
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

interface Candidate {
  subject: GenSubject;
  dept: DeptInfo;
  penalty: GenPenalty | null;
  domain: string;
  date: string;
  amount: string;
  document: string;
}

function makeCase(ctx: GenContext, rng: Random, c: Candidate): GenExposure | null {
  const templates = templatesFor(c.domain);
  if (templates.length === 0) return null;
  const t = rng.pick(templates);
  const divisionName = DIVISION_NAMES.get(c.subject.divisionCode) ?? '';
  // 犍为县犍为县… reads badly: leave the county out when the name already starts with it.
  const division =
    c.subject.name.startsWith(divisionName) || c.subject.name.startsWith(`乐山市${divisionName}`) ? '' : divisionName;
  const values = {
    subject: c.subject.name,
    division,
    department: c.dept.name,
    date: chineseDate(c.date),
    amount: c.amount,
    document: c.document,
  };
  const draft = rng.chance(0.1);
  const publishedOn = minDateOf(ctx.today, addDays(c.date, rng.int(7, 90)));
  return {
    title: fill(t.titleTemplate, values),
    domain: t.domain,
    subject: c.subject,
    dept: c.dept,
    penalty: c.penalty,
    summary: fill(t.summaryTemplate, values),
    body: fill(t.bodyTemplate, values),
    publishedOn: draft ? null : publishedOn,
    status: draft ? 'draft' : 'published',
  };
}

/**
 * Up to `quota` exposure cases from a chunk: penalties behind dishonesty entries first, then other
 * current serious or general penalties with a fine, then court defaulters. Never a natural person,
 * never a repaired, withdrawn or suspended record.
 */
export function makeExposures(
  ctx: GenContext,
  rng: Random,
  penalties: readonly GenPenalty[],
  entries: readonly GenListEntry[],
  quota: number,
): GenExposure[] {
  if (quota <= 0) return [];
  const today = ctx.today;
  const usable = (p: GenPenalty) =>
    p.status === 'published' &&
    p.fineAmount !== null &&
    p.severity !== 'minor' &&
    p.subject.kind !== 'natural_person' &&
    compareDates(p.publicUntil, today) > 0 &&
    templatesFor(p.domain).length > 0;
  const toCandidate = (p: GenPenalty): Candidate => ({
    subject: p.subject,
    dept: p.dept,
    penalty: p,
    domain: p.domain ?? '',
    date: p.decisionDate,
    amount: p.fineAmount ?? '0',
    document: p.documentNumber,
  });
  const listed = entries.filter((e) => e.listType === 'dishonesty' && e.status === 'active');
  const first = listed.flatMap((e) => (e.penalty !== null && usable(e.penalty) ? [toCandidate(e.penalty)] : []));
  const court = listed.flatMap((e): Candidate[] =>
    e.penalty === null && e.subject.kind !== 'natural_person' && e.domain !== null
      ? [
          {
            subject: e.subject,
            dept: e.dept,
            penalty: null,
            domain: e.domain,
            date: e.listedOn,
            amount: e.subject.kind === 'legal_person' ? String(rng.int(1, 50)) : (rng.int(1, 30) / 10).toString(),
            document: e.decisionNumber,
          },
        ]
      : [],
  );
  const firstSet = new Set(first.map((c) => c.penalty));
  const serious = penalties.filter((p) => usable(p) && p.severity === 'serious' && !firstSet.has(p)).map(toCandidate);
  const general = penalties.filter((p) => usable(p) && p.severity === 'general' && !firstSet.has(p));
  // Larger fines make the better cases; small ones only fill up a small city's quota.
  const large = general.filter((p) => Number(p.fineAmount) >= 1).map(toCandidate);
  const small = general.filter((p) => Number(p.fineAmount) < 1).map(toCandidate);

  const picked: Candidate[] = [...first];
  const courtShare = Math.min(court.length, Math.max(0, Math.round(quota * 0.1)));
  picked.push(...rng.sample(court, courtShare));
  picked.push(...rng.sample(serious, quota * 2));
  picked.push(...rng.sample(large, quota * 2));
  // Several candidates may share a subject (one case per subject): keep a reserve.
  picked.push(...rng.sample(small, quota * 2));
  const used = new Set<GenSubject>();
  const cases: GenExposure[] = [];
  for (const c of picked) {
    if (cases.length >= quota) break;
    if (used.has(c.subject)) continue;
    const made = makeCase(ctx, rng, c);
    if (made === null) continue;
    used.add(c.subject);
    cases.push(made);
  }
  return cases;
}
