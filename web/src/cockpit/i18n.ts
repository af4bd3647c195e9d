// The texts of the module (./texts.ts) in the user's language.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { en, zh, type CkKey } from './texts';

const dicts = { zh: zh as Record<CkKey, string>, en };

export function useCkT() {
  const { lang } = useI18n();
  return useCallback(
    (key: CkKey, params?: Record<string, string | number>) => dicts[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? '')),
    [lang],
  );
}
export type { CkKey };

const MONTHS = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'];
/** 2023年1—6月 / Jan–Jun 2023: the year-to-date span of a period. */
export function periodLabel(ct: ReturnType<typeof useCkT>, period: string) {
  const month = Number(period.slice(5));
  return ct('periodLabel', { year: period.slice(0, 4), month, monthName: MONTHS[month - 1] ?? '' });
}
