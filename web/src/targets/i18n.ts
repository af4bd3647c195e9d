// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type TgKey } from './texts';

const dicts = { zh: zh as Record<TgKey, string>, en };

export function useTgT() {
  const { lang } = useI18n();
  return useCallback(
    (key: TgKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
export type { TgKey };
