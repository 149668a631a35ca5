import { DisclosureListView } from '@/components/disclosures/list-view';
import { pageMetadata } from '@/components/metadata';
import type { SearchParamsRecord } from '@/components/query-string';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '行政许可公示',
  description:
    '乐山市各部门行政许可决定公示：按部门、区县、许可类别和决定日期筛选，查看每条许可的全部公示字段，下载 CSV。',
  path: '/disclosures/licensing',
});

export default async function LicensingPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  return <DisclosureListView kind="licensing" searchParams={await searchParams} />;
}
