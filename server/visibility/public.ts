import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../db/types';
import { addDays } from '../rules/dates';

// What the public may see, in one place (SPEC §4, §6). Every page, feed, download, search
// and API answer filters with these; nothing else decides visibility. The SQL predicates
// serve queries on the record tables; the window functions give the same answer for
// copies kept elsewhere (the search documents), and a test holds the two together.
//
// - A penalty is public from `publicFrom` until the day before `publicUntil` (at
//   publicUntil it leaves by itself); withdrawn, repaired and unpublished ones never are.
//   A suspended one (objection or complaint under way) stays visible, marked 异议处理中,
//   whatever its end date: the end date only moves once the suspension ends.
// - A licence is public from its decision while not withdrawn; past 有效期至 it is shown
//   as expired, not hidden.
// - A list entry is in force from `listedOn` through `validUntil` while active; a
//   suspended one stays visible (marked) until the suspension ends.
// - An exposure case is public once published.

type DB = Database;

/** Statuses under which each kind can be public at all; the dates below decide the rest. */
export const PUBLIC_STATUSES = {
  licensing: ['published', 'suspended'],
  penalty: ['published', 'suspended'],
  listEntry: ['active', 'suspended'],
  exposure: ['published'],
} as const;

/** Public on day d iff publicFrom ≤ d and (publicUntil is null or d < publicUntil). */
export interface PublicWindow {
  publicFrom: string | null;
  publicUntil: string | null;
}

/** A penalty's window; a suspended one has no end until its objection is decided. */
export function penaltyWindow(r: { status: string; publicFrom: string; publicUntil: string }): PublicWindow | null {
  if (!(PUBLIC_STATUSES.penalty as readonly string[]).includes(r.status)) return null;
  return { publicFrom: r.publicFrom, publicUntil: r.status === 'suspended' ? null : r.publicUntil };
}

/** A licence's window: from its decision on, with no end (expired licences are marked, not hidden). */
export function licensingWindow(r: { status: string; publicFrom: string }): PublicWindow | null {
  if (!(PUBLIC_STATUSES.licensing as readonly string[]).includes(r.status)) return null;
  return { publicFrom: r.publicFrom, publicUntil: null };
}

/** A list entry's window: 列入日期 through 有效期至 (inclusive), unbounded while suspended. */
export function listEntryWindow(e: { status: string; listedOn: string; validUntil: string }): PublicWindow | null {
  if (!(PUBLIC_STATUSES.listEntry as readonly string[]).includes(e.status)) return null;
  return { publicFrom: e.listedOn, publicUntil: e.status === 'suspended' ? null : addDays(e.validUntil, 1) };
}

export function exposureWindow(c: { status: string; publishedOn: string | null }): PublicWindow | null {
  if (!(PUBLIC_STATUSES.exposure as readonly string[]).includes(c.status) || !c.publishedOn) return null;
  return { publicFrom: c.publishedOn, publicUntil: null };
}

export function isWithinWindow(window: PublicWindow | null, today: string): boolean {
  if (!window) return false;
  return (
    (window.publicFrom === null || window.publicFrom <= today) &&
    (window.publicUntil === null || today < window.publicUntil)
  );
}

export function penaltyIsPublic(eb: ExpressionBuilder<DB, 'penaltyRecords'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('penaltyRecords.publicFrom', '<=', today),
    eb.or([
      eb.and([eb('penaltyRecords.status', '=', 'published'), eb('penaltyRecords.publicUntil', '>', today)]),
      // A suspended penalty has no end until its objection is decided (see penaltyWindow).
      eb('penaltyRecords.status', '=', 'suspended'),
    ]),
  ]);
}

export function licensingIsPublic(eb: ExpressionBuilder<DB, 'licensingRecords'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('licensingRecords.status', 'in', PUBLIC_STATUSES.licensing),
    eb('licensingRecords.publicFrom', '<=', today),
  ]);
}

export function listEntryIsInForce(eb: ExpressionBuilder<DB, 'listEntries'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('listEntries.listedOn', '<=', today),
    eb.or([
      eb.and([eb('listEntries.status', '=', 'active'), eb('listEntries.validUntil', '>=', today)]),
      eb('listEntries.status', '=', 'suspended'),
    ]),
  ]);
}

export function exposureIsPublic(eb: ExpressionBuilder<DB, 'exposureCases'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('exposureCases.status', 'in', PUBLIC_STATUSES.exposure),
    eb('exposureCases.publishedOn', '<=', today),
  ]);
}

/** A licence past its 有效期至 is shown as expired (已过期), not hidden. */
export function licenceIsExpired(validUntil: string, today: string): boolean {
  return validUntil < today;
}

export const sqlToday = (today: string) => sql<string>`${today}::date`;
