// The session cookie's attributes, in one place for sign-in, renewal and sign-out.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './sessions';

/**
 * Secure (HTTPS-only) when the request came over HTTPS (behind a proxy only with
 * TRUST_PROXY=1, so X-Forwarded-Proto counts), or when NODE_ENV=production.
 * COOKIE_SECURE=1 forces it on, COOKIE_SECURE=0 off (plain-HTTP intranets).
 */
export function cookieSecure(req: FastifyRequest): boolean {
  if (process.env.COOKIE_SECURE === '1') return true;
  if (process.env.COOKIE_SECURE === '0') return false;
  return req.protocol === 'https' || process.env.NODE_ENV === 'production';
}

// Max-Age rather than Expires: the browser counts the lifetime on its own clock,
// so a server clock that differs from the browser's cannot make the cookie stale.
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, now: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieSecure(req),
    maxAge: Math.max(1, Math.round((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure(req) });
}
