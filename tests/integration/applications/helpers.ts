import { createHash, randomBytes } from 'node:crypto';
import type { CheckedAttachment } from '@/server/applications/attachments';
import { REPAIR_MATERIALS, type RepairMaterial } from '@/server/rules/repair-materials';
import type { Db } from '@/server/db/client';
import { deriveIdentityKeys } from '@/server/identities/protect';
import type { StaffPrincipal, StaffRole } from '@/server/auth/principal';
import {
  acceptApplication,
  decideApplication,
  submitApplication,
  type ServiceOptions,
} from '@/server/applications/service';
import type { SubmitInput } from '@/server/applications/schema';
import { syncSearchDocuments } from '@/server/search/indexer';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';

// A small world for application tests: a department, a firm with a penalty and a
// dishonesty list entry resting on it, and the office.

export const keys = deriveIdentityKeys(Buffer.alloc(32, 7));
export const options = (today: string): ServiceOptions => ({ today, keys });

let staffSerial = 0;
export async function createStaff(db: Db, role: StaffRole, departmentId: number | null): Promise<StaffPrincipal> {
  staffSerial += 1;
  const username = `${role}${staffSerial}_${randomBytes(2).toString('hex')}`;
  const row = await db
    .insertInto('staffUsers')
    .values({ username, displayName: `测试${role}${staffSerial}`, passwordHash: 'x', role, departmentId })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username,
    displayName: `测试${role}${staffSerial}`,
    role,
    departmentId,
    csrfToken: 'c',
    sessionId: 's',
  };
}

export async function officeDepartment(db: Db) {
  const existing = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('isOffice', '=', true)
    .executeTakeFirst();
  if (existing) return existing;
  const d = await createDepartment(db);
  await db.updateTable('departments').set({ isOffice: true }).where('id', '=', d.id).execute();
  return d;
}

export async function createWorld(db: Db, name: string, penalty: Parameters<typeof createPenalty>[3] = {}) {
  const department = await createDepartment(db);
  const firm = await createCompany(db, name);
  const record = await createPenalty(db, firm, department, {
    decisionDate: '2025-09-01',
    publicFrom: '2025-09-01',
    earliestRepairOn: '2025-12-01',
    publicUntil: '2026-09-01',
    ...penalty,
  });
  const entry = await db
    .insertInto('listEntries')
    .values({
      listType: 'dishonesty',
      subjectId: firm.id,
      departmentId: department.id,
      decisionNumber: `乐测认〔2025〕${record.id}号`,
      basis: '《企业信息公示暂行条例》',
      reason: '拒不履行行政处罚决定',
      listedOn: '2025-10-01',
      validUntil: '2026-10-01',
      penaltyRecordId: record.id,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await syncSearchDocuments(db, [{ kind: 'subject', id: firm.id }]);
  return { department, firm, record, entry };
}

let tokenSerial = 0;
export function formToken() {
  tokenSerial += 1;
  return `tok${tokenSerial}${randomBytes(10).toString('hex')}`;
}

export function objectionInput(recordId: number, overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    kind: 'objection',
    idempotencyKey: formToken(),
    record: { kind: 'penalty', id: recordId },
    applicant: {
      type: 'organisation',
      name: '测试公司',
      uscc: '91350100M000100Y43',
      contactPerson: '李经办',
      phone: '13800000000',
      email: '',
    },
    reasonCategory: '信息错误',
    description: '处罚决定书记载的违法事实与本公司实际情况不符。',
    ...overrides,
  };
}

/** A one-pixel PNG, as a checked attachment for `material` (or an unlabelled one). */
export function pngAttachment(fileName: string, material?: RepairMaterial): CheckedAttachment {
  const bytes = Uint8Array.from(Buffer.from(ONE_PIXEL_PNG, 'base64'));
  return {
    fileName,
    bytes,
    mediaType: 'image/png',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(material ? { material } : {}),
  };
}
export const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Every repair material, one file each: what a complete repair application carries. */
export const allRepairMaterials = () => REPAIR_MATERIALS.map((m) => pngAttachment(`${m}.png`, m));

/** Files an application; a repair carries every material unless `files` says otherwise. */
export async function submit(
  db: Db,
  input: SubmitInput,
  today: string,
  files: readonly CheckedAttachment[] = input.kind === 'repair' ? allRepairMaterials() : [],
) {
  return submitApplication(db, input, files, options(today));
}

export async function appByTracking(db: Db, trackingNumber: string) {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('trackingNumber', '=', trackingNumber)
    .executeTakeFirstOrThrow();
}

export async function penalty(db: Db, id: number) {
  return db.selectFrom('penaltyRecords').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
export async function listEntry(db: Db, id: number) {
  return db.selectFrom('listEntries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Accepts a filed application as staff on a day, and returns it as it now stands. */
export async function accepted(db: Db, staff: StaffPrincipal, trackingNumber: string, on: string) {
  const app = await appByTracking(db, trackingNumber);
  await acceptApplication(db, staff, { id: app.id, version: app.version }, on);
  return appByTracking(db, trackingNumber);
}

/** Rejects an accepted objection as staff on a day (the record resumes unless another one is handled). */
export async function rejected(
  db: Db,
  staff: StaffPrincipal,
  app: { id: number; version: number },
  on: string,
  reasons = '处罚信息无误。',
) {
  await decideApplication(db, staff, { id: app.id, version: app.version, decision: 'reject', reasons }, on);
}
