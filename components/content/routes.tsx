import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageMetadata } from '@/components/metadata';
import { getContent, listContent } from '@/server/content/service';
import type { ContentSection } from '@/server/content/schema';
import { ContentArticleView } from './content-article';
import { ContentList } from './content-list';
import { SECTIONS } from './sections';

// The three Markdown sections share their pages; each route file only names its section.

type SlugProps = { params: Promise<{ slug: string }> };

export function listRoute(section: ContentSection) {
  const { label, lead, path } = SECTIONS[section];
  return {
    metadata: pageMetadata({ title: label, description: lead, path }) satisfies Metadata,
    async Page() {
      return <ContentList section={section} items={await listContent(section)} />;
    },
  };
}

export function articleRoute(section: ContentSection) {
  const { path } = SECTIONS[section];
  return {
    async generateMetadata({ params }: SlugProps): Promise<Metadata> {
      const { slug } = await params;
      const article = await getContent(section, slug);
      if (!article) return { title: '页面不存在' };
      const meta = pageMetadata({
        title: article.title,
        description: article.summary,
        path: `${path}/${article.slug}`,
        type: 'article',
      });
      return { ...meta, openGraph: { ...meta.openGraph, type: 'article', publishedTime: article.date } };
    },
    async Page({ params }: SlugProps) {
      const { slug } = await params;
      const article = await getContent(section, slug);
      if (!article) notFound();
      return <ContentArticleView section={section} article={article} />;
    },
  };
}
