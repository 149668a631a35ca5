import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { SEARCH_PARTITIONS } from '@/server/db/migrations/2026_11_28_0400_search_partitions';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import type { SearchRequest } from '@/server/search/types';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// A date walk reads the search documents newest first until its page is full. When the matches
// are many but old (1M database: a phrase of firms' business scopes behind 170,000 newer
// records), that is most of the table: the walk must stop after its budget of documents and
// leave the page to a sort. Each walk the engine runs is explained again here (EXPLAIN ANALYZE,
// the same settings) to count the documents it examined.

interface Walk {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements a Db runs right after turning bitmap scans off: the date walks. */
function walkRecorder(db: Db): { plugin: KyselyPlugin; walks: Walk[] } {
  const walks: Walk[] = [];
  let next = false;
  return {
    walks,
    plugin: {
      transformQuery(args) {
        const compiled = db.getExecutor().compileQuery(args.node, args.queryId);
        if (next) walks.push({ sql: compiled.sql, parameters: compiled.parameters });
        next = /enable_bitmapscan = off/.test(compiled.sql);
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    },
  };
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
};

/** Documents the index scans of a plan read from search_documents' partitions (kept or filtered out). */
function examined(node: PlanNode): number {
  const own =
    /Index/.test(node['Node Type']) && node['Relation Name']?.startsWith('search_documents')
      ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
      : 0;
  return own + (node.Plans ?? []).reduce((n, child) => n + examined(child), 0);
}

async function documentsExamined(db: Db, walk: Walk): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`explain (analyze, format json) ${walk.sql}`, [...walk.parameters]),
    );
    const plan = result.rows[0]!['QUERY PLAN'];
    const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
    return examined(parsed[0]!.Plan);
  });
}

describeEachDatabase('search: a date walk stops after its budget of documents', (current) => {
  let db: Db;
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
  });

  const requests: SearchRequest[] = [
    { q: '峨眉山金顶' },
    { q: '乐山' },
    { q: '公司', sort: 'date' },
    { q: '市', page: 2 },
  ];
  for (const walkBudget of [3, 10]) {
    it(`examines at most ${walkBudget} documents per page it walks (and one ahead per partition)`, async () => {
      const recorder = walkRecorder(db);
      // Past a limit of 3 every page is found class by class, and every class is walked.
      const engine = createPostgresSearchEngine(db.withPlugin(recorder.plugin), {
        exactTotalLimit: 3,
        dateWalkThreshold: 1,
        walkBudget,
      });
      for (const request of requests) {
        recorder.walks.length = 0;
        const result = await engine.search(request, TODAY);
        expect(result.hits.length, JSON.stringify(request)).toBeGreaterThan(0);
        expect(recorder.walks.length, JSON.stringify(request)).toBeGreaterThan(0);
        const pages = request.page ?? 1;
        for (const walk of recorder.walks) {
          expect(await documentsExamined(db, walk), JSON.stringify(request)).toBeLessThanOrEqual(
            pages * walkBudget + SEARCH_PARTITIONS,
          );
        }
      }
    });
  }
});
