import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { searchEngineContract } from './contract';

// The default engine must pass the whole engine contract, on PGlite and on PostgreSQL.
searchEngineContract('PostgreSQL engine', (db) => createPostgresSearchEngine(db));
