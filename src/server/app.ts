// Builds the HTTP server: security headers, sessions, CSRF, language, the one
// error handler, OpenAPI docs, every domain's routes, and the built web app.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loggableError, type DbHandle } from '../db/client';
import { AppError, errorMessage, isErrorCode, type Lang } from '../shared/errors';
import { refuseBadStrings } from '../shared/input';
import type { Action } from '../shared/policy';
import { authorizeRoute, type ScopeLoader } from './scope';
import { makeCtx, type Ctx } from './context';
import { zoneDateOf } from '../shared/zoneClock';
import { lookupSession, SESSION_COOKIE, type SessionInfo } from '../domains/auth/sessions';
import { SessionCache } from '../domains/auth/sessionCache';
import { setSessionCookie } from '../domains/auth/cookies';
import { registerDomains } from '../domains';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** The policy action a route performs; required on every /api route unless public. */
    action?: Action;
    /** Finds the unit of the record the request touches; the action is authorized with it (src/server/scope.ts). */
    scope?: ScopeLoader;
    public?: boolean;
  }
  interface FastifyInstance {
    handle: DbHandle;
    clock: () => Date;
    /** Every /api route's policy, by "METHOD /url": what the route matrix test walks. */
    routePolicies: Map<string, RoutePolicy>;
    /** Sessions and zones' versions known in this process (domains/auth/sessionCache.ts). */
    sessionCache: SessionCache;
  }
}

export interface AppOptions {
  handle: DbHandle;
  /** Folder of the built web app (dist/web); not served when absent. */
  webDir?: string;
  logger?: boolean;
  clock?: () => Date;
}

export interface RoutePolicy {
  action?: Action;
  scope?: ScopeLoader;
  public?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info', ...humanLogs() } : false,
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('handle', opts.handle);
  app.decorate('clock', opts.clock ?? (() => new Date()));
  app.decorate('routePolicies', new Map<string, RoutePolicy>());
  app.decorate('sessionCache', new SessionCache(opts.handle.changes));
  app.addHook('onClose', async () => app.sessionCache.close());
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongjian 攻坚 API', version: '0.1.0', description: 'Every route of the Gongjian server.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Every API route must say what it does, so that no route escapes the policy.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const cfg = route.config as RoutePolicy | undefined;
    if (!cfg?.action && !cfg?.public) throw new Error(`route ${route.method} ${route.url} names no policy action`);
    for (const method of [route.method].flat()) app.routePolicies.set(`${method} ${route.url}`, { action: cfg.action, scope: cfg.scope, public: cfg.public });
  });

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const now = app.clock();
    req.session = token ? await lookupSession(app.handle.db, token, now, app.sessionCache) : null;
    // A renewed session sends its cookie again, so the browser's copy slides too.
    if (token && req.session?.renewed) setSessionCookie(req, reply, token, req.session.expiresAt, now);
    const lang = pickLang(req, req.session?.locale);
    const actor = req.session?.actor ?? null;
    // A signed-in request reads as its zone's tenant: row-level security (migrations/0019)
    // hides every other zone's rows even from a query that forgets its zone filter. The
    // zone's pinned date came with the session (known in memory, or one round trip with it).
    req.ctx = actor
      ? makeCtx(app.handle.db, actor, lang, req.ip, zoneDateOf(req.session!.pinnedDate, app.clock), app.handle.zoneDb(actor.zoneId))
      : makeCtx(app.handle.db, actor, lang, req.ip, app.clock);
  });

  // NUL (which PostgreSQL text cannot hold) and absurd lengths, refused once for every
  // route, first: they say nothing about the route, and a scope loader must not query with them.
  app.addHook('preValidation', async (req) => refuseBadStrings({ body: req.body, query: req.query, params: req.params }));

  // Authorization runs in preValidation, before the schema validates the request: a
  // role the policy refuses gets 403 (or 404 for another zone's record), never a 400
  // that would tell it what a valid request looks like.
  app.addHook('preValidation', async (req) => {
    const cfg = req.routeOptions.config;
    if (!req.url.startsWith('/api/') || cfg.public || !cfg.action) return;
    const actor = req.ctx.actor;
    if (!actor) throw new AppError('auth.required');
    // Cookie-authenticated writes must carry the session's CSRF token.
    if (!SAFE_METHODS.has(req.method) && req.session) {
      if (req.headers['x-csrf-token'] !== req.session.csrfToken) throw new AppError('auth.csrf');
    }
    await authorizeRoute(req.ctx.db, actor, req, cfg.action, cfg.scope);
  });

  app.setErrorHandler((err, req, reply) => {
    const lang: Lang = req.ctx?.lang ?? 'zh';
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.localized(lang) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // A schema that names a catalogue code (e.g. period.month) answers with it: a clear message in both languages.
      const coded = err.validation.map((v) => v.message).find(isErrorCode);
      if (coded) return reply.status(400).send({ code: coded, message: errorMessage(coded, lang) });
      const fields = [
        ...new Set(
          err.validation.map((v) => {
            const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
            return `${err.validationContext ?? ''}${path ? `.${path}` : ''}: ${v.message}`;
          }),
        ),
      ].join('; ');
      return reply.status(400).send({ code: 'validation.failed', message: errorMessage('validation.failed', lang, { fields }) });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 429 ? 'rate_limited' : 'validation.failed';
      const message =
        status === 429 ? errorMessage('rate_limited', lang) : errorMessage('validation.failed', lang, { fields: (err as Error).message });
      return reply.status(status).send({ code, message });
    }
    req.log.error(loggableError(err)); // a failed query without its parameters' values
    return reply.status(500).send({ code: 'internal', message: errorMessage('internal', lang) });
  });

  await registerDomains(app);

  if (opts.webDir && existsSync(join(opts.webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: opts.webDir,
      wildcard: false,
      // The build writes .br/.gz beside each asset (vite.config.ts): sent to browsers that take them.
      preCompressed: true,
      // Files under assets/ carry a content hash in their names, so they never change: kept a
      // year without asking again. The page itself is asked again each time, so a new
      // version is seen at once.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The web app routes on the client: unknown non-API paths get its page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ code: 'not_found', message: errorMessage('not_found', req.ctx?.lang ?? 'zh', { entity: req.url }) });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ code: 'not_found', message: errorMessage('not_found', req.ctx?.lang ?? 'zh', { entity: req.url }) }),
    );
  }
  return app;
}

/** Readable lines on a terminal (pino-pretty); JSON lines otherwise, or with LOG_FORMAT=json. */
function humanLogs() {
  if (!process.stdout.isTTY || process.env.LOG_FORMAT === 'json') return {};
  return { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId' } } };
}

function pickLang(req: FastifyRequest, userLocale?: 'zh' | 'en'): Lang {
  const explicit = req.headers['x-lang'] ?? req.cookies?.gj_lang;
  if (explicit === 'en' || explicit === 'zh') return explicit;
  if (userLocale) return userLocale;
  const accept = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(accept) ? 'en' : 'zh';
}
