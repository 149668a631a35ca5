import { DisclosureListView } from '@/components/disclosures/list-view';
import { pageMetadata } from '@/components/metadata';
import type { SearchParamsRecord } from '@/components/query-string';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '行政处罚公示',
  description:
    '乐山市各部门行政处罚决定公示：按部门、区县、处罚类别和决定日期筛选，查看每条处罚的全部公示字段，下载 CSV。',
  path: '/disclosures/penalties',
});

export default async function PenaltiesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  return <DisclosureListView kind="penalty" searchParams={await searchParams} />;
}
