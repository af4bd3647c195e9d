// Who is signed in: loaded from GET /api/auth/me, changed by signing in or out,
// switching zone or language. A 401 from any request ends the session here, and
// the router then shows the sign-in page.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';

import { ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import type { Action, Me } from '../api/types';
import { useI18n, type Lang } from '../i18n';
import { authApi, type LoginInput } from './api';
import { useMessage } from '../shell/feedback';

export type SessionStatus = 'loading' | 'anonymous' | 'signedIn';

export interface Session {
  status: SessionStatus;
  me: Me | null;
  signIn(input: LoginInput): Promise<Me>;
  signOut(): Promise<void>;
  switchZone(zone: string): Promise<Me>;
  /** Reloads /api/auth/me (after a password change the CSRF token is new). */
  refresh(): Promise<void>;
  /** Changes the language; saved on the account when signed in, in a cookie otherwise. */
  changeLang(lang: Lang): Promise<void>;
  can(action: Action): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { lang, setLang, t } = useI18n();
  const message = useMessage();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMeState] = useState<Me | null>(null);
  const statusRef = useRef(status);
  statusRef.current = status;
  const langRef = useRef(lang);
  langRef.current = lang;

  const setMe = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
    setStatus(next ? 'signedIn' : 'anonymous');
  }, []);

  // Any 401: the session has gone (expired, signed out elsewhere, password reset).
  useEffect(() => {
    onUnauthorized(() => {
      if (statusRef.current === 'signedIn') message.warning(t('auth.sessionExpired'));
      queryClient.clear();
      setMe(null);
    });
  }, [message, queryClient, setMe, t]);

  useEffect(() => {
    let live = true;
    authApi
      .me()
      .then((m) => {
        if (!live) return;
        setMe(m);
        if (m.user.locale !== langRef.current) setLang(m.user.locale);
      })
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, [setMe, setLang]);

  const signIn = useCallback(
    async (input: LoginInput) => {
      const signed = await authApi.login(input);
      // The language chosen on the sign-in page carries on, and becomes the account's.
      const chosen = langRef.current;
      const m = signed.user.locale === chosen ? signed : { ...signed, user: { ...signed.user, locale: chosen } };
      queryClient.clear();
      setMe(m);
      if (m !== signed) authApi.setLocale(chosen).catch(() => {});
      return m;
    },
    [queryClient, setMe],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    queryClient.clear();
    setMe(null);
  }, [queryClient, setMe]);

  const switchZone = useCallback(
    async (zone: string) => {
      const m = await authApi.switchZone(zone);
      queryClient.clear();
      setMe(m);
      return m;
    },
    [queryClient, setMe],
  );

  const refresh = useCallback(async () => setMe(await authApi.me()), [setMe]);

  const changeLang = useCallback(
    async (next: Lang) => {
      setLang(next);
      if (statusRef.current !== 'signedIn') return;
      await authApi.setLocale(next);
      setMeState((m) => (m ? { ...m, user: { ...m.user, locale: next } } : m));
      // Lists carry server-made texts (messages, names): fetch them in the new language.
      await queryClient.invalidateQueries();
    },
    [setLang, queryClient],
  );

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      signIn,
      signOut,
      switchZone,
      refresh,
      changeLang,
      can: (action) => Boolean(me?.abilities[action]),
    }),
    [status, me, signIn, signOut, switchZone, refresh, changeLang],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only under routes that require a session. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/** `const can = useCan(); can('unit.manage')` — mirrors the server's abilities, never re-derives them. */
export const useCan = () => useSession().can;
