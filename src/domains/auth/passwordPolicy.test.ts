import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../../test/helpers/templateNames';
import { isStrongPassword, MIN_PASSWORD_LENGTH, passwordProblems } from './passwordPolicy';

describe('the password rule', () => {
  it('refuses the weak passwords of the security review', () => {
    expect(passwordProblems('password1')).toEqual(expect.arrayContaining(['length', 'common']));
    expect(passwordProblems('12345678')).toEqual(expect.arrayContaining(['length', 'classes']));
    expect(passwordProblems('Password123!')).toContain('common');
    expect(passwordProblems('qwerty123456')).toContain('common');
    expect(passwordProblems('abc1234567')).toContain('common');
    expect(passwordProblems('xz-damiao-2024', 'xz-damiao')).toContain('username');
    expect(passwordProblems('XZDAMIAO12', 'xz-damiao')).toContain('username');
    expect(passwordProblems('aaaa1111aaaa')).toContain('repetitive');
  });

  it('accepts the demo password and the passwords the tests set', () => {
    for (const p of [DEMO_PASSWORD, 'secret-123', 'newpass123', 'xinhua-pass-1', 'Fresh-pass-42']) expect(isStrongPassword(p, 'admin')).toBe(true);
  });

  it('never accepts a short password or one without a letter and a digit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (p) => {
        if (isStrongPassword(p)) {
          expect(p.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
          expect(p).toMatch(/[A-Za-z]/);
          expect(p).toMatch(/\d/);
        }
      }),
    );
  });

  it('accepts long random mixes of letters and digits', () => {
    const char = fc.constantFrom(...'hjkmnpuvxyzHJKMNPUVXYZ'.split(''));
    const digit = fc.constantFrom(...'23456789'.split(''));
    fc.assert(
      fc.property(fc.uniqueArray(char, { minLength: 8, maxLength: 20 }), fc.array(digit, { minLength: 2, maxLength: 6 }), (l, d) => {
        expect(isStrongPassword(l.join('') + d.join(''))).toBe(true);
      }),
    );
  });
});
