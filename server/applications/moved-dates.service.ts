import type { Db } from '../db/client';
import { movedDatesNote } from '../rules/suspension-note';
import * as repo from './repository';

// Why a penalty's end dates moved (SPEC §6), for the record page and the subject's profile.

/**
 * Why each penalty's end dates moved, naming the objections and complaints that suspended it
 * (SPEC §6); penalties whose dates did not move are left out.
 */
export async function movedDatesNotes(
  db: Db,
  penalties: readonly { id: number; suspendedDays: number; repairableEarly: boolean }[],
): Promise<Map<number, string>> {
  const moved = penalties.filter((p) => p.suspendedDays > 0);
  const rows = await repo.suspendingApplications(
    db,
    moved.map((p) => p.id),
  );
  const notes = new Map<number, string>();
  for (const p of moved) {
    const apps = rows
      .filter((r) => r.penaltyRecordId === p.id)
      .map((r) => ({ kind: r.kind as 'objection' | 'complaint', decidedOn: r.decidedOn }));
    const note = movedDatesNote(p.suspendedDays, apps, p.repairableEarly);
    if (note) notes.set(p.id, note);
  }
  return notes;
}

/** The moved-dates note of one penalty, or null when its dates did not move. */
export async function movedDatesNoteOf(db: Db, penaltyId: number): Promise<string | null> {
  const p = await repo.penaltySuspension(db, penaltyId);
  return p ? ((await movedDatesNotes(db, [p])).get(p.id) ?? null) : null;
}
