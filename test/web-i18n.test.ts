// The web app's catalogues: every key in both languages, nothing left empty, and
// the same {placeholders} on both sides.
import { describe, expect, it } from 'vitest';
import { dictionaries, en, langs, translate, zh } from '../web/src/i18n/dict';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web i18n catalogues', () => {
  it('has the same keys in every language', () => {
    const reference = Object.keys(zh).sort();
    for (const lang of langs) {
      const keys = Object.keys(dictionaries[lang]).sort();
      expect({ lang, missing: reference.filter((k) => !keys.includes(k)) }).toEqual({ lang, missing: [] });
      expect({ lang, extra: keys.filter((k) => !reference.includes(k)) }).toEqual({ lang, extra: [] });
    }
  });

  it('leaves no text empty', () => {
    for (const lang of langs) {
      const empty = Object.entries(dictionaries[lang]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });

  it('uses the same placeholders in both languages', () => {
    const differ = (Object.keys(zh) as (keyof typeof zh)[]).filter(
      (k) => placeholders(zh[k]).join() !== placeholders(en[k]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'common.total', { total: 16 })).toBe('共 16 条');
    expect(translate('en', 'unit.created', { name: 'X' })).toBe('Unit “X” created');
  });

  it('has role and unit-kind names for every role and kind the server knows', async () => {
    const { roles, unitKinds } = await import('../src/db/schema');
    for (const lang of langs) {
      for (const r of roles) expect(dictionaries[lang][`role.${r}`], `${lang} role.${r}`).toBeTruthy();
      for (const k of unitKinds) expect(dictionaries[lang][`kind.${k}`], `${lang} kind.${k}`).toBeTruthy();
    }
  });
});
