// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type HzKey } from './texts';

export type { HzKey };
const dicts = { zh: zh as Record<HzKey, string>, en };

export function useHzT() {
  const { lang } = useI18n();
  return useCallback(
    (key: HzKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
