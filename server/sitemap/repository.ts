import type { Db } from '../db/client';
import { exposureIsPublic, licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from '../visibility/public';

// The ids the sitemap lists, in id ranges so that each sitemap file is one index range scan.
// Every query filters with the public predicates; nothing here decides visibility itself.

export interface IdRange {
  /** Inclusive. */
  from: number;
  /** Inclusive. */
  to: number;
}

/** The largest id of each table (public or not): it bounds the number of id ranges. */
export async function maxIds(db: Db) {
  const [subjects, licensing, penalties, exposure] = await Promise.all([
    db
      .selectFrom('subjects')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst(),
    db
      .selectFrom('licensingRecords')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst(),
    db
      .selectFrom('penaltyRecords')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst(),
    db
      .selectFrom('exposureCases')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst(),
  ]);
  return {
    subjects: Number(subjects?.max ?? 0),
    licensing: Number(licensing?.max ?? 0),
    penalties: Number(penalties?.max ?? 0),
    exposure: Number(exposure?.max ?? 0),
  };
}

export async function publicPenalties(db: Db, today: string, range: IdRange) {
  return db
    .selectFrom('penaltyRecords')
    .where('penaltyRecords.id', '>=', range.from)
    .where('penaltyRecords.id', '<=', range.to)
    .where((eb) => penaltyIsPublic(eb, today))
    .select(['penaltyRecords.id', 'penaltyRecords.updatedAt'])
    .orderBy('penaltyRecords.id')
    .execute();
}

export async function publicLicences(db: Db, today: string, range: IdRange) {
  return db
    .selectFrom('licensingRecords')
    .where('licensingRecords.id', '>=', range.from)
    .where('licensingRecords.id', '<=', range.to)
    .where((eb) => licensingIsPublic(eb, today))
    .select(['licensingRecords.id', 'licensingRecords.updatedAt'])
    .orderBy('licensingRecords.id')
    .execute();
}

export async function publicExposureCases(db: Db, today: string, range: IdRange) {
  return db
    .selectFrom('exposureCases')
    .where('exposureCases.id', '>=', range.from)
    .where('exposureCases.id', '<=', range.to)
    .where((eb) => exposureIsPublic(eb, today))
    .select(['exposureCases.id', 'exposureCases.updatedAt'])
    .orderBy('exposureCases.id')
    .execute();
}

/** Subjects with something public today: a public penalty or licence, or a list entry in force. */
export async function publicSubjects(db: Db, today: string, range: IdRange) {
  return db
    .selectFrom('subjects')
    .where('subjects.id', '>=', range.from)
    .where('subjects.id', '<=', range.to)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('penaltyRecords')
            .select(eb.lit(1).as('one'))
            .whereRef('penaltyRecords.subjectId', '=', 'subjects.id')
            .where((p) => penaltyIsPublic(p, today)),
        ),
        eb.exists(
          eb
            .selectFrom('licensingRecords')
            .select(eb.lit(1).as('one'))
            .whereRef('licensingRecords.subjectId', '=', 'subjects.id')
            .where((l) => licensingIsPublic(l, today)),
        ),
        eb.exists(
          eb
            .selectFrom('listEntries')
            .select(eb.lit(1).as('one'))
            .whereRef('listEntries.subjectId', '=', 'subjects.id')
            .where((e) => listEntryIsInForce(e, today)),
        ),
      ]),
    )
    .select(['subjects.id', 'subjects.updatedAt'])
    .orderBy('subjects.id')
    .execute();
}
