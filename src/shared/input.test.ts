import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate } from './http';
import { badString, decimalInput, MAX_STRING, patchOf } from './input';

describe('isoDate', () => {
  it('accepts only days that exist', () => {
    for (const d of ['2022-02-28', '2020-02-29', '2022-12-31']) expect(isoDate.safeParse(d).success, d).toBe(true);
    for (const d of ['2022-02-30', '2022-02-29', '2022-13-01', '2022-04-31', '2022-00-10', '0999-01-01', '2022-2-3']) expect(isoDate.safeParse(d).success, d).toBe(false);
  });
});

describe('badString', () => {
  it('finds a NUL wherever it sits, and nothing in clean values', () => {
    expect(badString({ a: [{ b: 'x\u0000' }] })).toEqual({ path: 'a[0].b', reason: 'nul' });
    expect(badString({ ['k\u0000']: 1 })?.reason).toBe('nul');
    expect(badString('x'.repeat(MAX_STRING + 1))?.reason).toBe('length');
    fc.assert(fc.property(fc.jsonValue().filter((v) => !JSON.stringify(v).includes('\\u0000')), (v) => badString(v) === null));
  });
});

describe('patchOf', () => {
  const create = z.object({
    name: z.string(),
    flag: z.boolean().default(false),
    list: z.array(z.string()).default([]),
    note: z.string().trim().max(10).default(''),
    amount: decimalInput({ places: 2 }).default('0'),
  });

  it('adds no default for a field that was not given, and requires version', () => {
    const patch = patchOf(create);
    expect(patch.parse({ name: 'x', version: 3 })).toEqual({ name: 'x', version: 3 });
    expect(patch.safeParse({ name: 'x' }).success).toBe(false);
    expect(patchOf(create, { versioned: false }).parse({})).toEqual({});
  });

  it('keeps every rule of a given field', () => {
    const patch = patchOf(create);
    expect(patch.safeParse({ note: 'x'.repeat(11), version: 1 }).success).toBe(false);
    expect(patch.parse({ note: ' a ', amount: 3, version: 1 })).toEqual({ note: 'a', amount: '3', version: 1 });
  });

  it('yields exactly the given keys for any subset of fields', () => {
    const keys = ['name', 'flag', 'list', 'note'] as const;
    const value = { name: 'n', flag: true, list: ['a'], note: 'b' };
    fc.assert(
      fc.property(fc.subarray([...keys]), (subset) => {
        const given = Object.fromEntries(subset.map((k) => [k, value[k]]));
        expect(Object.keys(patchOf(create).parse({ ...given, version: 1 })).sort()).toEqual([...subset, 'version'].sort());
      }),
    );
  });
});

describe('decimalInput', () => {
  const weight = decimalInput({ places: 4, digits: 3, min: 0, max: 100 });
  it('refuses what is not a finite decimal, never throwing', () => {
    for (const v of ['NaN', '', ' ', 'Infinity', '-Infinity', '1e3', '0x10', '1.23456', '101', '-1', '1,0', 1e21, Number.MAX_VALUE]) {
      expect(weight.safeParse(v).success, String(v)).toBe(false);
    }
    expect(weight.parse(' 12.5 ')).toBe('12.5');
    expect(weight.parse(100)).toBe('100');
  });

  it('round-trips every decimal it accepts', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = weight.safeParse(s);
        if (r.success) expect(Number(r.data)).toBeGreaterThanOrEqual(0);
      }),
    );
    const signed = decimalInput({ places: 6, min: null });
    expect(signed.parse('-3.25')).toBe('-3.25');
  });
});
