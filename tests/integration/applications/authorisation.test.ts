import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import type { StaffPrincipal } from '@/server/auth/principal';
import { acceptApplication, submitApplication } from '@/server/applications/service';
import { checkAttachment } from '@/server/applications/attachments';
import { describeEachDatabase } from '../helpers/databases';
import { companyUscc, penaltyRow, toCsv } from '../imports/sample';
import { appByTracking, createStaff, createWorld, objectionInput, officeDepartment, options, submit } from './helpers';

// Every staff procedure called as every role, for an application of the caller's own
// department and of another: exactly the allowed calls pass (SPEC §7).

type Role = 'department-own' | 'department-other' | 'office' | 'admin';
const ROLES: Role[] = ['department-own', 'department-other', 'office', 'admin'];
const TODAY = '2026-03-02';

const ALLOWED: Record<string, Role[]> = {
  'applications.queue': ['department-own', 'department-other', 'office'],
  'applications.get': ['department-own', 'office'],
  'applications.accept': ['department-own'],
  'applications.refuse': ['department-own'],
  'applications.decide': ['department-own'],
  'applications.attachment': ['department-own', 'office'],
  'complaint.accept': ['office'],
  'complaint.decide': ['office'],
  'records.catalog': ['department-own', 'department-other', 'office'],
  'records.withdraw': ['department-own'],
  'records.createPenalty': ['department-own', 'department-other'],
  'records.createCatalogItem': ['office'],
  'records.setCatalogItemActive': ['office'],
  'records.exposures': ['office'],
  'records.setExposureStatus': ['office'],
  'records.correctPenalty': ['department-own'],
  'records.createListEntry': ['department-own', 'department-other'],
  'records.createLicensing': ['department-own', 'department-other'],
  'records.correctLicensing': ['department-own'],
  'records.correctListEntry': ['department-own'],
  'records.removeListEntry': ['department-own'],
  'imports.history': ROLES,
  'imports.preview': ['department-own', 'office', 'admin'],
  'imports.get': ['department-own', 'office', 'admin'],
  'imports.errorReport': ['department-own', 'office', 'admin'],
  'imports.commit': ['department-own'],
  'imports.cancel': ['department-own'],
  // Department staff see the report scoped to their own department (tests/integration/stats/scoping.test.ts).
  'stats.monitoring': ['department-own', 'department-other', 'office', 'admin'],
  'staff.me': ROLES,
  'staff.signOutEverywhere': ROLES,
  'staff.users': ['admin'],
  'staff.departments': ['office', 'admin'],
  'staff.createUser': ['admin'],
  'staff.apiKeys': ['admin'],
  'staff.createApiKey': ['admin'],
  'staff.revokeApiKey': ['admin'],
};

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describeEachDatabase('authorisation matrix of staff procedures', (current) => {
  let staff: Record<Role, StaffPrincipal>;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let serial = 0;

  beforeAll(async () => {
    const { db } = current();
    const office = await officeDepartment(db);
    world = await createWorld(db, '乐山市授权测试有限公司');
    const other = await createWorld(db, '乐山市另一部门测试有限公司');
    staff = {
      'department-own': await createStaff(db, 'department', world.department.id),
      'department-other': await createStaff(db, 'department', other.department.id),
      office: await createStaff(db, 'office', office.id),
      admin: await createStaff(db, 'admin', null),
    };
  });

  /** A fresh objection against world's department, optionally accepted already. */
  const freshObjection = async (accepted: boolean) => {
    const { db } = current();
    const png = await checkAttachment('a.png', PNG);
    if (!png.ok) throw new Error(png.message);
    const filed = await submitApplication(db, objectionInput(world.record.id), [png.file], options(TODAY));
    let app = await appByTracking(db, filed.trackingNumber);
    if (accepted) {
      await acceptApplication(db, staff['department-own'], { id: app.id, version: app.version }, TODAY);
      app = await appByTracking(db, filed.trackingNumber);
    }
    return { app, filed };
  };
  const freshComplaint = async (accepted: boolean) => {
    const { db } = current();
    const { app: objection, filed } = await freshObjection(true);
    await createCaller({ db, today: TODAY, staff: staff['department-own'] }).applications.decide({
      id: objection.id,
      version: objection.version,
      decision: 'reject',
      reasons: '处罚信息无误。',
    });
    const complaint = await submit(
      db,
      objectionInput(world.record.id, {
        kind: 'complaint',
        record: undefined,
        parentTrackingNumber: filed.trackingNumber,
        parentQueryCode: filed.queryCode,
        reasonCategory: '异议答复理由不充分',
      }),
      TODAY,
    );
    let app = await appByTracking(db, complaint.trackingNumber);
    if (accepted) {
      await acceptApplication(db, staff.office, { id: app.id, version: app.version }, TODAY);
      app = await appByTracking(db, complaint.trackingNumber);
    }
    return app;
  };

  /** A one-row penalty file for world's department (one bad row, so there is an error report). */
  const matrixUpload = () => ({
    fileName: 'matrix.csv',
    bytes: new TextEncoder().encode(
      toCsv([penaltyRow(900 + (serial += 1), { CF_JDRQ: '2026-02-10' }), penaltyRow(1, { CF_XDR_SHXYM: 'bad' })]),
    ),
    departmentId: world.department.id,
  });
  /** A preview made by world's own department staff. */
  const ownPreview = async () =>
    (
      await createCaller({ db: current().db, today: TODAY, staff: staff['department-own'] }).imports.preview(
        matrixUpload(),
      )
    ).importId;

  const calls: Record<string, (c: ReturnType<typeof createCaller>) => Promise<unknown>> = {
    'applications.queue': (c) => c.applications.queue({}),
    'applications.get': async (c) => c.applications.get({ id: (await freshObjection(false)).app.id }),
    'applications.accept': async (c) => {
      const { app } = await freshObjection(false);
      return c.applications.accept({ id: app.id, version: app.version });
    },
    'applications.refuse': async (c) => {
      const { app } = await freshObjection(false);
      return c.applications.refuse({ id: app.id, version: app.version, reasons: '不属于受理范围。' });
    },
    'applications.decide': async (c) => {
      const { app } = await freshObjection(true);
      return c.applications.decide({ id: app.id, version: app.version, decision: 'reject', reasons: '处罚信息无误。' });
    },
    'applications.attachment': async (c) => {
      const { app } = await freshObjection(false);
      const row = await current()
        .db.selectFrom('applicationAttachments')
        .select('id')
        .where('applicationId', '=', app.id)
        .executeTakeFirstOrThrow();
      return c.applications.attachment({ id: row.id });
    },
    'complaint.accept': async (c) => {
      const app = await freshComplaint(false);
      return c.applications.accept({ id: app.id, version: app.version });
    },
    'complaint.decide': async (c) => {
      const app = await freshComplaint(true);
      return c.applications.decide({ id: app.id, version: app.version, decision: 'uphold', reasons: '维持原答复。' });
    },
    'records.catalog': (c) => c.records.catalog(),
    'records.createPenalty': (c) =>
      c.records.createPenalty({
        subjectId: world.firm.id,
        documentNumber: `乐测罚〔2026〕矩阵${(serial += 1)}号`,
        violationType: '测试',
        violationFacts: '测试事实',
        legalBasis: '测试依据',
        categories: ['警告'],
        content: '警告',
        decisionDate: TODAY,
      }),
    'records.createCatalogItem': (c) =>
      c.records.createCatalogItem({
        code: `NEW-${(serial += 1)}`,
        kind: 'incentive',
        decidingUnit: '市发展改革委',
        measure: '绿色通道',
        reason: '守信激励',
        legalBasis: '测试依据',
        implementingUnits: '各部门',
        content: '优先办理',
        evidence: '认定文书',
        domain: null,
      }),
    'records.setCatalogItemActive': async (c) => {
      const item = await current()
        .db.insertInto('catalogItems')
        .values({
          code: `ACT-${(serial += 1)}`,
          kind: 'incentive',
          decidingUnit: '测试',
          measure: '容缺受理',
          reason: '测试',
          legalBasis: '测试',
          implementingUnits: '测试',
          content: '测试',
          evidence: '测试',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.records.setCatalogItemActive({ id: item.id, active: false });
    },
    'records.exposures': (c) => c.records.exposures(),
    'records.setExposureStatus': async (c) => {
      const row = await current()
        .db.insertInto('exposureCases')
        .values({
          title: '测试曝光案例',
          domain: '食品药品',
          subjectName: '乐山市授权测试有限公司',
          summary: '摘要',
          body: '正文',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.records.setExposureStatus({ id: row.id, status: 'published' });
    },
    'records.withdraw': async (c) => {
      const fresh = await createWorld(current().db, `乐山市撤销矩阵${(serial += 1)}有限公司`);
      await current()
        .db.updateTable('penaltyRecords')
        .set({ departmentId: world.department.id })
        .where('id', '=', fresh.record.id)
        .execute();
      return c.records.withdraw({ kind: 'penalty', id: fresh.record.id, reason: '矩阵测试撤销。' });
    },
    'records.correctPenalty': (c) =>
      c.records.correctPenalty({ id: world.record.id, content: '矩阵测试内容', reason: '矩阵测试更正。' }),
    'records.createListEntry': async (c) => {
      const item = await current()
        .db.insertInto('catalogItems')
        .values({
          code: `MX-${(serial += 1)}`,
          kind: 'punishment',
          decidingUnit: '测试',
          measure: '重点监管',
          reason: '测试',
          legalBasis: '测试',
          implementingUnits: '测试',
          content: '测试',
          evidence: '测试',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.records.createListEntry({
        listType: 'dishonesty',
        subjectId: world.firm.id,
        decisionNumber: '乐测认〔2026〕9号',
        basis: '测试依据',
        reason: '严重失信',
        listedOn: TODAY,
        validUntil: '2027-03-02',
        catalogItemIds: [item.id],
      });
    },
    'records.createLicensing': (c) =>
      c.records.createLicensing({
        XK_XDR_MC: '乐山市授权测试有限公司',
        XK_XDR_LB: '法人及非法人组织',
        XK_XDR_SHXYM: companyUscc(70000 + (serial += 1)),
        XK_XKWS: '许可决定书',
        XK_WSH: `乐测许〔2026〕矩阵${serial}号`,
        XK_XKLB: '普通',
        XK_NR: '测试许可',
        XK_JDRQ: '2026-02-20',
        XK_YXQZ: '2026-02-20',
        XK_YXQZI: '2030-02-19',
      }),
    'records.correctLicensing': async (c) => {
      // The licence belongs to world's department; each role then tries to correct it.
      const own = createCaller({ db: current().db, today: TODAY, staff: staff['department-own'] });
      const documentNumber = `乐测许〔2026〕更正矩阵${(serial += 1)}号`;
      await own.records.createLicensing({
        XK_XDR_MC: '乐山市授权测试有限公司',
        XK_XDR_LB: '法人及非法人组织',
        XK_XDR_SHXYM: companyUscc(75000 + serial),
        XK_XKWS: '许可决定书',
        XK_WSH: documentNumber,
        XK_XKLB: '普通',
        XK_NR: '测试许可',
        XK_JDRQ: '2026-02-20',
        XK_YXQZ: '2026-02-20',
        XK_YXQZI: '2030-02-19',
      });
      return c.records.correctLicensing({ documentNumber, XK_NR: '矩阵测试更正内容', reason: '矩阵测试更正。' });
    },
    'records.correctListEntry': (c) =>
      c.records.correctListEntry({ id: world.entry.id, basis: '矩阵测试依据', reason: '矩阵测试更正。' }),
    'records.removeListEntry': async (c) => {
      const fresh = await createWorld(current().db, `乐山市移出矩阵${(serial += 1)}有限公司`);
      await current()
        .db.updateTable('listEntries')
        .set({ departmentId: world.department.id })
        .where('id', '=', fresh.entry.id)
        .execute();
      return c.records.removeListEntry({ id: fresh.entry.id, reason: '矩阵测试移出。' });
    },
    'imports.history': (c) => c.imports.history(),
    'imports.preview': (c) => c.imports.preview(matrixUpload()),
    'imports.get': async (c) => c.imports.get({ id: await ownPreview() }),
    'imports.errorReport': async (c) => c.imports.errorReport({ id: await ownPreview() }),
    'imports.commit': async (c) => c.imports.commit({ id: await ownPreview() }),
    'imports.cancel': async (c) => c.imports.cancel({ id: await ownPreview() }),
    'stats.monitoring': (c) => c.stats.monitoring({ from: '2026-01', to: '2026-02' }),
    'staff.me': (c) => c.staff.me(),
    'staff.signOutEverywhere': (c) => c.staff.signOutEverywhere(),
    'staff.users': (c) => c.staff.users(),
    'staff.departments': (c) => c.staff.departments(),
    'staff.createUser': (c) => {
      serial += 1;
      return c.staff.createUser({
        username: `new.user${serial}`,
        displayName: '新同事',
        password: 'a long enough password',
        role: 'office',
        departmentId: null,
      });
    },
    'staff.apiKeys': (c) => c.staff.apiKeys(),
    'staff.createApiKey': (c) => c.staff.createApiKey({ departmentId: world.department.id, name: '数据报送' }),
    'staff.revokeApiKey': async (c) => {
      const { db } = current();
      const admin = createCaller({ db, today: TODAY, staff: staff.admin });
      const key = await admin.staff.createApiKey({ departmentId: world.department.id, name: '待撤销' });
      return c.staff.revokeApiKey({ id: key.id });
    },
  };

  it.each(Object.keys(ALLOWED))('%s passes for exactly the allowed roles', async (name) => {
    const { db } = current();
    const outcome: Record<string, boolean> = {};
    for (const role of ROLES) {
      const caller = createCaller({ db, today: TODAY, staff: staff[role] });
      const result = await calls[name]!(caller).then(
        () => true,
        (e: unknown) => {
          if (e instanceof TRPCError && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHORIZED'].includes(e.code)) return false;
          throw e;
        },
      );
      outcome[role] = result;
    }
    expect(outcome).toEqual(Object.fromEntries(ROLES.map((r) => [r, ALLOWED[name]!.includes(r)])));
  });

  it('department staff see only their own department in the queue; the office sees all', async () => {
    const { db } = current();
    await freshObjection(false);
    const own = await createCaller({ db, today: TODAY, staff: staff['department-own'] }).applications.queue({});
    const other = await createCaller({ db, today: TODAY, staff: staff['department-other'] }).applications.queue({});
    const office = await createCaller({ db, today: TODAY, staff: staff.office }).applications.queue({});
    expect(own.length).toBeGreaterThan(0);
    expect(other).toHaveLength(0);
    expect(office.length).toBeGreaterThanOrEqual(own.length);
    expect(office.filter((a) => a.kind !== 'complaint').every((a) => !a.canAct)).toBe(true);
  });
});
