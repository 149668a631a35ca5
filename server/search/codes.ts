import { validateResidentId } from '../rules/idcard';
import { normalizeCode } from '../rules/normalize';
import { USCC_PLACEHOLDER, usccSingleEditCandidates, validateUscc } from '../rules/uscc';

// What a query that looks like a code is (pure). The engine looks the candidates up.

export type CodeQuery =
  | { type: 'none' }
  | { type: 'personal_id' }
  | { type: 'placeholder' }
  | { type: 'uscc'; uscc: string }
  | { type: 'invalid_uscc'; input: string; message: string; candidates: string[] };

const EIGHTEEN = /^[0-9A-Z]{18}$/;

/**
 * Classifies a single-term query. An 18-character resident ID number is recognised first: it
 * is never a search key. (15-digit numbers are left alone: 工商注册号 have 15 digits too.)
 */
export function classifyCodeQuery(rawTerms: readonly string[]): CodeQuery {
  if (rawTerms.length !== 1) return { type: 'none' };
  const code = normalizeCode(rawTerms[0]!);
  if (!EIGHTEEN.test(code)) return { type: 'none' };
  if (validateResidentId(code).ok) return { type: 'personal_id' };
  if (code === USCC_PLACEHOLDER) return { type: 'placeholder' };
  const result = validateUscc(code);
  if (result.ok) return { type: 'uscc', uscc: result.uscc };
  if (result.reason === 'check') {
    return { type: 'invalid_uscc', input: code, message: result.message, candidates: usccSingleEditCandidates(code) };
  }
  return { type: 'none' };
}
