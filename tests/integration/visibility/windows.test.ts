import { expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { documentIsPublic } from '@/server/search/repository';
import { rebuildSearchIndex } from '@/server/search/indexer';
import {
  isWithinWindow,
  listEntryIsInForce,
  listEntryWindow,
  penaltyIsPublic,
  penaltyWindow,
} from '@/server/visibility/public';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

// One rule of what is public: the SQL predicate on the record tables, the window functions
// and the search documents built from them must agree on every status and every boundary day.

const STATUSES = ['published', 'suspended', 'withdrawn', 'repaired', 'unpublished'] as const;
const DAYS = ['2025-08-31', '2025-09-01', '2026-02-28', '2026-03-01', '2026-03-02', '2027-01-01'];

async function visiblePenaltyIds(db: Db, today: string) {
  const rows = await db
    .selectFrom('penaltyRecords')
    .select('id')
    .where((eb) => penaltyIsPublic(eb, today))
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

async function visibleDocumentIds(db: Db, kind: 'penalty' | 'list_entry', today: string) {
  const rows = await db
    .selectFrom('searchDocuments')
    .select('entityId')
    .where('kind', '=', kind)
    .where((eb) => documentIsPublic(eb, today))
    .execute();
  return rows.map((r) => r.entityId).sort((a, b) => a - b);
}

describeEachDatabase('visibility is one rule', (current) => {
  it('agrees for penalties of every status on every boundary day: SQL, window and search', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市一致性检验有限公司');
    for (const status of STATUSES) {
      await createPenalty(db, company, department, {
        status,
        publicFrom: '2025-09-01',
        publicUntil: '2026-03-01',
        suspendedSince: status === 'suspended' ? '2026-01-10' : null,
      });
    }
    await rebuildSearchIndex(db);
    const rows = await db.selectFrom('penaltyRecords').select(['id', 'status', 'publicFrom', 'publicUntil']).execute();
    for (const today of DAYS) {
      const byWindow = rows
        .filter((r) => isWithinWindow(penaltyWindow(r), today))
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(await visiblePenaltyIds(db, today), today).toEqual(byWindow);
      expect(await visibleDocumentIds(db, 'penalty', today), today).toEqual(byWindow);
    }
    // The boundaries themselves: shown the day before publicUntil, gone on it; suspended stays.
    const published = rows.find((r) => r.status === 'published')!;
    const suspended = rows.find((r) => r.status === 'suspended')!;
    expect(await visiblePenaltyIds(db, '2026-02-28')).toContain(published.id);
    expect(await visiblePenaltyIds(db, '2026-03-01')).not.toContain(published.id);
    expect(await visiblePenaltyIds(db, '2027-01-01')).toContain(suspended.id);
    expect(await visiblePenaltyIds(db, '2025-08-31')).toEqual([]);
  });

  it('agrees for list entries: in force through 有效期至, inclusive', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市名单检验有限公司');
    for (const status of ['active', 'suspended', 'removed', 'repaired', 'expired'] as const) {
      await db
        .insertInto('listEntries')
        .values({
          listType: 'dishonesty',
          subjectId: company.id,
          departmentId: department.id,
          decisionNumber: `乐测认〔2025〕${status}号`,
          basis: '测试依据',
          reason: '测试事由',
          listedOn: '2025-09-01',
          validUntil: '2026-02-28',
          status,
          suspendedSince: status === 'suspended' ? '2026-01-10' : null,
        })
        .execute();
    }
    await rebuildSearchIndex(db);
    const rows = await db.selectFrom('listEntries').select(['id', 'status', 'listedOn', 'validUntil']).execute();
    for (const today of DAYS) {
      const byWindow = rows
        .filter((r) => isWithinWindow(listEntryWindow(r), today))
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const bySql = (
        await db
          .selectFrom('listEntries')
          .select('id')
          .where((eb) => listEntryIsInForce(eb, today))
          .execute()
      )
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(bySql, today).toEqual(byWindow);
      expect(await visibleDocumentIds(db, 'list_entry', today), today).toEqual(byWindow);
    }
    const active = rows.find((r) => r.status === 'active')!;
    expect(isWithinWindow(listEntryWindow(active), '2026-02-28')).toBe(true);
    expect(isWithinWindow(listEntryWindow(active), '2026-03-01')).toBe(false);
  });
});
