import type { Db } from '../db/client';
import { CREDIT_DOMAINS, type SubjectKind } from '../rules/codes';
import { publicSubjectName } from '../subjects/present';
import * as repo from './repository';
import { addMonths } from '../rules/dates';
import { EXPOSURE_FEED_LENGTH, EXPOSURE_MONTHS_OFFERED, EXPOSURE_PAGE_SIZE, type ExposureQuery } from './schema';

// Public read models of the 曝光台: DTOs only, a natural person's name masked.

/** A person's full name never appears on the 曝光台, also not inside the case's own text. */
function maskerOf(row: { subjectKind: SubjectKind | null; subjectName: string }): (text: string) => string {
  if (row.subjectKind !== 'natural_person' || row.subjectName.trim() === '') return (text) => text;
  const masked = publicSubjectName(row.subjectKind, row.subjectName);
  return (text) => text.replaceAll(row.subjectName, masked);
}

function toCase(row: repo.CaseRow) {
  const mask = maskerOf(row);
  return {
    id: row.id,
    title: mask(row.title),
    domain: row.domain,
    subject:
      row.subjectId === null
        ? null
        : {
            id: row.subjectId,
            name: row.subjectKind === null ? row.subjectName : publicSubjectName(row.subjectKind, row.subjectName),
          },
    summary: mask(row.summary),
    // exposureIsPublic admits only cases with a publication date.
    publishedOn: row.publishedOn ?? '',
    departmentName: row.departmentName,
  };
}

export type ExposureCaseDto = ReturnType<typeof toCase>;

/** Domains in the plan's order [SPEC §5], then any other the data has. */
function orderDomains(counts: { domain: string; count: number }[]) {
  const rank = (d: string) => {
    const i = (CREDIT_DOMAINS as readonly string[]).indexOf(d);
    return i < 0 ? CREDIT_DOMAINS.length : i;
  };
  return [...counts].sort((a, b) => rank(a.domain) - rank(b.domain) || a.domain.localeCompare(b.domain, 'zh-CN'));
}

/** 'YYYY-MM' → its first day and the next month's first day. */
function monthRange(month: string): repo.MonthRange {
  const from = `${month}-01`;
  return { from, until: addMonths(from, 1) };
}

/** The months the filter offers: the current one and those before it, newest first. */
export function offeredMonths(today: string, count = EXPOSURE_MONTHS_OFFERED): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(first, -i).slice(0, 7));
}

export async function browseExposure(db: Db, today: string, query: ExposureQuery) {
  const page = query.page ?? 1;
  const month = query.month === undefined ? undefined : monthRange(query.month);
  const [rows, counts] = await Promise.all([
    repo.findPublicCases(db, today, query.domain, EXPOSURE_PAGE_SIZE, (page - 1) * EXPOSURE_PAGE_SIZE, month),
    repo.countByDomain(db, today, month),
  ]);
  const all = counts.reduce((sum, c) => sum + c.count, 0);
  const total = query.domain === undefined ? all : (counts.find((c) => c.domain === query.domain)?.count ?? 0);
  return {
    today,
    domain: query.domain ?? null,
    month: query.month ?? null,
    months: offeredMonths(today),
    domains: orderDomains(counts),
    all,
    total,
    page,
    pageSize: EXPOSURE_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / EXPOSURE_PAGE_SIZE)),
    cases: rows.map(toCase),
  };
}

export type ExposurePage = Awaited<ReturnType<typeof browseExposure>>;

/** One published case with its body and, if public today, the penalty it rests on; or null. */
export async function getExposureCase(db: Db, today: string, id: number) {
  const row = await repo.findPublicCase(db, today, id);
  if (!row) return null;
  const penalty = row.penaltyRecordId === null ? undefined : await repo.publicPenalty(db, today, row.penaltyRecordId);
  return {
    ...toCase(row),
    body: maskerOf(row)(row.body),
    penalty: penalty ? { id: penalty.id, documentNumber: penalty.documentNumber } : null,
  };
}

export type ExposureCaseDetail = NonNullable<Awaited<ReturnType<typeof getExposureCase>>>;

/** The newest public cases, for the RSS feed. */
export async function latestForFeed(db: Db, today: string, domain?: string) {
  const rows = await repo.findPublicCases(db, today, domain, EXPOSURE_FEED_LENGTH);
  return rows.map(toCase);
}
