import { SiteHeaderView } from '@/components/frame/site-header-view';
import { readTextSize } from '@/server/preferences/read';

// Markup lives in a client component (see components/README.md, "Where markup renders").
export async function SiteHeader() {
  return <SiteHeaderView textSize={await readTextSize()} />;
}
