import { sql } from 'kysely';
import type { Db } from '../db/client';
import { cursorTs } from '../db/keyset';
import { licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from './public';

// What left public view, for systems that keep a copy (GET /api/v1/removals): the negation
// of the public predicates of ./public.ts, and the lifecycle job's own record of what ended.

/**
 * Records that left public view since a moment: changed since then and not public today (the
 * negation of the public predicates), or recorded by the lifecycle job since then (publication
 * ended, list entry expired). Ids only — what a system keeping a copy must delete.
 */
export async function removedSince(db: Db, today: string, since: string, limit: number) {
  const after = sql<boolean>`updated_at >= ${since}::timestamptz`;
  const [penalties, licences, entries, ended] = await Promise.all([
    db
      .selectFrom('penaltyRecords')
      .select(['id', cursorTs('penalty_records').as('at')])
      .where(after)
      .where((eb) => eb.not(penaltyIsPublic(eb, today)))
      .limit(limit)
      .execute(),
    db
      .selectFrom('licensingRecords')
      .select(['id', cursorTs('licensing_records').as('at')])
      .where(after)
      .where((eb) => eb.not(licensingIsPublic(eb, today)))
      .limit(limit)
      .execute(),
    db
      .selectFrom('listEntries')
      .select(['id', cursorTs('list_entries').as('at')])
      .where(after)
      .where((eb) => eb.not(listEntryIsInForce(eb, today)))
      .limit(limit)
      .execute(),
    db
      .selectFrom('lifecycleTransitions')
      .select([
        'entityType',
        'entityId',
        sql<string>`to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at'),
      ])
      .where(sql<boolean>`recorded_at >= ${since}::timestamptz`)
      .where('transition', 'in', ['publication_ended', 'list_entry_expired'])
      .limit(limit)
      .execute(),
  ]);
  const all = [
    ...penalties.map((r) => ({ kind: 'penalty' as const, id: r.id, at: r.at })),
    ...licences.map((r) => ({ kind: 'licensing' as const, id: r.id, at: r.at })),
    ...entries.map((r) => ({ kind: 'list_entry' as const, id: r.id, at: r.at })),
    ...ended.map((r) => ({
      kind: r.entityType === 'penalty_record' ? ('penalty' as const) : ('list_entry' as const),
      id: r.entityId,
      at: r.at,
    })),
  ];
  const seen = new Set<string>();
  return all
    .sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind) || a.id - b.id)
    .filter((r) => !seen.has(`${r.kind}:${r.id}`) && seen.add(`${r.kind}:${r.id}`))
    .slice(0, limit);
}
