import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { staffApplication } from '@/server/applications/service';
import { workdayCalendar } from '@/server/calendar/service';
import { describeEachDatabase } from '../helpers/databases';
import {
  appByTracking,
  createStaff,
  createWorld,
  objectionInput,
  officeDepartment,
  submit,
} from '../applications/helpers';

// SPEC §6: a year the chinese-days package lacks counts Monday–Friday and says so on every
// deadline, until office staff enter its holidays in /admin/calendar; then the open deadlines
// move, the change is audited, and no deploy is needed.
const WARNING = '2027年节假日安排尚未录入，暂按周一至周五计算，以正式安排为准';

describeEachDatabase('holidays entered by office staff', (current) => {
  it('an application filed on 2026-12-30 is due on 元旦 until 2027 is entered, then on 4 January; the save is audited', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市沫若戏剧服饰有限公司', { publicUntil: '2027-09-01' });
    const departmentStaff = await createStaff(db, 'department', w.department.id);
    const office = await createStaff(db, 'office', (await officeDepartment(db)).id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-12-30');
    const app = await appByTracking(db, filed.trackingNumber);
    await db
      .updateTable('applications')
      .set({ submittedAt: '2026-12-30T10:00:00+08:00' })
      .where('id', '=', app.id)
      .execute();
    expect(app.acceptDueOn).toBe('2027-01-01');
    const before = await staffApplication(db, departmentStaff, app.id, '2026-12-30');
    expect(before).toMatchObject({ deadline: '2027-01-01', workdaysLeft: 2, deadlineNote: WARNING });
    const queue = await createCaller({ db, today: '2026-12-30', staff: departmentStaff }).applications.queue({});
    expect(queue.find((r) => r.id === app.id)?.deadlineNote).toBe(WARNING);

    const saved = await createCaller({ db, today: '2026-12-30', staff: office }).calendar.save({
      year: 2027,
      holidays: '2027-01-01~2027-01-03 元旦\n2027-02-06~2027-02-13 春节',
      workdays: '2027-02-14',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(saved).toEqual({ year: 2027, holidays: 11, workdays: 1, rescheduled: 1 });
    expect((await appByTracking(db, filed.trackingNumber)).acceptDueOn).toBe('2027-01-04');
    const after = await staffApplication(db, departmentStaff, app.id, '2026-12-30');
    expect(after).toMatchObject({ deadline: '2027-01-04', workdaysLeft: 2, deadlineNote: null });

    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'workday_calendar')
      .where('entityId', '=', '2027')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar.save', actorLabel: office.displayName, before: null });
    expect(audit[0]!.after).toMatchObject({
      workdays: ['2027-02-14'],
      rescheduled: [{ id: app.id, from: '2027-01-01', to: '2027-01-04' }],
    });

    const years = await createCaller({ db, today: '2026-12-30', staff: office }).calendar.years();
    expect(years.find((y) => y.year === 2026)?.source).toBe('chinese-days');
    expect(years.find((y) => y.year === 2027)).toMatchObject({
      source: 'entered',
      entered: { workdays: ['2027-02-14'] },
    });
    expect(years.find((y) => y.year === 2028)?.source).toBe('weekdays');
  });

  it('refuses what cannot be right, in Chinese naming the field, and only the office may save', async () => {
    const { db } = current();
    const office = await createStaff(db, 'office', (await officeDepartment(db)).id);
    const caller = createCaller({ db, today: '2026-12-01', staff: office });
    const base = { year: 2028, holidays: '2028-01-01', workdays: '', source: '通知' };
    await expect(caller.calendar.save({ ...base, year: 2026 })).rejects.toThrow('2026年的节假日安排已随系统提供');
    await expect(caller.calendar.save({ ...base, workdays: '2028-01-04' })).rejects.toThrow(
      '调休上班日：2028-01-04 是周一至周五',
    );
    await expect(caller.calendar.save({ ...base, holidays: '元旦' })).rejects.toThrow('节假日：第1行“元旦”不是日期');
    await expect(caller.calendar.save({ ...base, holidays: '2027-12-31' })).rejects.toThrow('不在2028年内');
    await expect(caller.calendar.save({ ...base, source: ' ' })).rejects.toThrow('请填写依据');
    const department = await createStaff(db, 'department', (await createWorld(db, '乐山市测试有限公司')).department.id);
    await expect(createCaller({ db, today: '2026-12-01', staff: department }).calendar.save(base)).rejects.toThrow(
      '您的角色无权进行此操作',
    );
    expect(await db.selectFrom('workdayCalendarYears').select('year').where('year', '=', 2028).execute()).toEqual([]);
  });

  it('keeps the loaded calendar for a minute, so another instance sees a save within that minute', async () => {
    const { db } = current();
    const now = Date.now();
    expect((await workdayCalendar(db, now)).calendarSourceFor(2029)).toBe('weekdays');
    // Another instance saved 2029 (straight into the table: this process did not forget its copy).
    await db
      .insertInto('workdayCalendarYears')
      .values({ year: 2029, holidays: '["2029-01-01"]', workdays: '[]', source: '通知', updatedBy: '他处' })
      .execute();
    expect((await workdayCalendar(db, now + 30_000)).calendarSourceFor(2029)).toBe('weekdays');
    expect((await workdayCalendar(db, now + 61_000)).calendarSourceFor(2029)).toBe('entered');
  });
});
