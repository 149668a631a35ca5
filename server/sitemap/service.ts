import type { Db } from '../db/client';
import * as repo from './repository';

// The sitemap in chunks (Next's generateSitemaps): one chunk of static and content pages,
// then, per kind of record, one chunk per range of SITEMAP_CHUNK ids. A range holds at most
// SITEMAP_CHUNK rows, so no file exceeds the protocol's 50,000 URLs, and a chunk's content
// depends only on its own rows (no OFFSET over a million records).

export const SITEMAP_CHUNK = 50_000;

/** Pages that exist whatever the data; content pages are added by the caller. */
export const STATIC_PATHS = [
  '/',
  '/search',
  '/disclosures/licensing',
  '/disclosures/penalties',
  '/lists/honor',
  '/lists/dishonesty',
  '/catalog',
  '/exposure',
  '/policies',
  '/news',
  '/guides',
  '/accessibility',
  '/site-map',
] as const;

const KINDS = {
  subjects: { path: (id: number) => `/subjects/${id}`, rows: repo.publicSubjects },
  penalties: { path: (id: number) => `/disclosures/penalties/${id}`, rows: repo.publicPenalties },
  licensing: { path: (id: number) => `/disclosures/licensing/${id}`, rows: repo.publicLicences },
  exposure: { path: (id: number) => `/exposure/${id}`, rows: repo.publicExposureCases },
} as const;
type Kind = keyof typeof KINDS;

export const PAGES_CHUNK = 'pages';

export interface SitemapEntry {
  path: string;
  lastModified: string;
}

/** Chunk ids, e.g. ['pages', 'subjects-0', 'penalties-0', 'penalties-1', …]. */
export async function sitemapChunkIds(db: Db): Promise<string[]> {
  const max = await repo.maxIds(db);
  const ids: string[] = [PAGES_CHUNK];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const chunks = Math.ceil(max[kind] / SITEMAP_CHUNK);
    for (let i = 0; i < chunks; i++) ids.push(`${kind}-${i}`);
  }
  return ids;
}

export function parseChunkId(id: string): { kind: Kind; index: number } | null {
  const m = /^(subjects|penalties|licensing|exposure)-(\d{1,6})$/.exec(id);
  return m ? { kind: m[1] as Kind, index: Number(m[2]) } : null;
}

/** updated_at as the drivers give it (a Date from pg, a Date or string from PGlite). */
function toIsoTimestamp(value: unknown): string {
  return new Date(value as Date | string).toISOString();
}

/** The record pages of one chunk, public today, ordered by id; null for a malformed id. */
export async function sitemapRecordChunk(db: Db, today: string, id: string): Promise<SitemapEntry[] | null> {
  const chunk = parseChunkId(id);
  if (!chunk) return null;
  const { path, rows } = KINDS[chunk.kind];
  const from = chunk.index * SITEMAP_CHUNK + 1;
  const found = await rows(db, today, { from, to: from + SITEMAP_CHUNK - 1 });
  return found.map((r) => ({ path: path(r.id), lastModified: toIsoTimestamp(r.updatedAt) }));
}
