import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditDomainOf } from '@/server/rules/credit-domain';
import { addDays, compareDates } from '@/server/rules/dates';
import {
  checkAuthority,
  checkParty,
  decideImport,
  decideLicensingChange,
  decideListEntryChange,
  decidePenaltyChange,
  penaltyPeriodFromFacts,
  type ListEntryState,
  type PenaltyFacts,
  type PenaltyState,
  type RecordChange,
} from '@/server/rules/record-lifecycle';

// The record-lifecycle rule against a reference model (issue 12): generated sequences of
// objections (suspend/resume), corrections, withdrawals, repairs, re-imports and days passing;
// after every step the rule's state must equal the model's.

const FACTS: PenaltyFacts = {
  decisionDate: '2026-03-05',
  severity: 'general',
  categories: ['罚款'],
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  requestedPublicUntil: null,
};
const DEPT = '乐山市市场监督管理局';

type Op =
  | { op: 'days'; n: number }
  | { op: 'suspend' }
  | { op: 'resume' }
  | { op: 'correct' }
  | { op: 'withdraw' }
  | { op: 'repair' }
  | { op: 'reimport' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('days' as const), n: fc.integer({ min: 1, max: 60 }) }),
  fc.constant({ op: 'suspend' as const }),
  fc.constant({ op: 'resume' as const }),
  fc.constant({ op: 'correct' as const }),
  fc.constant({ op: 'withdraw' as const }),
  fc.constant({ op: 'repair' as const }),
  fc.constant({ op: 'reimport' as const }),
);

interface Model {
  status: 'published' | 'suspended' | 'withdrawn' | 'repaired';
  since: string | null;
  days: number;
  corrected: boolean;
}

describe('record lifecycle rule against a reference model', () => {
  it('suspended days move both bounds, and no re-import undoes a decision', () => {
    const base = penaltyPeriodFromFacts(FACTS, DEPT);
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        let today = '2026-03-10';
        let row: PenaltyState & Record<string, unknown> = {
          subjectId: 1,
          subjectName: '甲公司',
          status: 'published',
          decisionDate: FACTS.decisionDate,
          publicUntil: base.publicUntil,
          earliestRepairOn: base.earliestRepairOn,
          repairableEarly: base.repairableEarly,
          suspendedSince: null,
          suspendedDays: 0,
          decidedCorrections: {},
          violationFacts: '原事实',
          reportedAt: new Date('2026-03-06T00:00:00Z'),
        };
        const model: Model = { status: 'published', since: null, days: 0, corrected: false };
        for (const o of ops) {
          if (o.op === 'days') {
            today = addDays(today, o.n);
            continue;
          }
          if (o.op === 'reimport') {
            const d = decideImport(
              'penalty',
              { ...row, subjectName: '甲公司', reportedAt: row.reportedAt as Date },
              {
                subjectId: 1,
                subjectName: '甲公司',
                documentNumber: '乐市监罚〔2026〕1号',
                columns: {
                  decisionDate: FACTS.decisionDate,
                  violationFacts: '文件中的事实',
                  legalBasis: FACTS.legalBasis,
                },
                facts: FACTS,
              },
              { departmentName: DEPT, now: new Date('2026-12-01T00:00:00Z') },
            );
            expect(d.ok).toBe(true);
            if (d.ok) row = { ...row, ...d.columns } as typeof row;
          } else {
            const change: RecordChange =
              o.op === 'suspend'
                ? { type: 'suspend', on: today }
                : o.op === 'resume'
                  ? { type: 'resume', on: today }
                  : o.op === 'correct'
                    ? { type: 'correct', on: today, fields: { violationFacts: '更正后的事实' } }
                    : o.op === 'withdraw'
                      ? { type: 'withdraw', on: today, reason: '撤销' }
                      : { type: 'repair', on: today, reason: '修复' };
            const d = decidePenaltyChange(row, change);
            // The model: what SPEC §4 and §6 say should happen.
            const settled = model.status === 'withdrawn' || model.status === 'repaired';
            if (o.op === 'suspend' && model.status === 'published')
              Object.assign(model, { status: 'suspended', since: today });
            else if (o.op === 'resume' && model.status === 'suspended') {
              model.days += Math.max(0, (Date.parse(today) - Date.parse(model.since!)) / 86_400_000);
              Object.assign(model, { status: 'published', since: null });
            } else if (o.op === 'correct' && !settled) model.corrected = true;
            else if (o.op === 'withdraw' && model.status !== 'withdrawn') model.status = 'withdrawn';
            else if (
              o.op === 'repair' &&
              !settled &&
              compareDates(today, addDays(base.earliestRepairOn, model.days)) >= 0
            )
              model.status = 'repaired';
            if (d.ok) row = { ...row, ...d.set } as typeof row;
          }
          expect(row.status).toBe(model.status);
          expect(row.suspendedDays).toBe(model.days);
          expect(row.publicUntil).toBe(addDays(base.publicUntil, model.days));
          expect(row.earliestRepairOn).toBe(addDays(base.earliestRepairOn, model.days));
          if (model.corrected) expect(row.violationFacts).toBe('更正后的事实');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a re-import is idempotent and refuses a different party', () => {
    const stored = {
      subjectId: 1,
      subjectName: '甲公司',
      status: 'published' as const,
      reportedAt: new Date('2026-03-06T00:00:00Z'),
    };
    const incoming = {
      subjectId: 2,
      subjectName: '乙公司',
      documentNumber: '乐市监罚〔2026〕1号',
      columns: { decisionDate: FACTS.decisionDate, legalBasis: FACTS.legalBasis },
      facts: FACTS,
    };
    const d = decideImport('penalty', stored, incoming, { departmentName: DEPT, now: new Date() });
    expect(d).toMatchObject({ ok: false });
    if (!d.ok) expect(d.refusal).toContain('另一当事人“甲公司”');
  });
});

describe('who may publish what (SPEC §3)', () => {
  const dept = { name: '乐山市市场监督管理局', shortName: '市市场监管局', uscc: '11511100A00000001X' };
  it('refuses another authority, accepts a registered unit, and replaces a differing code with a warning', () => {
    expect(
      checkAuthority('penalty', { authorityName: '乐山市生态环境局', authorityCode: 'X' }, dept, []),
    ).toMatchObject({
      ok: false,
    });
    expect(
      checkAuthority('penalty', { authorityName: '峨眉山市市场监督管理局', authorityCode: 'Y' }, dept, [
        { name: '峨眉山市市场监督管理局', uscc: 'Y' },
      ]),
    ).toMatchObject({ ok: true, authorityCode: 'Y', warning: null });
    const own = checkAuthority('penalty', { authorityName: '乐山市市场监督管理局', authorityCode: 'Z' }, dept, []);
    expect(own).toMatchObject({ ok: true, authorityCode: dept.uscc });
    if (own.ok) expect(own.warning).toContain('CF_CFJGDM');
  });
  it('accepts the current or a former name after normalisation, refuses another', () => {
    const subject = { name: '乐山市甲（集团）有限公司', formerNames: ['乐山市甲有限公司'] };
    expect(checkParty('乐山市甲(集团)有限公司', subject, 'CF_XDR_SHXYM').ok).toBe(true);
    expect(checkParty('乐山市甲有限公司', subject, 'CF_XDR_SHXYM').ok).toBe(true);
    expect(checkParty('乐山市乙有限公司', subject, 'CF_XDR_SHXYM').ok).toBe(false);
  });
});

describe('domain rule table (SPEC §3)', () => {
  it.each([
    ['《中华人民共和国食品安全法》第一百二十四条', '乐山市市场监督管理局', '食品药品'],
    ['《中华人民共和国大气污染防治法》第九十九条', '乐山市市场监督管理局', '生态环境'],
    ['《建设工程质量管理条例》第六十四条', '乐山市住房和城乡建设局', '工程质量'],
    ['《中华人民共和国安全生产法》第九十九条', '乐山市应急管理局', '安全生产'],
    ['《中华人民共和国消防法》第六十条', '乐山市消防救援支队', '消防安全'],
    ['《某某管理办法》第十条', '乐山市生态环境局', '生态环境'],
    ['《某某管理办法》第十条', '乐山市市场监督管理局', null],
  ])('%s by %s → %s', (legalBasis, departmentName, domain) => {
    expect(creditDomainOf({ legalBasis, departmentName })).toBe(domain);
  });
  it('an undetermined domain with a never-early category is not repairable early, with a warning naming the row', () => {
    const p = penaltyPeriodFromFacts(
      { ...FACTS, severity: 'serious', categories: ['吊销许可证件'], legalBasis: '《某某管理办法》' },
      '乐山市测试局',
      '第7行：',
    );
    expect(p).toMatchObject({ repairableEarly: false, domain: null });
    expect(p.earliestRepairOn).toBe(p.publicUntil);
    expect(p.warnings.join()).toContain('第7行');
  });
});

describe('resume while another objection or complaint is handled (SPEC §6)', () => {
  const dateArb = fc.integer({ min: 0, max: 400 }).map((d) => addDays('2026-01-01', d));
  it('keeps every kind of record suspended, and moves nothing, until the last one is decided', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (since, wait) => {
        const on = addDays(since, wait);
        const penalty: PenaltyState = {
          subjectId: 1,
          status: 'suspended',
          decisionDate: '2025-12-01',
          publicUntil: '2027-12-01',
          earliestRepairOn: '2026-12-01',
          repairableEarly: true,
          suspendedSince: since,
          suspendedDays: 3,
          decidedCorrections: {},
        };
        const entry: ListEntryState = {
          status: 'suspended',
          validUntil: '2028-01-01',
          suspendedSince: since,
          suspendedDays: 0,
        };
        const held: RecordChange = { type: 'resume', on, othersHandled: true };
        for (const d of [
          decidePenaltyChange(penalty, held),
          decideLicensingChange({ subjectId: 1, status: 'suspended' }, held),
          decideListEntryChange(entry, held),
        ])
          expect(d).toEqual({ ok: true, set: {}, events: [], warnings: [] });
        // The last one decided resumes, and both bounds move by the whole suspended span.
        const last = decidePenaltyChange(penalty, { type: 'resume', on });
        expect(last).toMatchObject({
          ok: true,
          set: {
            status: 'published',
            publicUntil: addDays('2027-12-01', wait),
            earliestRepairOn: addDays('2026-12-01', wait),
          },
          events: ['resumed'],
        });
      }),
    );
  });
});
