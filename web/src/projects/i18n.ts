// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type PKey } from './texts';

export type { PKey };

const dicts = { zh: zh as Record<PKey, string>, en };

export function usePT() {
  const { lang } = useI18n();
  return useCallback(
    (key: PKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}

