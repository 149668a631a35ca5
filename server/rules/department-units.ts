import { normalizeName } from './normalize';
import { validateUscc } from './uscc';

// Sub-units (county branches, 支队, 分局) the office registers for a department (SPEC §3: a row
// whose authority is a sub-unit is accepted only when the office has registered it). Pure rules:
// what may be registered, and what registering or removing changes.

export interface UnitDepartment {
  name: string;
  shortName: string | null;
  uscc: string;
}

export interface ExistingUnit {
  id: number;
  name: string;
  uscc: string | null;
}

export type UnitRegistration =
  { ok: true; unit: { name: string; nameNorm: string; uscc: string | null } } | { ok: false; refusal: string };

/** Whether `input` may be registered under `department`, beside the units it already has. */
export function checkUnitRegistration(
  department: UnitDepartment,
  existing: readonly ExistingUnit[],
  typed: { name: string; uscc: string | null },
): UnitRegistration {
  const code = typed.uscc?.trim() ? validateUscc(typed.uscc) : null;
  if (code && !code.ok) return { ok: false, refusal: `下属单位的${code.message}` };
  const input = { name: typed.name, uscc: code ? code.uscc : null };
  const nameNorm = normalizeName(input.name);
  const own = [department.name, department.shortName ?? ''].filter(Boolean).map(normalizeName);
  if (own.includes(nameNorm))
    return { ok: false, refusal: `“${input.name}”就是${department.name}本身，无需登记为下属单位。` };
  if (input.uscc && input.uscc === department.uscc)
    return {
      ok: false,
      refusal: `统一社会信用代码 ${input.uscc} 是${department.name}本身的代码，下属单位应填写其自己的代码或留空。`,
    };
  const sameName = existing.find((u) => normalizeName(u.name) === nameNorm);
  if (sameName) return { ok: false, refusal: `${department.name}已登记下属单位“${sameName.name}”，无需重复登记。` };
  const sameCode = input.uscc ? existing.find((u) => u.uscc === input.uscc) : undefined;
  if (sameCode)
    return {
      ok: false,
      refusal: `统一社会信用代码 ${input.uscc} 已登记给下属单位“${sameCode.name}”，请核对后重新填写。`,
    };
  return { ok: true, unit: { name: input.name, nameNorm, uscc: input.uscc } };
}
