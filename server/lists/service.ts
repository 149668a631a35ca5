import type { Db } from '../db/client';
import { measuresOfEntries } from '../catalog/repository';
import { CATALOG_KIND_OF_LIST, splitUnits } from '../rules/catalog';
import { LIST_TYPE_LABELS, SUBJECT_KIND_LABELS, type ListType } from '../rules/codes';
import { publicSubjectName } from '../subjects/present';
import * as repo from './repository';
import { LIST_PAGE_SIZE, type ListQuery } from './schema';

// Public read models of the red and black lists: DTOs only, natural persons masked, no ID number.

type MeasureRow = Awaited<ReturnType<typeof measuresOfEntries>>[number];

function toMeasure(m: MeasureRow) {
  return {
    code: m.code,
    measure: m.measure,
    content: m.content,
    implementingUnits: splitUnits(m.implementingUnits),
    legalBasis: m.legalBasis,
  };
}

export type MeasureDto = ReturnType<typeof toMeasure>;

function toEntry(row: repo.EntryRow, measures: MeasureDto[], penaltyPublic: boolean) {
  const person = row.subjectKind === 'natural_person';
  return {
    id: row.id,
    listType: row.listType,
    listLabel: LIST_TYPE_LABELS[row.listType],
    subject: {
      id: row.subjectId,
      name: publicSubjectName(row.subjectKind, row.subjectName),
      kindLabel: SUBJECT_KIND_LABELS[row.subjectKind],
      // Organisations are identified by their USCC; a person by nothing but the masked name.
      uscc: person ? null : row.subjectUscc,
    },
    departmentName: row.departmentName,
    decisionNumber: row.decisionNumber,
    basis: row.basis,
    reason: row.reason,
    domain: row.domain,
    listedOn: row.listedOn,
    validUntil: row.validUntil,
    suspended: row.status === 'suspended',
    suspendedSince: row.suspendedSince,
    penaltyId: penaltyPublic ? row.penaltyRecordId : null,
    measures,
  };
}

export type ListEntryDto = ReturnType<typeof toEntry>;

/** Entries with their measures (only catalog items of the list's kind) and public penalty links. */
async function present(db: Db, today: string, listType: ListType, rows: repo.EntryRow[]): Promise<ListEntryDto[]> {
  const ids = rows.map((r) => r.id);
  const penaltyIds = rows.flatMap((r) => (r.penaltyRecordId === null ? [] : [r.penaltyRecordId]));
  const [measures, publicPenalties] = await Promise.all([
    measuresOfEntries(db, ids),
    repo.publicPenaltyIds(db, today, penaltyIds),
  ]);
  const kind = CATALOG_KIND_OF_LIST[listType];
  const byEntry = new Map<number, MeasureDto[]>();
  for (const m of measures) {
    if (m.kind !== kind) continue; // the database refuses these; never show one if it slipped in
    const list = byEntry.get(m.listEntryId) ?? [];
    list.push(toMeasure(m));
    byEntry.set(m.listEntryId, list);
  }
  return rows.map((r) =>
    toEntry(r, byEntry.get(r.id) ?? [], r.penaltyRecordId !== null && publicPenalties.has(r.penaltyRecordId)),
  );
}

export async function browseList(db: Db, today: string, query: ListQuery) {
  const page = query.page ?? 1;
  const filters: repo.ListFilters = {
    departmentId: query.departmentId,
    divisionCode: query.divisionCode,
    domain: query.domain,
    keyword: query.keyword,
    measure: query.measure,
  };
  const [{ rows, total }, options, measure] = await Promise.all([
    repo.findEntriesInForce(db, today, query.listType, filters, {
      limit: LIST_PAGE_SIZE,
      offset: (page - 1) * LIST_PAGE_SIZE,
    }),
    repo.filterOptions(db, today, query.listType),
    query.measure === undefined ? undefined : repo.catalogItemByCode(db, query.measure),
  ]);
  return {
    today,
    listType: query.listType,
    listLabel: LIST_TYPE_LABELS[query.listType],
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)),
    entries: await present(db, today, query.listType, rows),
    options,
    /** The measure the page is filtered by, named (null when unknown or not filtered). */
    measure: measure ? { code: measure.code, measure: measure.measure } : null,
  };
}

export type ListPage = Awaited<ReturnType<typeof browseList>>;

/** One entry in force on this list, or null (unknown, ended, or on the other list). */
export async function getListEntry(db: Db, today: string, listType: ListType, id: number) {
  const row = await repo.findEntryInForce(db, today, listType, id);
  if (!row) return null;
  const [entry] = await present(db, today, listType, [row]);
  return entry ?? null;
}
