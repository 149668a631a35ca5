import type { Db } from '../db/client';
import type { CatalogKind } from '../rules/codes';
import { containsPattern } from '../db/like';
import { listEntryIsInForce } from '../visibility/public';
import { changePage, cursorTs, type ChangePage } from '../db/keyset';

// All SQL of the public catalog (联合奖惩目录清单): active items only.

const ITEM_COLUMNS = [
  'catalogItems.id',
  'catalogItems.code',
  'catalogItems.kind',
  'catalogItems.decidingUnit',
  'catalogItems.measure',
  'catalogItems.reason',
  'catalogItems.legalBasis',
  'catalogItems.implementingUnits',
  'catalogItems.content',
  'catalogItems.evidence',
  'catalogItems.domain',
] as const;

export async function findActiveItems(db: Db, filters: { kind?: CatalogKind; unit?: string }) {
  let query = db.selectFrom('catalogItems').where('catalogItems.active', '=', true);
  if (filters.kind !== undefined) query = query.where('catalogItems.kind', '=', filters.kind);
  const unit = filters.unit;
  if (unit !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb('catalogItems.decidingUnit', '=', unit),
        eb('catalogItems.implementingUnits', 'like', containsPattern(unit)),
      ]),
    );
  return query
    .select(ITEM_COLUMNS)
    .orderBy('catalogItems.kind')
    .orderBy('catalogItems.sortOrder')
    .orderBy('catalogItems.code')
    .execute();
}

export type CatalogRow = Awaited<ReturnType<typeof findActiveItems>>[number];

/** The units named anywhere in the active catalog, raw (the service splits them). */
export async function unitTexts(db: Db) {
  return db
    .selectFrom('catalogItems')
    .where('active', '=', true)
    .select(['decidingUnit', 'implementingUnits'])
    .execute();
}

/** How many entries in force today apply each item. */
export async function entriesInForceByItem(db: Db, today: string) {
  const rows = await db
    .selectFrom('listEntryMeasures')
    .innerJoin('listEntries', 'listEntries.id', 'listEntryMeasures.listEntryId')
    .where((eb) => listEntryIsInForce(eb, today))
    .select(['listEntryMeasures.catalogItemId', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('listEntryMeasures.catalogItemId')
    .execute();
  return new Map(rows.map((r) => [r.catalogItemId, Number(r.n)]));
}

/**
 * The catalog measures the given list entries cite (list_entry_measures → catalog_items), in
 * catalog order: the one query behind subject pages, the list pages and the API's credit check.
 * `activeOnly` leaves out retired items (the credit check names only measures still in force).
 */
export async function measuresOfEntries(
  db: Db,
  listEntryIds: readonly number[],
  options: { activeOnly?: boolean } = {},
) {
  if (listEntryIds.length === 0) return [];
  let q = db
    .selectFrom('listEntryMeasures')
    .innerJoin('catalogItems', 'catalogItems.id', 'listEntryMeasures.catalogItemId')
    .where('listEntryMeasures.listEntryId', 'in', listEntryIds)
    .select([
      'listEntryMeasures.listEntryId',
      'catalogItems.id',
      'catalogItems.code',
      'catalogItems.kind',
      'catalogItems.measure',
      'catalogItems.content',
      'catalogItems.implementingUnits',
      'catalogItems.legalBasis',
    ]);
  if (options.activeOnly) q = q.where('catalogItems.active', '=', true);
  return q.orderBy('catalogItems.sortOrder').orderBy('catalogItems.id').execute();
}

/** Active items in change order, for the REST API. */
export function activeItemsByChange(
  db: Db,
  filters: { kind?: 'incentive' | 'punishment'; domain?: string },
  page: ChangePage,
) {
  let q = db
    .selectFrom('catalogItems')
    .select([
      'id',
      'code',
      'kind',
      'decidingUnit',
      'measure',
      'reason',
      'legalBasis',
      'implementingUnits',
      'content',
      'evidence',
      'domain',
      cursorTs('catalog_items').as('updatedAt'),
    ])
    .where('active', '=', true);
  if (filters.kind) q = q.where('kind', '=', filters.kind);
  if (filters.domain) q = q.where('domain', '=', filters.domain);
  return changePage(q, 'catalog_items', page).execute();
}
