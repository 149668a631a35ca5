import { listRoute } from '@/components/content/routes';

export const dynamic = 'force-dynamic';

const route = listRoute('guides');
export const metadata = route.metadata;
export default route.Page;
