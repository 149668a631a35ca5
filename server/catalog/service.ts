import type { Db } from '../db/client';
import { CATALOG_REASON_LABEL, CATALOG_SUBJECTS, LIST_OF_CATALOG_KIND, splitUnits } from '../rules/catalog';
import { CATALOG_KIND_LABELS, CATALOG_KINDS, LIST_TYPE_LABELS } from '../rules/codes';
import * as repo from './repository';
import type { CatalogQuery } from './schema';

// The public 联合奖惩目录清单: every column of SPEC §5, grouped by kind, with the number of
// list entries in force that apply each measure.

function toItem(row: repo.CatalogRow, inForce: number) {
  const listType = LIST_OF_CATALOG_KIND[row.kind];
  return {
    code: row.code,
    kind: row.kind,
    kindLabel: CATALOG_KIND_LABELS[row.kind],
    decidingUnit: row.decidingUnit,
    measure: row.measure,
    reasonLabel: CATALOG_REASON_LABEL[row.kind],
    reason: row.reason,
    legalBasis: row.legalBasis,
    implementingUnits: splitUnits(row.implementingUnits),
    content: row.content,
    evidence: row.evidence,
    domain: row.domain,
    appliesTo: CATALOG_SUBJECTS[row.kind],
    listType,
    listLabel: LIST_TYPE_LABELS[listType],
    entriesInForce: inForce,
  };
}

export type CatalogItemDto = ReturnType<typeof toItem>;

export async function browseCatalog(db: Db, today: string, query: CatalogQuery) {
  const [rows, texts, counts] = await Promise.all([
    repo.findActiveItems(db, { kind: query.kind, unit: query.unit }),
    repo.unitTexts(db),
    repo.entriesInForceByItem(db, today),
  ]);
  const units = new Set<string>();
  for (const t of texts) {
    units.add(t.decidingUnit);
    for (const u of splitUnits(t.implementingUnits)) units.add(u);
  }
  // The SQL filter finds the unit's name anywhere; keep only items that name the unit itself.
  const unit = query.unit;
  const items = rows
    .map((r) => toItem(r, counts.get(r.id) ?? 0))
    .filter((i) => unit === undefined || i.decidingUnit === unit || i.implementingUnits.includes(unit));
  return {
    today,
    total: items.length,
    groups: CATALOG_KINDS.map((kind) => ({
      kind,
      label: CATALOG_KIND_LABELS[kind],
      items: items.filter((i) => i.kind === kind),
    })).filter((g) => g.items.length > 0),
    units: [...units].sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}

export type CatalogPage = Awaited<ReturnType<typeof browseCatalog>>;
