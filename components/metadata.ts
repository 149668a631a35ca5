import type { Metadata } from 'next';

/**
 * Title, description, canonical URL and Open Graph for a public page, in one shape.
 * `path` is the page's canonical path (no query string unless it names the resource);
 * the root layout's `metadataBase` makes it absolute.
 */
export function pageMetadata({
  title,
  description,
  path,
  type = 'website',
}: {
  title: string;
  description: string;
  path: string;
  type?: 'website' | 'article';
}): Metadata {
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title: `${title} — 信用乐山`, description, url: path, siteName: '信用乐山', locale: 'zh_CN', type },
  };
}
