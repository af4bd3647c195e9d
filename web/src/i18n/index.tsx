// The interface language: a context with `t(key)`, Ant Design's locale and
// dayjs's locale kept in step, and the language sent to the server with every request.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { Locale } from 'antd/es/locale';
import { setRequestLang } from '../api/client';
import { translate, translateMaybe, type DictKey, type Lang, type Params } from './dict';

export type { DictKey, Lang } from './dict';

const LANG_COOKIE = 'gj_lang';

export function readLangCookie(): Lang | null {
  const m = /(?:^|;\s*)gj_lang=(zh|en)(?:;|$)/.exec(document.cookie);
  return (m?.[1] as Lang | undefined) ?? null;
}

/** Remembers the language for the sign-in page and for the server before a session exists. */
export function writeLangCookie(lang: Lang) {
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=strict`;
}

export const antdLocales: Record<Lang, Locale> = { zh: zhCN, en: enUS };
const dayjsLocales: Record<Lang, string> = { zh: 'zh-cn', en: 'en' };
const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export interface I18n {
  lang: Lang;
  /** Changes the interface language here and now (the session saves it on the server). */
  setLang(lang: Lang): void;
  t(key: DictKey, params?: Params): string;
  /** For keys made at run time: `tMaybe('auditAction.' + action, action)`. */
  tMaybe(key: string, fallback: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function applyLang(lang: Lang) {
  setRequestLang(lang);
  dayjs.locale(dayjsLocales[lang]);
  document.documentElement.lang = htmlLang[lang];
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readLangCookie() ?? 'zh';
    applyLang(initial);
    return initial;
  });

  useEffect(() => {
    applyLang(lang);
    document.title = lang === 'zh' ? '攻坚' : 'Gongjian 攻坚';
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    applyLang(next);
    writeLangCookie(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tMaybe: (key, fallback) => translateMaybe(lang, key, fallback),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The usual hook: `const t = useT(); t('unit.name')`. */
export const useT = () => useI18n().t;
