// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type EntKey } from './texts';

export type { EntKey };
const dicts = { zh: zh as Record<EntKey, string>, en };

export function useEntT() {
  const { lang } = useI18n();
  return useCallback(
    (key: EntKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
