// The one way the web app talks to the server: JSON in and out, the session cookie
// (same origin), the session's CSRF token on every write, and the interface
// language in `x-lang` so that the server's messages come back in it.
export type Lang = 'zh' | 'en';

/** A failed request: the server's stable code and its message, already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

interface ClientState {
  csrfToken: string | null;
  lang: Lang;
  onUnauthorized: () => void;
}

const state: ClientState = { csrfToken: null, lang: 'zh', onUnauthorized: () => {} };

export const setCsrfToken = (token: string | null) => void (state.csrfToken = token);
export const setRequestLang = (lang: Lang) => void (state.lang = lang);
/** Called when the session is gone (401): the session context sends the user to sign in. */
export const onUnauthorized = (fn: () => void) => void (state.onUnauthorized = fn);

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=x`, leaving out empty values. */
export function queryString(params: Record<string, QueryValue> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A 401 here is an answer (wrong password), not a lost session. */
  expectUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-lang': state.lang };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let res: Response;
  try {
    res = await fetch(path + queryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', state.lang === 'zh' ? '无法连接服务器，请检查网络' : 'Cannot reach the server; check the network');
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const body = (data ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof body.code === 'string' ? body.code : `http.${res.status}`;
  const message = typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
  if (res.status === 401 && !opts.expectUnauthorized) state.onUnauthorized();
  throw new ApiError(res.status, code, message);
}
