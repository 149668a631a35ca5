import type { Migration } from 'kysely';
import * as m0001 from './2026_11_28_0001_domain_schema';

/** Every migration, in order. Add new ones at the end; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_domain_schema': m0001,
};
