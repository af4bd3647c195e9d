// Unified social credit code (统一社会信用代码), GB 32100-2015: 17 characters and a
// check character, modulo 31 over a 31-letter alphabet that leaves out I, O, S, V, Z.

import { textsOf, type Params, type Texts } from '../../shared/errors';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccErrorCode = 'length' | 'charset' | 'check';
export type UsccResult =
  | { ok: true; normalized: string }
  | { ok: false; code: UsccErrorCode; catalogueCode: `enterprises.credit_code.${UsccErrorCode}`; params: Params; message: Texts };

/**
 * Canonical form of user input: full-width letters/digits (typed with a Chinese
 * IME) become ASCII, spaces and dashes go, letters go upper case. Nothing else is
 * guessed (an O is not read as 0), so a wrong character is reported, not hidden.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters; throws if they are not valid code characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar: need 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`usccCheckChar: '${first17.charAt(i)}' is not a code character`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function validateUscc(code: string): UsccResult {
  const normalized = normalizeUscc(code);
  if (normalized.length !== 18) return failure('length', { n: normalized.length });
  const badIndex = [...normalized].findIndex((c) => !USCC_CHARSET.includes(c));
  if (badIndex >= 0) return failure('charset', { position: badIndex + 1, char: normalized.charAt(badIndex) });
  if (normalized.charAt(17) !== usccCheckChar(normalized.slice(0, 17))) return failure('check', {});
  return { ok: true, normalized };
}

function failure(code: UsccErrorCode, params: Params): UsccResult {
  const catalogueCode = `enterprises.credit_code.${code}` as const;
  return { ok: false, code, catalogueCode, params, message: textsOf(catalogueCode, params) };
}
