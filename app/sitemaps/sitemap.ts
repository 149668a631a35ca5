import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { publicOriginOf } from '@/server/http/origin';
import { listContent } from '@/server/content/service';
import { CONTENT_SECTIONS } from '@/server/content/schema';
import { createCaller } from '@/server/root';
import { PAGES_CHUNK, STATIC_PATHS } from '@/server/sitemap/service';
import { createContext } from '@/server/trpc';

// /sitemaps/sitemap/<chunk>.xml — one file of static and content pages, then the public records in
// id ranges of at most 50,000 (server/sitemap/service.ts). /sitemap.xml is the index.
export const dynamic = 'force-dynamic';

export async function generateSitemaps() {
  const caller = createCaller(await createContext());
  return (await caller.sitemap.chunks()).map((id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const chunk = await id;
  const base = publicOriginOf(await headers());
  const url = (path: string) => new URL(path, base).toString();
  if (chunk === PAGES_CHUNK) {
    const content = (await Promise.all(CONTENT_SECTIONS.map((s) => listContent(s)))).flat();
    return [
      ...STATIC_PATHS.map((path) => ({ url: url(path) })),
      ...content.map((c) => ({ url: url(`/${c.section}/${c.slug}`), lastModified: c.date })),
    ];
  }
  const caller = createCaller(await createContext());
  const entries = (await caller.sitemap.records({ id: chunk })) ?? [];
  return entries.map((e) => ({ url: url(e.path), lastModified: e.lastModified }));
}
