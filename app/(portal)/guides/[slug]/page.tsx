import { articleRoute } from '@/components/content/routes';

export const dynamic = 'force-dynamic';

const route = articleRoute('guides');
export const generateMetadata = route.generateMetadata;
export default route.Page;
