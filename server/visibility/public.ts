import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../db/types';

// What the public may see, in one place (SPEC §4, §6). Every page, feed, download, search
// and API answer filters with these; nothing else decides visibility.
//
// - A penalty is public from `publicFrom` until the day before `publicUntil` (at
//   publicUntil it leaves by itself); withdrawn, repaired and unpublished ones never are.
//   A suspended one (objection or complaint under way) stays visible, marked 异议处理中,
//   whatever its end date: the end date only moves once the suspension ends.
// - A licence is public from its decision while not withdrawn; past 有效期至 it is shown
//   as expired, not hidden.
// - A list entry is in force from `listedOn` through `validUntil` while active or
//   suspended.
// - An exposure case is public once published.

type DB = Database;

export function penaltyIsPublic(eb: ExpressionBuilder<DB, 'penaltyRecords'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('penaltyRecords.publicFrom', '<=', today),
    eb.or([
      eb.and([eb('penaltyRecords.status', '=', 'published'), eb('penaltyRecords.publicUntil', '>', today)]),
      eb('penaltyRecords.status', '=', 'suspended'),
    ]),
  ]);
}

export function licensingIsPublic(eb: ExpressionBuilder<DB, 'licensingRecords'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('licensingRecords.status', 'in', ['published', 'suspended']),
    eb('licensingRecords.publicFrom', '<=', today),
  ]);
}

export function listEntryIsInForce(eb: ExpressionBuilder<DB, 'listEntries'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('listEntries.status', 'in', ['active', 'suspended']),
    eb('listEntries.listedOn', '<=', today),
    eb('listEntries.validUntil', '>=', today),
  ]);
}

export function exposureIsPublic(eb: ExpressionBuilder<DB, 'exposureCases'>, today: string): Expression<SqlBool> {
  return eb.and([eb('exposureCases.status', '=', 'published'), eb('exposureCases.publishedOn', '<=', today)]);
}

/** A licence past its 有效期至 is shown as expired (已过期), not hidden. */
export function licenceIsExpired(validUntil: string, today: string): boolean {
  return validUntil < today;
}

export const sqlToday = (today: string) => sql<string>`${today}::date`;
