// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type AtKey } from './texts';

export type { AtKey };
const dicts = { zh: zh as Record<AtKey, string>, en };

export function useAtT() {
  const { lang } = useI18n();
  return useCallback((key: AtKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')), [lang]);
}
