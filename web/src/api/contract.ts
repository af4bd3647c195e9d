// The server's routes as types: paths, path parameters, query, body and answer, all read
// from web/src/api/schema.d.ts, which `npm run api-types` generates from the server's
// OpenAPI document. A call through `call` is checked against the server's own schemas:
// a wrong path, a missing field or a renamed one is a type error, not a blank page.
import type { paths } from './schema';
import { request, type QueryValue } from './client';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;

/** Paths that answer `M`. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends undefined | never ? never : P }[keyof paths];

/** What a route answers with (its 200, else its 201), as JSON. */
export type ApiOk<P extends PathOf<M>, M extends Method = 'get'> =
  Op<P, M> extends { responses: infer R } ? (R extends { 200: infer C } ? Json<C> : R extends { 201: infer C } ? Json<C> : never) : never;
/** The JSON body a route takes. */
export type ApiBody<P extends PathOf<M>, M extends Method> = Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** The query a route takes. */
export type ApiQuery<P extends PathOf<M>, M extends Method = 'get'> = Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Params<P extends PathOf<M>, M extends Method> = Op<P, M> extends { parameters: { path?: infer X } } ? NonNullable<X> : never;

type Args<P extends PathOf<M>, M extends Method> = ([Params<P, M>] extends [never] ? { params?: never } : { params: Params<P, M> }) &
  ([ApiQuery<P, M>] extends [never] ? { query?: never } : { query?: ApiQuery<P, M> }) &
  ([ApiBody<P, M>] extends [never] ? { body?: never } : { body: ApiBody<P, M> });

/** `/api/leads/{id}` with `{ id }` → `/api/leads/…`, each value URL-encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null || v === '') throw new Error(`path parameter ${name} missing for ${path}`);
    return encodeURIComponent(String(v));
  });
}

/** One typed call: `call('get', '/api/attraction/leads/{id}', { params: { id } })`. */
export function call<M extends Method, P extends PathOf<M>>(method: M, path: P, args: Args<P, M> = {} as Args<P, M>): Promise<ApiOk<P, M>> {
  const a = args as { params?: Record<string, unknown>; query?: Record<string, QueryValue>; body?: unknown };
  return request<ApiOk<P, M>>(method.toUpperCase() as Uppercase<M>, fillPath(path, a.params), {
    query: a.query,
    body: method === 'get' || method === 'delete' ? undefined : (a.body ?? {}),
  });
}
