import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { publicOriginOf } from '@/server/http/origin';
import { readTextSize } from '@/server/preferences/read';
import './globals.css';

// Read at request time: SITE_URL, or the origin the request was made to (never the build machine's).
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(publicOriginOf(await headers())),
    title: { default: '信用乐山 — 乐山市公共信用信息服务平台', template: '%s — 信用乐山' },
    description:
      '信用乐山是乐山市公共信用信息服务平台：查询企业、个体工商户和个人的行政许可、行政处罚、守信红名单和失信惩戒名单，在线提出异议和信用修复申请。',
    applicationName: '信用乐山',
    icons: { icon: '/favicon.svg' },
  };
}

export const viewport: Viewport = { themeColor: '#0b4a8b' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Large-text mode (适老化) scales the root font size; the class must be in the HTML for readers without JavaScript.
  const large = (await readTextSize()) === 'large';
  return (
    <html lang="zh-CN" className={large ? 'text-large' : undefined}>
      <body className="flex min-h-screen flex-col font-sans">{children}</body>
    </html>
  );
}
