// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type AsKey } from './texts';

export type { AsKey };

const dicts = { zh: zh as Record<AsKey, string>, en };

export function useAsT() {
  const { lang } = useI18n();
  return useCallback(
    (key: AsKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
