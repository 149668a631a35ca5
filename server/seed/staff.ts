import type { Db } from '../db/client';
import { hashPassword } from '../auth/service';
import type { StaffRole } from '../auth/principal';

// Demo staff accounts, one per role (and a second department, to see the walls between
// departments). The passwords are for the demo only and are printed by `npm start`.

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: StaffRole;
  /** Department code (server/reference/departments.ts); null for admins. */
  departmentCode: string | null;
}

export const DEMO_STAFF: readonly DemoAccount[] = [
  {
    username: 'scjg',
    password: 'demo-scjg-2026',
    displayName: '市市场监督管理局 演示账号',
    role: 'department',
    departmentCode: 'scjg',
  },
  {
    username: 'sthj',
    password: 'demo-sthj-2026',
    displayName: '市生态环境局 演示账号',
    role: 'department',
    departmentCode: 'sthj',
  },
  {
    username: 'office',
    password: 'demo-office-2026',
    displayName: '市联席会议办公室 演示账号',
    role: 'office',
    departmentCode: 'fgw',
  },
  {
    username: 'admin',
    password: 'demo-admin-2026',
    displayName: '系统管理员 演示账号',
    role: 'admin',
    departmentCode: null,
  },
];

/** Creates the demo accounts that do not exist yet; returns those now present. */
export async function seedDemoStaff(db: Db): Promise<DemoAccount[]> {
  const present: DemoAccount[] = [];
  for (const account of DEMO_STAFF) {
    const exists = await db
      .selectFrom('staffUsers')
      .select('id')
      .where('username', '=', account.username)
      .executeTakeFirst();
    if (exists) {
      present.push(account);
      continue;
    }
    const department = account.departmentCode
      ? await db.selectFrom('departments').select('id').where('code', '=', account.departmentCode).executeTakeFirst()
      : undefined;
    if (account.departmentCode && !department) continue;
    await db
      .insertInto('staffUsers')
      .values({
        username: account.username,
        displayName: account.displayName,
        passwordHash: await hashPassword(account.password),
        role: account.role,
        departmentId: department?.id ?? null,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    present.push(account);
  }
  return present;
}
