import { z } from '../validation';

// The front matter every Markdown file in content/ carries. gray-matter (js-yaml) turns an
// unquoted 2017-06-19 into a Date at UTC midnight, so both forms are accepted and normalised.
const isoDate = z.union([
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期须写成 YYYY-MM-DD，例如 2017-06-19'),
]);

export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, '缺少标题 title'),
    date: isoDate,
    summary: z.string().trim().min(1, '缺少摘要 summary'),
    /** The document or office the text comes from, shown under the article. */
    source: z.string().trim().min(1).optional(),
    /** Listed before the date order (the 2017 plan among the policies). */
    pinned: z.boolean().default(false),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const CONTENT_SECTIONS = ['policies', 'news', 'guides'] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

/** A slug is the file name without `.md`: lower-case letters, digits and hyphens. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
