import type { Db } from '../db/client';
import {
  docIdOf,
  exposureDocument,
  licensingDocument,
  listEntryDocument,
  penaltyDocument,
  subjectDocument,
  type SearchDocument,
} from './documents';
import * as repo from './repository';
import type { HitKind } from './types';

// Keeps the search documents in step with the tables. Call syncSearchDocuments in the same
// transaction as the change: the PostgreSQL engine then sees it at once, and the outbox
// rows it writes tell other engines (Meilisearch) what to copy, in order.

export interface EntityRef {
  kind: HitKind;
  id: number;
}

type Ids = Record<HitKind, Set<number>>;

const emptyIds = (): Ids => ({
  subject: new Set(),
  licensing: new Set(),
  penalty: new Set(),
  list_entry: new Set(),
  exposure: new Set(),
});

async function buildDocuments(db: Db, kind: HitKind, filter: Parameters<typeof repo.subjectSources>[1]) {
  switch (kind) {
    case 'subject':
      return (await repo.subjectSources(db, filter)).map((s) => ({ id: s.id, doc: subjectDocument(s) }));
    case 'licensing':
      return (await repo.licensingSources(db, filter)).map((r) => ({ id: r.id, doc: licensingDocument(r) }));
    case 'penalty':
      return (await repo.penaltySources(db, filter)).map((r) => ({ id: r.id, doc: penaltyDocument(r) }));
    case 'list_entry':
      return (await repo.listEntrySources(db, filter)).map((r) => ({ id: r.id, doc: listEntryDocument(r) }));
    case 'exposure':
      return (await repo.exposureSources(db, filter)).map((r) => ({ id: r.id, doc: exposureDocument(r) }));
  }
}

/**
 * The current documents of these entities: what is public now (`upserts`) and the ids of
 * those that are not, or no longer exist (`deletions`). A subject ref also covers its
 * records, whose titles carry its name.
 */
export async function loadSearchDocuments(
  db: Db,
  refs: readonly EntityRef[],
): Promise<{ upserts: SearchDocument[]; deletions: string[] }> {
  const ids = emptyIds();
  for (const ref of refs) ids[ref.kind].add(ref.id);
  const related = await repo.recordIdsOfSubjects(db, [...ids.subject]);
  for (const kind of ['licensing', 'penalty', 'list_entry', 'exposure'] as const) {
    for (const id of related[kind]) ids[kind].add(id);
  }

  const upserts: SearchDocument[] = [];
  const deletions: string[] = [];
  for (const kind of Object.keys(ids) as HitKind[]) {
    const wanted = [...ids[kind]];
    if (wanted.length === 0) continue;
    const built = await buildDocuments(db, kind, { ids: wanted });
    const found = new Set(built.map((b) => b.id));
    for (const b of built) {
      if (b.doc) upserts.push(b.doc);
      else deletions.push(docIdOf(kind, b.id));
    }
    for (const id of wanted) if (!found.has(id)) deletions.push(docIdOf(kind, id));
  }
  return { upserts, deletions };
}

/** Recomputes the documents of these entities in the caller's transaction, and queues them for other engines. */
export async function syncSearchDocuments(db: Db, refs: readonly EntityRef[]): Promise<void> {
  const { upserts, deletions } = await loadSearchDocuments(db, refs);
  await repo.upsertDocuments(db, upserts);
  await repo.deleteDocuments(db, deletions);
  await repo.enqueueOutbox(db, [
    ...upserts.map((d) => ({ docId: d.docId, op: 'upsert' as const })),
    ...deletions.map((docId) => ({ docId, op: 'delete' as const })),
  ]);
}

const REBUILD_BATCH = 2000;

/**
 * Rebuilds every document from the tables, in batches (the demo, imports, a changed tokeniser).
 * With `today`, documents whose public window ended by then are left out, as the lifecycle's
 * pruning would delete them: nothing to index, delete and vacuum again.
 */
export async function rebuildSearchIndex(
  db: Db,
  onProgress?: (kind: HitKind, documents: number) => void,
  options: { today?: string } = {},
): Promise<{ documents: number }> {
  const ended = (doc: SearchDocument) =>
    options.today !== undefined && doc.publicUntil !== null && doc.publicUntil <= options.today;
  await repo.deleteAllDocuments(db);
  return repo.withoutTextIndex(db, async () => {
    let documents = 0;
    for (const kind of ['subject', 'licensing', 'penalty', 'list_entry', 'exposure'] as const) {
      let afterId = 0;
      for (;;) {
        const built = await buildDocuments(db, kind, { afterId, limit: REBUILD_BATCH });
        if (built.length === 0) break;
        const docs = built.flatMap((b) => (b.doc && !ended(b.doc) ? [b.doc] : []));
        await repo.upsertDocuments(db, docs);
        documents += docs.length;
        afterId = built.at(-1)!.id;
        onProgress?.(kind, documents);
      }
    }
    return { documents };
  });
}

/**
 * Drops documents whose public window has ended: they can never show again. Visibility
 * never depends on this (every query compares with today); it only keeps the index lean.
 */
export function pruneExpiredSearchDocuments(db: Db, today: string): Promise<number> {
  return repo.deleteExpiredDocuments(db, today);
}

/** Every public document, in batches read from the tables (a Meilisearch rebuild). */
export async function* allDocumentBatches(db: Db, batch = REBUILD_BATCH): AsyncGenerator<SearchDocument[]> {
  for (const kind of ['subject', 'licensing', 'penalty', 'list_entry', 'exposure'] as const) {
    let afterId = 0;
    for (;;) {
      const built = await buildDocuments(db, kind, { afterId, limit: batch });
      if (built.length === 0) break;
      const docs = built.flatMap((b) => (b.doc ? [b.doc] : []));
      if (docs.length > 0) yield docs;
      afterId = built.at(-1)!.id;
    }
  }
}
