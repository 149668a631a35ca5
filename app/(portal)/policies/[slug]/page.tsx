import { articleRoute } from '@/components/content/routes';

export const dynamic = 'force-dynamic';

const route = articleRoute('policies');
export const generateMetadata = route.generateMetadata;
export default route.Page;
