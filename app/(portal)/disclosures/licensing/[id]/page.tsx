import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadPublicRecord, recordTitle, RecordView } from '@/components/disclosures/record-view';
import { pageMetadata } from '@/components/metadata';
import { formatDate } from '@/components/format';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const record = await loadPublicRecord('licensing', id);
  if (!record) return { title: '行政许可信息不存在' };
  return pageMetadata({
    title: `${recordTitle(record)}（${record.documentNumber}）`,
    description: `${record.subjectName} ${record.documentNumber}，${record.departmentName}于${formatDate(record.decisionDate)}作出的行政许可决定公示信息。`,
    path: `/disclosures/licensing/${record.id}`,
    type: 'article',
  });
}

export default async function LicensingRecordPage({ params }: Props) {
  const { id } = await params;
  const record = await loadPublicRecord('licensing', id);
  if (!record) notFound();
  return <RecordView record={record} />;
}
