import { readSection, type ContentFile } from './files';
import { renderMarkdown, type Heading } from './markdown';
import { slugSchema, type ContentSection } from './schema';

export type ContentSummary = Omit<ContentFile, 'body'>;

export interface ContentArticle extends ContentSummary {
  html: string;
  headings: Heading[];
}

/** Pinned first (the 2017 plan among the policies), then newest first, then by slug for a stable order. */
export function sortContent<T extends { pinned: boolean; date: string; slug: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) || b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug),
  );
}

function summary({ body: _body, ...rest }: ContentFile): ContentSummary {
  return rest;
}

export async function listContent(section: ContentSection): Promise<ContentSummary[]> {
  return sortContent(await readSection(section)).map(summary);
}

/** The article, or null for an unknown or malformed slug (the page answers 404). */
export async function getContent(section: ContentSection, slug: string): Promise<ContentArticle | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const file = (await readSection(section)).find((f) => f.slug === slug);
  if (!file) return null;
  return { ...summary(file), ...renderMarkdown(file.body) };
}

/** Headings worth a table of contents (levels 2 and 3), only when a document is long enough to need one. */
export function tableOfContents(headings: readonly Heading[], minimum = 6): Heading[] {
  const outline = headings.filter((h) => h.depth === 2 || h.depth === 3);
  return outline.length >= minimum ? outline : [];
}
