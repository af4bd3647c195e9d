// Large JSON answers kept serialised in a cache (the cockpit, the project list and map)
// are sent as they are, and gzipped once, on the first request that accepts it: a month's
// cockpit of 60 indicators × 30 units is 0.9 MB of JSON and about 60 KB gzipped, which is
// what a leader's phone on a weak network waits for.
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export class JsonBody {
  private gz: Buffer | undefined;
  constructor(readonly json: string) {}
  gzip(): Buffer {
    return (this.gz ??= gzipSync(this.json, { level: 6 }));
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

/** Small bodies are not worth a gzip header. */
const MIN_GZIP = 1024;

export function sendJson(req: FastifyRequest, reply: FastifyReply, body: JsonBody) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (body.json.length >= MIN_GZIP && acceptsGzip(req.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(body.gzip());
  }
  return reply.send(body.json);
}
