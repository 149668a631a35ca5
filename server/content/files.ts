import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { CONTENT_SECTIONS, frontMatterSchema, slugSchema, type ContentSection, type FrontMatter } from './schema';

// Reads and validates the Markdown files of content/. A file with bad front matter stops
// the page with a Chinese message naming the file, so a mistake is found by the test that
// parses every file, not by a reader.

export interface ContentFile extends FrontMatter {
  section: ContentSection;
  slug: string;
  /** Path relative to the project, for messages. */
  file: string;
  body: string;
}

export function contentRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'content');
}

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Parses one file's text; `file` only names it in errors. */
export function parseContentFile(section: ContentSection, file: string, text: string): ContentFile {
  const slug = path.basename(file, '.md');
  if (!slugSchema.safeParse(slug).success) {
    throw new ContentError(`${file}：文件名只能用小写字母、数字和连字符（它就是网址的一部分）`);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh object each time: gray-matter caches by content string otherwise.
    parsed = matter(text, {});
  } catch (err) {
    throw new ContentError(`${file}：front matter 不是有效的 YAML（${(err as Error).message}）`);
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message));
    throw new ContentError(`${file} 的 front matter 有误：${problems.join('；')}`);
  }
  if (!parsed.content.trim()) throw new ContentError(`${file}：正文为空`);
  return { ...result.data, section, slug, file, body: parsed.content };
}

export async function readSection(section: ContentSection, root = contentRoot()): Promise<ContentFile[]> {
  const dir = path.join(root, section);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) =>
      parseContentFile(section, path.posix.join('content', section, name), await readFile(path.join(dir, name), 'utf8')),
    ),
  );
}

export async function readAll(root = contentRoot()): Promise<ContentFile[]> {
  return (await Promise.all(CONTENT_SECTIONS.map((s) => readSection(s, root)))).flat();
}
