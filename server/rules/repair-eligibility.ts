// When a subject may object to a public record or apply for credit repair (SPEC §4, §6), and
// why not yet. Pure: the pages turn the answer into a sentence (server/subjects/present.ts).

import type { CreditDomain, PenaltyCategory } from './codes';
import { compareDates, type IsoDate } from './dates';
import { isNeverEarlyRepair } from './periods';

/** Why an action is not available; `from` only for `too_early`. */
export type Unavailable =
  /** An objection or complaint is being handled: the record is suspended (异议处理中). */
  | { code: 'suspended' }
  /** An application of the same kind was filed and is not decided yet. */
  | { code: 'pending_application' }
  /** Categories and domains that stay public for the full maximum (SPEC §4). */
  | { code: 'never_early' }
  /** The minimum publication period has not ended: repair possible from `from`. */
  | { code: 'too_early'; from: IsoDate };

export type Availability = { available: true } | ({ available: false } & Unavailable);

export interface RecordActions {
  objection: Availability;
  /** null when repair does not apply to the kind of record at all (licences, honor list). */
  repair: Availability | null;
}

/** Open applications against one record, as far as the rule needs them. */
export interface PendingApplications {
  objection: boolean;
  repair: boolean;
}

const NONE_PENDING: PendingApplications = { objection: false, repair: false };
const AVAILABLE: Availability = { available: true };

export interface PenaltyForEligibility {
  status: string;
  earliestRepairOn: IsoDate;
  repairableEarly: boolean;
  categories: readonly string[];
  domain: string | null;
}

function objectionAvailability(suspended: boolean, pending: PendingApplications): Availability {
  if (suspended) return { available: false, code: 'suspended' };
  if (pending.objection) return { available: false, code: 'pending_application' };
  return AVAILABLE;
}

/** Repair of a penalty: not while suspended or already applied for, never early for some, else from earliestRepairOn. */
export function penaltyRepairAvailability(
  penalty: PenaltyForEligibility,
  today: IsoDate,
  pending: PendingApplications = NONE_PENDING,
): Availability {
  if (penalty.status === 'suspended') return { available: false, code: 'suspended' };
  if (pending.repair) return { available: false, code: 'pending_application' };
  const neverEarly =
    !penalty.repairableEarly ||
    isNeverEarlyRepair(penalty.categories as readonly PenaltyCategory[], penalty.domain as CreditDomain | null);
  if (neverEarly) return { available: false, code: 'never_early' };
  if (compareDates(today, penalty.earliestRepairOn) < 0) {
    return { available: false, code: 'too_early', from: penalty.earliestRepairOn };
  }
  return AVAILABLE;
}

export function penaltyActions(
  penalty: PenaltyForEligibility,
  today: IsoDate,
  pending: PendingApplications = NONE_PENDING,
): RecordActions {
  return {
    objection: objectionAvailability(penalty.status === 'suspended', pending),
    repair: penaltyRepairAvailability(penalty, today, pending),
  };
}

/** A licence can only be objected to: repair concerns dishonesty, and a licence is none. */
export function licensingActions(
  licence: { status: string },
  pending: PendingApplications = NONE_PENDING,
): RecordActions {
  return { objection: objectionAvailability(licence.status === 'suspended', pending), repair: null };
}

/**
 * A list entry can be objected to; a dishonesty entry can also be repaired, under the rules of the
 * penalty it rests on when there is one (its minimum period, its never-early category).
 */
export function listEntryActions(
  entry: { listType: string; status: string; penalty: PenaltyForEligibility | null },
  today: IsoDate,
  pending: PendingApplications = NONE_PENDING,
): RecordActions {
  const suspended = entry.status === 'suspended';
  const objection = objectionAvailability(suspended, pending);
  if (entry.listType !== 'dishonesty') return { objection, repair: null };
  if (suspended) return { objection, repair: { available: false, code: 'suspended' } };
  if (entry.penalty) {
    // The entry's own suspension decides above; the penalty's is judged as if published.
    return { objection, repair: penaltyRepairAvailability({ ...entry.penalty, status: 'published' }, today, pending) };
  }
  return { objection, repair: pending.repair ? { available: false, code: 'pending_application' } : AVAILABLE };
}
