import { listRoute } from '@/components/content/routes';

export const dynamic = 'force-dynamic';

const route = listRoute('news');
export const metadata = route.metadata;
export default route.Page;
