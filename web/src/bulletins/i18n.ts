// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type BuKey } from './texts';

export type { BuKey };

const dicts = { zh: zh as Record<BuKey, string>, en };

export function useBuT() {
  const { lang } = useI18n();
  return useCallback(
    (key: BuKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
