import { expect, it } from 'vitest';
import { rebuildSearchIndex } from '@/server/search/indexer';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

// A rebuild told today leaves out what can never show again, and finds exactly what a full rebuild finds.

describeEachDatabase('rebuilding the search index as of today', (current) => {
  it('leaves out documents whose public window has ended, and searches the same', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市重建检验有限公司');
    const ended = await createPenalty(db, company, department, { publicFrom: '2024-01-01', publicUntil: '2026-03-01' });
    const endsToday = await createPenalty(db, company, department, {
      publicFrom: '2024-01-01',
      publicUntil: '2026-11-28',
    });
    const open = await createPenalty(db, company, department, { publicFrom: '2024-01-01', publicUntil: '2027-03-01' });
    const engine = createPostgresSearchEngine(db);
    const search = async () => (await engine.search({ q: '重建检验' }, '2026-11-28')).hits.map((h) => h.docId).sort();

    const allIds = async () => (await db.selectFrom('searchDocuments').select('docId').execute()).map((d) => d.docId);
    await rebuildSearchIndex(db);
    const full = await search();
    expect(await allIds()).toContain(`penalty:${ended.id}`);
    await rebuildSearchIndex(db, undefined, { today: '2026-11-28' });
    const docIds = await allIds();

    expect(docIds).toContain(`penalty:${open.id}`);
    expect(docIds).not.toContain(`penalty:${ended.id}`);
    expect(docIds).not.toContain(`penalty:${endsToday.id}`);
    expect(await search()).toEqual(full);
    expect(full).toContain(`penalty:${open.id}`);
  });
});
