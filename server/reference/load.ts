// Loads the reference data shipped in code (divisions, departments, the catalog) into the
// database. Idempotent: run it at every start; rows are upserted by their natural keys.

import { sql } from 'kysely';
import type { Db } from '../db/client';
import { CATALOG } from './catalog';
import { DEPARTMENTS } from './departments';
import { DIVISIONS } from './divisions';

export interface ReferenceLoadResult {
  divisions: number;
  departments: number;
  catalogItems: number;
}

export async function loadReferenceData(db: Db): Promise<ReferenceLoadResult> {
  const run = async (trx: Db): Promise<ReferenceLoadResult> => {
    // Parents first: a division refers to its parent.
    const divisions = [...DIVISIONS].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
    await trx
      .insertInto('divisions')
      .values(
        divisions.map((d, i) => ({
          code: d.code,
          name: d.name,
          fullName: d.fullName,
          parentCode: d.parentCode,
          population: d.population,
          sortOrder: i,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          fullName: eb.ref('excluded.fullName'),
          parentCode: eb.ref('excluded.parentCode'),
          population: eb.ref('excluded.population'),
          sortOrder: eb.ref('excluded.sortOrder'),
        })),
      )
      .execute();

    // licencePrefix, issuesPenalties and issuesLicences describe the generator's mix, not the unit: not columns.
    await trx
      .insertInto('departments')
      .values(
        DEPARTMENTS.map((d, i) => ({
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          docPrefix: d.docPrefix,
          uscc: d.uscc,
          divisionCode: d.divisionCode,
          isOffice: d.isOffice === true,
          sortOrder: i,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          shortName: eb.ref('excluded.shortName'),
          docPrefix: eb.ref('excluded.docPrefix'),
          uscc: eb.ref('excluded.uscc'),
          divisionCode: eb.ref('excluded.divisionCode'),
          isOffice: eb.ref('excluded.isOffice'),
          sortOrder: eb.ref('excluded.sortOrder'),
        })),
      )
      .execute();

    await trx
      .insertInto('catalogItems')
      .values(
        CATALOG.map((c, i) => ({
          code: c.code,
          kind: c.kind,
          decidingUnit: c.decidingUnit,
          measure: c.measure,
          reason: c.reason,
          legalBasis: c.legalBasis,
          implementingUnits: c.implementingUnits,
          content: c.content,
          evidence: c.evidence,
          domain: c.domain,
          sortOrder: i,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            decidingUnit: eb.ref('excluded.decidingUnit'),
            measure: eb.ref('excluded.measure'),
            reason: eb.ref('excluded.reason'),
            legalBasis: eb.ref('excluded.legalBasis'),
            implementingUnits: eb.ref('excluded.implementingUnits'),
            content: eb.ref('excluded.content'),
            evidence: eb.ref('excluded.evidence'),
            domain: eb.ref('excluded.domain'),
            sortOrder: eb.ref('excluded.sortOrder'),
            updatedAt: sql<Date>`now()`,
          }))
          // Only touch items that changed, so updated_at keeps meaning "edited".
          .where(
            sql<boolean>`(catalog_items.kind, catalog_items.deciding_unit, catalog_items.measure, catalog_items.reason,
              catalog_items.legal_basis, catalog_items.implementing_units, catalog_items.content, catalog_items.evidence,
              catalog_items.domain, catalog_items.sort_order)
              is distinct from (excluded.kind, excluded.deciding_unit, excluded.measure, excluded.reason,
              excluded.legal_basis, excluded.implementing_units, excluded.content, excluded.evidence,
              excluded.domain, excluded.sort_order)`,
          ),
      )
      .execute();

    return { divisions: DIVISIONS.length, departments: DEPARTMENTS.length, catalogItems: CATALOG.length };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
