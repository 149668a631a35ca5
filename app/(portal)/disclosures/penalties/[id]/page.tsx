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
  const record = await loadPublicRecord('penalty', id);
  if (!record) return { title: '行政处罚信息不存在' };
  return pageMetadata({
    title: `${recordTitle(record)}（${record.documentNumber}）`,
    description: `${record.subjectName} ${record.documentNumber}，${record.departmentName}于${formatDate(record.decisionDate)}作出的行政处罚决定公示信息。`,
    path: `/disclosures/penalties/${record.id}`,
    type: 'article',
  });
}

export default async function PenaltyRecordPage({ params }: Props) {
  const { id } = await params;
  const record = await loadPublicRecord('penalty', id);
  if (!record) notFound();
  return <RecordView record={record} />;
}
