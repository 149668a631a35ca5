import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  UnknownRow,
} from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { createPostgresSearchEngine, type PostgresEngineOptions } from '@/server/search/postgres-engine';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// How often one search reads its matches: every statement that tests documents against the
// query (the text index's @@ or a substring's strpos) reads up to the cap of them, and on a
// busy portal those reads are most of the database's work per search. Below the cap, a page of
// cards is ranked in the summary's own statement, from the matches it counts.

/** The statements a Db executes that test documents against a query. */
function matchReadCounter(): { plugin: KyselyPlugin; reads: () => number; statements: () => number } {
  const nodes = new Map<unknown, string>();
  let reads = 0;
  let statements = 0;
  return {
    plugin: {
      transformQuery(args: PluginTransformQueryArgs) {
        nodes.set(args.queryId, JSON.stringify(args.node));
        return args.node;
      },
      async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        const text = nodes.get(args.queryId) ?? '';
        if (/@@|strpos\(/.test(text)) reads++;
        statements++;
        return args.result;
      },
    },
    reads: () => reads,
    statements: () => statements,
  };
}

async function readsOf(db: Db, options: PostgresEngineOptions, q: string, group?: 'subject') {
  const counter = matchReadCounter();
  const engine = createPostgresSearchEngine(db.withPlugin(counter.plugin), options);
  const request = { q, ...(group ? { group } : {}) };
  // The first search also reads what any search needs (labels, the planner's statistics).
  await engine.search(request, TODAY);
  const before = { reads: counter.reads(), statements: counter.statements() };
  const result = await engine.search(request, TODAY);
  return { result, reads: counter.reads() - before.reads, statements: counter.statements() - before.statements };
}

describeEachDatabase('search: how often one search reads its matches', (current) => {
  let db: Db;
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
  });

  it("a page of cards below the cap is one statement: the matches read once, with the counts and the cards' documents", async () => {
    for (const plan of ['index', 'scan'] as const) {
      const { result, reads, statements } = await readsOf(db, { plan, expectCap: 'never' }, '公司', 'subject');
      expect(result.totalIsExact, plan).toBe(true);
      expect(result.hits.length, plan).toBeGreaterThan(1);
      expect(result.hits.every((h) => h.display.title.length > 0 && h.display.href.startsWith('/'))).toBe(true);
      expect(reads, plan).toBe(1);
      expect(statements, plan).toBe(1);
    }
  });

  it('past the cap the cards come from a sample read beside the counts, and a wrong guess costs one more read', async () => {
    const capped = await readsOf(db, { exactTotalLimit: 3, expectCap: 'always' }, '公司', 'subject');
    expect(capped.result.totalIsExact).toBe(false);
    expect(capped.result.hits.length).toBeGreaterThan(0);
    expect(capped.reads).toBe(2);
    // Expected below the cap but past it: the counts ranked cards that cannot be used.
    const wrong = await readsOf(db, { exactTotalLimit: 3, expectCap: 'never' }, '公司', 'subject');
    expect(wrong.result.hits.map((h) => h.docId)).toEqual(capped.result.hits.map((h) => h.docId));
    expect(wrong.reads).toBe(2);
  });

  it('a flat page below the cap is read with the counts too', async () => {
    const { result, reads } = await readsOf(db, { expectCap: 'never' }, '公司');
    expect(result.totalIsExact).toBe(true);
    expect(result.hits.length).toBeGreaterThan(1);
    expect(reads).toBe(1);
  });
});
