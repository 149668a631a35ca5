import { describe, expect, it } from 'vitest';
import { departmentsOfUnit, isOverdue, planTasks, resumedDueOn, taskDueOn } from '@/server/coordination/rules';
import { backoffMs, signPayload, verifySignature } from '@/server/webhooks/signature';

const DEPTS = [
  { id: 1, name: '乐山市市场监督管理局', divisionCode: '511100' },
  { id: 2, name: '乐山市生态环境局', divisionCode: '511100' },
  { id: 3, name: '峨眉山市市场监督管理局', divisionCode: '511181' },
  { id: 4, name: '犍为县市场监督管理局', divisionCode: '511123' },
];

describe('implementing units → departments', () => {
  it('matches a unit by its exact name, county units by their suffix, and ignores units not on the platform', () => {
    expect(departmentsOfUnit('乐山市生态环境局', DEPTS).map((d) => d.id)).toEqual([2]);
    expect(departmentsOfUnit('各县（市、区）市场监督管理局', DEPTS).map((d) => d.id)).toEqual([3, 4]);
    expect(departmentsOfUnit('乐山市财政局', DEPTS)).toEqual([]);
  });

  it('plans one task per department carrying every item that names it', () => {
    const plan = planTasks(
      [
        { id: 9, implementingUnits: '乐山市市场监督管理局、乐山市生态环境局、乐山市财政局' },
        { id: 5, implementingUnits: '乐山市生态环境局，各县（市、区）市场监督管理局' },
      ],
      DEPTS,
    );
    expect(plan.map((t) => [t.departmentId, t.catalogItemIds])).toEqual([
      [1, [9]],
      [2, [5, 9]],
      [3, [5]],
      [4, [5]],
    ]);
  });
});

describe('deadlines in working days (SPEC §6 calendar)', () => {
  it('ten working days across National Day 2026 (Oct 1–7 off, Sat Oct 10 worked)', () => {
    expect(taskDueOn('2026-09-28', 10)).toBe('2026-10-16');
    expect(taskDueOn('2026-09-28', 1)).toBe('2026-09-29');
  });

  it('a pause moves the deadline by the working days paused, never earlier', () => {
    expect(resumedDueOn('2026-10-16', '2026-10-09', '2026-10-14')).toBe('2026-10-22');
    // Every start day of 2026 and every pause length up to 60 days.
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
    for (let start = 0; start < 365; start += 29) {
      const due = taskDueOn(day(start), 10);
      for (let len = 0; len <= 60; len += 15) expect(resumedDueOn(due, day(start), day(start + len)) >= due).toBe(true);
    }
  });

  it('only an open task past its due date is overdue', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-10-16' }, '2026-10-17')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-10-16' }, '2026-10-16')).toBe(false);
    expect(isOverdue({ status: 'paused', dueOn: '2026-10-16' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'answered', dueOn: '2026-10-16' }, '2026-12-01')).toBe(false);
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_unit_test_secret';
  it('verifies its own signature, and refuses a changed body, another secret or a stale timestamp', () => {
    const body = '{"id":"e1","type":"list_entry.published"}';
    const header = signPayload(secret, body, 1_800_000_000);
    expect(verifySignature(secret, body, header, 1_800_000_010)).toEqual({ ok: true, timestamp: 1_800_000_000 });
    expect(verifySignature(secret, `${body} `, header, 1_800_000_010)).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifySignature('whsec_other_secret_x', body, header, 1_800_000_010)).toMatchObject({ reason: 'mismatch' });
    expect(verifySignature(secret, body, header, 1_800_000_301)).toMatchObject({ reason: 'stale' });
    expect(verifySignature(secret, body, 'v1=abc', 1_800_000_000)).toMatchObject({ reason: 'malformed' });
    expect(verifySignature(secret, body, null)).toMatchObject({ reason: 'malformed' });
  });

  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 5_000, 3_600_000))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30, 5_000, 3_600_000)).toBe(3_600_000);
  });
});
