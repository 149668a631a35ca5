import { Meilisearch } from 'meilisearch';
import { expect, it } from 'vitest';
import { searchReadiness } from '@/server/health/service';
import { syncSearchDocuments } from '@/server/search/indexer';
import { describeEachDatabase } from '../helpers/databases';
import { createCompany } from '../helpers/fixtures';

// The search section of /api/ready. Nothing listens on port 9 here: a real client to a closed
// port is what a Meilisearch outage looks like to the portal.

describeEachDatabase('readiness: the search section', (current) => {
  it('without Meilisearch: search runs in PostgreSQL, healthy, no outbox consumer', async () => {
    const section = await searchReadiness(current().db, null, { engine: 'postgresql', fallback: null });
    expect(section).toEqual({
      engine: 'postgresql',
      healthy: true,
      fallbackActive: false,
      fallbackReason: null,
      outbox: null,
    });
  });

  it('with Meilisearch down: not healthy, PostgreSQL answers (fallback active), and the backlog is shown', async () => {
    const { db } = current();
    const company = await createCompany(db, '乐山就绪检查有限公司');
    await syncSearchDocuments(db, [{ kind: 'subject', id: company.id }]);
    const down = new Meilisearch({ host: 'http://127.0.0.1:9' });
    const section = await searchReadiness(db, down, { engine: 'meilisearch', fallback: null });
    expect(section.healthy).toBe(false);
    expect(section.fallbackActive).toBe(true);
    expect(section.fallbackReason).toMatch(/Meilisearch/);
    expect(section.outbox?.pending).toBeGreaterThan(0);
  });
});
