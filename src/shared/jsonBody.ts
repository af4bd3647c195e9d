// Large JSON answers kept serialised in a cache (the cockpit, the project list and map)
// are kept as UTF-8 bytes and gzipped once, off the event loop, when cached: a month's
// cockpit of 60 indicators × 30 units is 0.6–0.9 MB of JSON and about 55 KB gzipped,
// which is what a leader's phone on a weak network waits for. Sending them costs a
// header and a write: no per-request serialisation, encoding or compression.
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipAsync = promisify(gzip);

/** Small bodies are not worth a gzip header. */
const MIN_GZIP = 1024;

export class JsonBody {
  readonly json: Buffer;
  private gz: Promise<Buffer> | undefined;
  /**
   * `etag`: a weak validator (W/"…") naming exactly this answer, e.g. from the data
   * version it was computed under; a request whose If-None-Match names it gets a 304.
   */
  constructor(
    json: string | Buffer,
    readonly etag?: string,
  ) {
    this.json = typeof json === 'string' ? Buffer.from(json, 'utf8') : json;
    // Started at once on the thread pool: a reader who takes gzip finds it done or in hand.
    if (this.json.length >= MIN_GZIP) this.gzip().catch(() => undefined);
  }
  /** The gzip bytes (level 6), compressed once; a failure is retried by the next asker. */
  gzip(): Promise<Buffer> {
    const gz = (this.gz ??= gzipAsync(this.json, { level: 6 }));
    gz.catch(() => {
      if (this.gz === gz) this.gz = undefined;
    });
    return gz;
  }
}

/** Whether an Accept-Encoding header takes gzip (`gzip`, `x-gzip` or `*`, with q > 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let star = false;
  for (const part of text.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const takes = q === undefined || Number(q) > 0;
    if (name === 'gzip' || name === 'x-gzip') return takes;
    if (name === '*') star = takes;
  }
  return star;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

export async function sendJson(req: FastifyRequest, reply: FastifyReply, body: JsonBody) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (body.etag) {
    // Asked again each time (no-cache), so a changed answer is never taken from a cache.
    reply.header('etag', body.etag).header('cache-control', 'private, no-cache');
    if (matchesEtag(req.headers['if-none-match'], body.etag)) return reply.code(304).send();
  }
  if (body.json.length >= MIN_GZIP && acceptsGzip(req.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(await body.gzip());
  }
  return reply.send(body.json);
}
