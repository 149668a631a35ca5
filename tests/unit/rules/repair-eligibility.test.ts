import { describe, expect, it } from 'vitest';
import {
  licensingActions,
  listEntryActions,
  penaltyActions,
  penaltyRepairAvailability,
} from '../../../server/rules/repair-eligibility';

const penalty = {
  status: 'published',
  earliestRepairOn: '2027-03-01',
  repairableEarly: true,
  categories: ['罚款'],
  domain: '食品药品',
};

describe('penaltyRepairAvailability', () => {
  it('is not yet available the day before earliestRepairOn, and says from when', () => {
    expect(penaltyRepairAvailability(penalty, '2027-02-28')).toEqual({
      available: false,
      code: 'too_early',
      from: '2027-03-01',
    });
  });

  it('is available on earliestRepairOn itself and after', () => {
    expect(penaltyRepairAvailability(penalty, '2027-03-01')).toEqual({ available: true });
    expect(penaltyRepairAvailability(penalty, '2027-03-02')).toEqual({ available: true });
  });

  it('is never available early for a never-early category in a never-early domain, even past the minimum', () => {
    const revoked = { ...penalty, categories: ['罚款', '吊销许可证件'] };
    expect(penaltyRepairAvailability(revoked, '2027-02-28')).toEqual({ available: false, code: 'never_early' });
    expect(penaltyRepairAvailability(revoked, '2027-03-01')).toEqual({ available: false, code: 'never_early' });
  });

  it('trusts the stored repairableEarly flag as well', () => {
    expect(penaltyRepairAvailability({ ...penalty, repairableEarly: false }, '2028-01-01')).toMatchObject({
      code: 'never_early',
    });
  });

  it('allows the same category outside the never-early domains', () => {
    const elsewhere = { ...penalty, categories: ['吊销许可证件'], domain: '交通运输' };
    expect(penaltyRepairAvailability(elsewhere, '2027-03-01')).toEqual({ available: true });
  });

  it('is not available while the record is suspended, whatever the dates', () => {
    expect(penaltyRepairAvailability({ ...penalty, status: 'suspended' }, '2030-01-01')).toEqual({
      available: false,
      code: 'suspended',
    });
  });

  it('is not available twice: an open repair application blocks a second one', () => {
    expect(penaltyRepairAvailability(penalty, '2027-03-01', { objection: false, repair: true })).toEqual({
      available: false,
      code: 'pending_application',
    });
  });
});

describe('penaltyActions', () => {
  it('allows an objection at any time while the record is not already under objection', () => {
    expect(penaltyActions(penalty, '2026-01-01').objection).toEqual({ available: true });
    expect(penaltyActions({ ...penalty, status: 'suspended' }, '2026-01-01').objection).toEqual({
      available: false,
      code: 'suspended',
    });
    expect(penaltyActions(penalty, '2026-01-01', { objection: true, repair: false }).objection).toMatchObject({
      code: 'pending_application',
    });
  });
});

describe('licensingActions and listEntryActions', () => {
  it('gives a licence an objection but no repair', () => {
    expect(licensingActions({ status: 'published' })).toEqual({ objection: { available: true }, repair: null });
  });

  it('gives an honor entry no repair, and a dishonesty entry the repair rule of its penalty', () => {
    expect(listEntryActions({ listType: 'honor', status: 'active', penalty: null }, '2027-01-01').repair).toBeNull();
    const entry = { listType: 'dishonesty', status: 'active', penalty };
    expect(listEntryActions(entry, '2027-02-28').repair).toMatchObject({ code: 'too_early', from: '2027-03-01' });
    expect(listEntryActions(entry, '2027-03-01').repair).toEqual({ available: true });
    expect(listEntryActions({ ...entry, penalty: null }, '2020-01-01').repair).toEqual({ available: true });
  });

  it('suspends both buttons of a suspended dishonesty entry', () => {
    const actions = listEntryActions({ listType: 'dishonesty', status: 'suspended', penalty }, '2028-01-01');
    expect(actions.objection).toMatchObject({ code: 'suspended' });
    expect(actions.repair).toMatchObject({ code: 'suspended' });
  });
});
