// What a credit-repair application must carry (SPEC §6; content/guides/repair.md "需要准备的材料"):
// proof of performance that fits the penalty's categories, a signed 信用承诺书, and proof of
// identity or an authorisation. Pure: the form shows the list, the server checks it.

import type { PenaltyCategory } from './codes';

export const REPAIR_MATERIALS = ['payment', 'rectification', 'commitment', 'identity'] as const;
export type RepairMaterial = (typeof REPAIR_MATERIALS)[number];

export interface RepairMaterialText {
  /** The form's label. */
  label: string;
  /** What counts, in one sentence. */
  hint: string;
}

export const REPAIR_MATERIAL_TEXT: Record<RepairMaterial, RepairMaterialText> = {
  payment: {
    label: '缴款凭证',
    hint: '罚款、没收违法所得或没收非法财物的缴纳凭证（银行回单或缴款书）。',
  },
  rectification: {
    label: '整改完成证明',
    hint: '整改完成的报告，或主管部门的验收、复查意见，证明已纠正失信行为。',
  },
  commitment: {
    label: '信用承诺书',
    hint: '由法定代表人（负责人）或本人签字，单位加盖公章；可在本页下载格式文本。',
  },
  identity: {
    label: '身份证明或授权委托书',
    hint: '单位提供营业执照或登记证书，个人提供身份证件；由代理人办理的，另附授权委托书和代理人身份证件。',
  },
};

/** Penalties paid in money: their performance is proven by a payment receipt. */
const PAID_CATEGORIES: readonly string[] = ['罚款', '没收违法所得', '没收非法财物'] satisfies PenaltyCategory[];

/**
 * The materials a repair of a penalty with these categories (CF_CFLB) requires, in form order.
 * Money penalties need a 缴款凭证; every other category (warning, suspension, revocation …)
 * needs proof that the behaviour was corrected; the 信用承诺书 and the identity proof always.
 * Unknown categories (a form filled without a linked record) ask for both kinds of proof.
 */
export function requiredRepairMaterials(categories: readonly string[] | null): RepairMaterial[] {
  const known = categories ?? [];
  const paid = categories === null || known.some((c) => PAID_CATEGORIES.includes(c));
  const corrected = categories === null || known.length === 0 || known.some((c) => !PAID_CATEGORIES.includes(c));
  return REPAIR_MATERIALS.filter((m) => (m === 'payment' ? paid : m === 'rectification' ? corrected : true));
}

/** The materials of `required` that `attached` lacks, in form order. */
export function missingRepairMaterials(
  required: readonly RepairMaterial[],
  attached: readonly RepairMaterial[],
): RepairMaterial[] {
  return required.filter((m) => !attached.includes(m));
}

/** The Chinese sentence for one missing material, said beside its file field. */
export function missingMaterialMessage(material: RepairMaterial): string {
  return `请上传${REPAIR_MATERIAL_TEXT[material].label}：${REPAIR_MATERIAL_TEXT[material].hint}`;
}

/** The form control of a material's file. */
export const materialField = (m: RepairMaterial) => `material-${m}`;
