// Unified social credit code (统一社会信用代码), GB 32100-2015: 17 characters and a
// check character, modulo 31 over a 31-letter alphabet that leaves out I, O, S, V, Z.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccErrorCode = 'length' | 'charset' | 'check';
export type UsccResult =
  | { ok: true; normalized: string }
  | { ok: false; code: UsccErrorCode; message: { zh: string; en: string } };

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
  if (normalized.length !== 18) {
    return {
      ok: false,
      code: 'length',
      message: {
        zh: `统一社会信用代码应为18位，当前为${normalized.length}位`,
        en: `A unified social credit code has 18 characters, this one has ${normalized.length}`,
      },
    };
  }
  const badIndex = [...normalized].findIndex((c) => !USCC_CHARSET.includes(c));
  if (badIndex >= 0) {
    const c = normalized.charAt(badIndex);
    return {
      ok: false,
      code: 'charset',
      message: {
        zh: `统一社会信用代码第${badIndex + 1}位“${c}”不是有效字符（不使用I、O、S、V、Z）`,
        en: `Character ${badIndex + 1} '${c}' is not allowed in a unified social credit code (I, O, S, V, Z are never used)`,
      },
    };
  }
  const expected = usccCheckChar(normalized.slice(0, 17));
  if (normalized.charAt(17) !== expected) {
    return {
      ok: false,
      code: 'check',
      message: {
        zh: '统一社会信用代码校验位不正确，请核对是否有输错的字符',
        en: 'The check character of the unified social credit code is wrong; check for a mistyped character',
      },
    };
  }
  return { ok: true, normalized };
}
