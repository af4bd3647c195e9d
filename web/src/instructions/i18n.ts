// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type InKey } from './texts';

export type { InKey };

const dicts = { zh: zh as Record<InKey, string>, en };

export function useInT() {
  const { lang } = useI18n();
  return useCallback(
    (key: InKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
