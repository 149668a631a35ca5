import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PENALTY_CATEGORIES } from '../../../server/rules/codes';
import {
  missingMaterialMessage,
  missingRepairMaterials,
  REPAIR_MATERIAL_TEXT,
  REPAIR_MATERIALS,
  requiredRepairMaterials,
} from '../../../server/rules/repair-materials';
import { repairMaterialsSchema } from '../../../server/applications/schema';

const categories = fc.uniqueArray(fc.constantFrom(...PENALTY_CATEGORIES), { minLength: 1 });

describe('requiredRepairMaterials', () => {
  it('a fine needs a 缴款凭证, a 信用承诺书 and an identity proof, as the guide lists', () => {
    expect(requiredRepairMaterials(['罚款'])).toEqual(['payment', 'commitment', 'identity']);
    expect(REPAIR_MATERIAL_TEXT.payment.label).toBe('缴款凭证');
    expect(REPAIR_MATERIAL_TEXT.commitment.label).toBe('信用承诺书');
  });

  it('a suspension of business needs proof of rectification instead of a receipt', () => {
    expect(requiredRepairMaterials(['责令停产停业'])).toEqual(['rectification', 'commitment', 'identity']);
  });

  it('a fine with a confiscation and a licence suspension needs both proofs', () => {
    expect(requiredRepairMaterials(['罚款', '没收违法所得', '暂扣许可证件'])).toEqual([
      'payment',
      'rectification',
      'commitment',
      'identity',
    ]);
  });

  it('unknown categories (a form without a linked record) ask for both proofs', () => {
    expect(requiredRepairMaterials(null)).toEqual([...REPAIR_MATERIALS]);
  });

  it('always requires the 信用承诺书 and the identity proof, in form order, and at least one proof of performance', () => {
    fc.assert(
      fc.property(categories, (cats) => {
        const required = requiredRepairMaterials(cats);
        expect(required).toContain('commitment');
        expect(required).toContain('identity');
        expect(required.some((m) => m === 'payment' || m === 'rectification')).toBe(true);
        expect(required).toEqual(REPAIR_MATERIALS.filter((m) => required.includes(m)));
      }),
    );
  });

  it('requires a 缴款凭证 exactly when something was to be paid', () => {
    fc.assert(
      fc.property(categories, (cats) => {
        const paid = cats.some((c) => c === '罚款' || c.startsWith('没收'));
        expect(requiredRepairMaterials(cats).includes('payment')).toBe(paid);
      }),
    );
  });
});

describe('the materials check', () => {
  it('names exactly the required materials that are missing, each on its own field, in Chinese', () => {
    fc.assert(
      fc.property(fc.option(categories, { nil: null }), fc.subarray([...REPAIR_MATERIALS]), (cats, attached) => {
        const required = requiredRepairMaterials(cats);
        const missing = missingRepairMaterials(required, attached);
        expect(missing.every((m) => required.includes(m) && !attached.includes(m))).toBe(true);
        const check = repairMaterialsSchema(required).safeParse(attached);
        expect(check.success).toBe(missing.length === 0);
        if (!check.success) {
          expect(check.error.issues.map((i) => i.path[0])).toEqual(missing.map((m) => `material-${m}`));
          expect(check.error.issues.map((i) => i.message)).toEqual(missing.map(missingMaterialMessage));
        }
      }),
    );
  });

  it('says what to upload', () => {
    expect(missingMaterialMessage('payment')).toMatch(/^请上传缴款凭证：罚款/);
  });
});
