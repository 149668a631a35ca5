import type { Db } from '../db/client';
import { docIdOf, licensingDocument, penaltyDocument, subjectDocument, type SearchDocument } from './documents';
import * as repo from './repository';
import { timed, timedSync } from '../perf/phases';

// The search sync of bulk writers (department imports): for a batch of records of one kind
// just written, and the subjects created for them, one source query per kind, one upsert of
// the documents and one outbox statement, in the caller's transaction. Unlike
// syncSearchDocuments, a subject here is new: it has no document yet (a person never gets
// one) and no other records to re-index.

export interface BulkChange {
  kind: 'licensing' | 'penalty';
  /** Records created or changed by the batch. */
  recordIds: readonly number[];
  /** Subjects created by the batch (their only records are among recordIds). */
  newSubjectIds: readonly number[];
}

/** Re-indexes what a bulk write changed; returns how many documents were upserted and deleted. */
export async function syncBulkChange(db: Db, change: BulkChange): Promise<{ upserted: number; deleted: number }> {
  const upserts: SearchDocument[] = [];
  const deletions: string[] = [];
  const collect = <T extends { id: number }>(
    kind: 'subject' | 'licensing' | 'penalty',
    wanted: readonly number[],
    sources: readonly T[],
    build: (s: T) => SearchDocument | null,
    existed: boolean,
  ) => {
    const found = new Set<number>();
    for (const s of sources) {
      found.add(s.id);
      const doc = build(s);
      if (doc) upserts.push(doc);
      else if (existed) deletions.push(docIdOf(kind, s.id));
    }
    for (const id of wanted) if (existed && !found.has(id)) deletions.push(docIdOf(kind, id));
  };
  if (change.newSubjectIds.length > 0) {
    const ids = change.newSubjectIds;
    const sources = await timed('db: document sources', () => repo.subjectSources(db, { ids }));
    timedSync('node: build documents', () => collect('subject', ids, sources, subjectDocument, false));
  }
  if (change.recordIds.length > 0) {
    const ids = change.recordIds;
    if (change.kind === 'licensing') {
      const sources = await timed('db: document sources', () => repo.licensingSources(db, { ids }));
      timedSync('node: build documents', () => collect('licensing', ids, sources, licensingDocument, true));
    } else {
      const sources = await timed('db: document sources', () => repo.penaltySources(db, { ids }));
      timedSync('node: build documents', () => collect('penalty', ids, sources, penaltyDocument, true));
    }
  }
  await repo.upsertDocuments(db, upserts);
  await timed('db: document deletes', () => repo.deleteDocuments(db, deletions));
  await timed('db: outbox', () =>
    repo.enqueueOutbox(db, [
      ...upserts.map((d) => ({ docId: d.docId, op: 'upsert' as const })),
      ...deletions.map((docId) => ({ docId, op: 'delete' as const })),
    ]),
  );
  return { upserted: upserts.length, deleted: deletions.length };
}
