import { sql } from 'kysely';
import type { Db } from '../db/client';

// SQL of record management by departments: withdraw and correct records, create list entries.

export async function penaltyForUpdate(db: Db, id: number) {
  return db.selectFrom('penaltyRecords').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export async function licensingForUpdate(db: Db, id: number) {
  return db.selectFrom('licensingRecords').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listEntryForUpdate(db: Db, id: number) {
  return db.selectFrom('listEntries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export async function licensingByDocument(db: Db, departmentId: number, documentNumberNorm: string) {
  return db
    .selectFrom('licensingRecords')
    .select('id')
    .where('departmentId', '=', departmentId)
    .where('documentNumberNorm', '=', documentNumberNorm)
    .executeTakeFirst();
}
/** Every department's licensing records with this document number, locked for a correction. */
export async function licensingByDocumentForUpdate(db: Db, documentNumberNorm: string) {
  return db
    .selectFrom('licensingRecords')
    .selectAll()
    .where('documentNumberNorm', '=', documentNumberNorm)
    .orderBy('id')
    .forUpdate()
    .execute();
}
export async function catalogItems(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('catalogItems').select(['id', 'kind', 'measure', 'active']).where('id', 'in', ids).execute();
}

export async function subjectExists(db: Db, id: number) {
  return (await db.selectFrom('subjects').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertMeasures(db: Db, listEntryId: number, catalogItemIds: readonly number[]) {
  if (catalogItemIds.length === 0) return;
  await db
    .insertInto('listEntryMeasures')
    .values(catalogItemIds.map((catalogItemId) => ({ listEntryId, catalogItemId })))
    .execute();
}

export async function activeCatalog(db: Db) {
  return db
    .selectFrom('catalogItems')
    .select(['id', 'code', 'kind', 'measure'])
    .where('active', '=', true)
    .orderBy('kind')
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
}

export async function insertCatalogItem(
  db: Db,
  item: {
    code: string;
    kind: 'incentive' | 'punishment';
    decidingUnit: string;
    measure: string;
    reason: string;
    legalBasis: string;
    implementingUnits: string;
    content: string;
    evidence: string;
    domain: string | null;
  },
) {
  return db
    .insertInto('catalogItems')
    .values(item)
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function setCatalogItemActive(db: Db, id: number, active: boolean) {
  return db
    .updateTable('catalogItems')
    .set({ active, updatedAt: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function exposureForUpdate(db: Db, id: number) {
  return db.selectFrom('exposureCases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateExposure(
  db: Db,
  id: number,
  set: { status: 'published' | 'withdrawn'; publishedOn?: string },
) {
  await db
    .updateTable('exposureCases')
    .set({ ...set, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function draftExposures(db: Db) {
  return db
    .selectFrom('exposureCases')
    .select(['id', 'title', 'status', 'publishedOn'])
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

export async function departmentRow(db: Db, id: number) {
  return db.selectFrom('departments').select(['id', 'name', 'uscc']).where('id', '=', id).executeTakeFirst();
}

export async function subjectRow(db: Db, id: number) {
  return db
    .selectFrom('subjects')
    .select([
      'id',
      'kind',
      'name',
      'uscc',
      'registrationNumber',
      'personIdType',
      'personIdMasked',
      'personIdRef',
      'legalRepresentative',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
