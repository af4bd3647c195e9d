// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type SvKey } from './texts';

export type { SvKey };

const dicts = { zh: zh as Record<SvKey, string>, en };

export function useSvT() {
  const { lang } = useI18n();
  return useCallback(
    (key: SvKey, params?: Record<string, string | number>) =>
      dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
