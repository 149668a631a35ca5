import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { publicDataChanged } from '@/server/http/invalidate';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// The portal's engine keeps the capped summary of a broad query (total past the limit, facet
// counts) until public data changes; a committed change shows in the next search at once.
describeEachDatabase('search summaries of broad queries', (current) => {
  let db: Db;
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
  });

  it('reuses a broad summary until a change is announced, then counts afresh; narrow ones are never kept', async () => {
    const cached = createPostgresSearchEngine(db, { exactTotalLimit: 3, cacheSummaries: true });
    const first = await cached.search({ q: '公司' }, TODAY);
    expect(first.totalIsExact).toBe(false);
    expect(first.total).toBe(3);
    // A query with a few hits (an exact total), found among some of the fixtures' words.
    let narrow = '';
    for (const q of ['索道分公司', '四川峨眉山', '农业发展', '嘉州餐饮管理', '文化广播']) {
      const r = await cached.search({ q }, TODAY);
      if (r.totalIsExact && r.total > 0) {
        narrow = q;
        break;
      }
    }
    expect(narrow).not.toBe('');

    // Rows leave the index behind the portal's back (no announcement): the summary is reused.
    await db.deleteFrom('searchDocuments').execute();
    const reused = await cached.search({ q: '公司' }, TODAY);
    expect(reused.total).toBe(3);
    expect(reused.facets).toEqual(first.facets);
    // A narrow query is counted every time: it sees the change without any announcement.
    expect((await cached.search({ q: narrow }, TODAY)).total).toBe(0);
    // An engine without the cache sees the empty index at once.
    expect((await createPostgresSearchEngine(db, { exactTotalLimit: 3 }).search({ q: '公司' }, TODAY)).total).toBe(0);

    // The change is announced (as every writer does after its commit): the next search counts afresh.
    publicDataChanged();
    const after = await cached.search({ q: '公司' }, TODAY);
    expect(after.total).toBe(0);
    expect(after.hits).toEqual([]);
  });
});
