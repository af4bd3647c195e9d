import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { USCC_CHARSET, normalizeUscc, usccCheckChar, validateUscc } from './uscc';

// Codes published on the national enterprise credit information system.
const REAL_CODES = [
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 北京小米科技有限责任公司
];

const codeChar = fc.constantFrom(...USCC_CHARSET);
const first17Arb = fc.array(codeChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

describe('validateUscc', () => {
  it('accepts real public codes', () => {
    for (const code of REAL_CODES) expect(validateUscc(code), code).toEqual({ ok: true, normalized: code });
  });

  it('normalizes full-width, lower-case and spaced input', () => {
    expect(validateUscc(' 91440300708461136t ')).toEqual({ ok: true, normalized: '91440300708461136T' });
    expect(validateUscc('９１４４０３００７０８４６１１３６Ｔ')).toMatchObject({ ok: true });
    expect(normalizeUscc('9144-0300 7084 6113 6t')).toBe('91440300708461136T');
  });

  it('rejects a wrong length', () => {
    const r = validateUscc('9144030070846113');
    expect(r).toMatchObject({ ok: false, code: 'length' });
    if (!r.ok) expect(r.message.zh).toContain('18位');
  });

  it('rejects letters the standard leaves out', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', '*']) {
      const r = validateUscc(`9144030070846113${bad}T`);
      expect(r, bad).toMatchObject({ ok: false, code: 'charset' });
      if (!r.ok) expect(r.message.en).toContain('Character 17');
    }
  });

  it('rejects a wrong check character', () => {
    // The brief's guess 91110000100000589B: its body's check character is A.
    expect(usccCheckChar('91110000100000589')).toBe('A');
    expect(validateUscc('91110000100000589B')).toMatchObject({ ok: false, code: 'check' });
    expect(validateUscc('91110000100000589A')).toMatchObject({ ok: true });
  });

  it('refuses to compute a check character for bad input', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('9144030070846113O')).toThrow(RangeError);
  });

  it('property: 17 valid characters plus the computed check character validate', () => {
    fc.assert(
      fc.property(first17Arb, (body) => {
        expect(validateUscc(body + usccCheckChar(body))).toEqual({ ok: true, normalized: body + usccCheckChar(body) });
      }),
    );
  });

  it('property: any single-character change is rejected', () => {
    fc.assert(
      fc.property(first17Arb, fc.integer({ min: 0, max: 17 }), codeChar, (body, pos, replacement) => {
        const code = body + usccCheckChar(body);
        fc.pre(code.charAt(pos) !== replacement);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(validateUscc(changed)).toMatchObject({ ok: false, code: 'check' });
      }),
    );
  });

  it('property: swapping two adjacent different characters is rejected', () => {
    fc.assert(
      fc.property(first17Arb, fc.integer({ min: 0, max: 16 }), (body, pos) => {
        const code = body + usccCheckChar(body);
        fc.pre(code.charAt(pos) !== code.charAt(pos + 1));
        const swapped = code.slice(0, pos) + code.charAt(pos + 1) + code.charAt(pos) + code.slice(pos + 2);
        expect(validateUscc(swapped).ok).toBe(false);
      }),
    );
  });
});
