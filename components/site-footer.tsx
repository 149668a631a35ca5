import { SiteFooterView } from '@/components/frame/site-footer-view';
import { config } from '@/server/config';

// Markup lives in a client component (see components/README.md, "Where markup renders").
export function SiteFooter() {
  // Filing numbers and contact are settings (server/config.ts): a line without one is left out.
  const { SITE_ICP_NUMBER, SITE_PSB_NUMBER, SITE_CONTACT } = config();
  return <SiteFooterView icpNumber={SITE_ICP_NUMBER} psbNumber={SITE_PSB_NUMBER} contact={SITE_CONTACT} />;
}
