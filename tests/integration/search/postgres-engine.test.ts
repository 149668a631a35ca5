import { withForgiveness } from '@/server/search/forgiving';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { searchEngineContract } from './contract';

// The default engine must pass the whole engine contract, on PGlite and on PostgreSQL, with the
// planner's choice and with each of its two plans forced (the fixtures are too small for the
// planner ever to choose a scan on its own, and both plans must give the same answers), each with
// the forgiveness the portal puts around its engine.
searchEngineContract('PostgreSQL engine', (db) => withForgiveness(db, createPostgresSearchEngine(db)));
searchEngineContract('PostgreSQL engine, text-index plan', (db) =>
  withForgiveness(db, createPostgresSearchEngine(db, { plan: 'index' })),
);
searchEngineContract('PostgreSQL engine, scan plan', (db) =>
  withForgiveness(db, createPostgresSearchEngine(db, { plan: 'scan' })),
);
// As when the statistics expect more than the cap: no page kept in the summary, every page found class by class.
searchEngineContract('PostgreSQL engine, pages found class by class', (db) =>
  withForgiveness(db, createPostgresSearchEngine(db, { summaryPage: 'never' })),
);
