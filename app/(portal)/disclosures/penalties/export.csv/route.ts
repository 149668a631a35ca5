import { csvExportHandler } from '../../csv-response';

export const dynamic = 'force-dynamic';

export const GET = csvExportHandler('penalty');
