// Uploaded evidence and photos: checked for type (by content, not by name) and
// size, stored in the database, readable by the zone-wide roles and the unit they belong to.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb } from '../db/client';
import { files } from '../db/schema';
import { requireActor } from './policy';
import { AppError } from './errors';
import { errors, idParams } from './http';
import { can, type Actor } from './policy';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Types served inline; everything else is sent as an attachment. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

const signatures: { mime: string; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: ['png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', ext: ['webp'], test: (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP' },
  { mime: 'application/pdf', ext: ['pdf'], test: (b) => b.subarray(0, 5).toString() === '%PDF-' },
  // docx and xlsx are zip files
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], test: isZip },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], test: isZip },
  { mime: 'text/plain; charset=utf-8', ext: ['txt'], test: (b) => !b.includes(0) },
];
function isZip(b: Buffer) {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** The stored MIME type for an upload, or a clear refusal. */
export function sniffType(name: string, data: Buffer, allowed?: string[]): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const sig = signatures.find((s) => s.ext.includes(ext));
  if (!sig || (allowed && !sig.ext.some((e) => allowed.includes(e)))) {
    throw new AppError('file.type', { name, allowed: (allowed ?? signatures.flatMap((s) => s.ext)).join(', ') });
  }
  if (!sig.test(data)) throw new AppError('file.content', { name });
  if (data.length > MAX_FILE_BYTES) throw new AppError('file.size', { name, mb: MAX_FILE_BYTES / 1024 / 1024 });
  return sig.mime;
}

const fileBody = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.date() });

export function canReadFile(actor: Actor, f: { zoneId: string; unitId: string | null }) {
  return f.zoneId === actor.zoneId && (f.unitId === null || can(actor, 'unitData.read', { unitId: f.unitId }));
}

/** Metadata of files the actor may read, in the order asked; unknown or forbidden ids are dropped. */
export async function fileInfos(db: ReadDb, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size, createdAt: files.createdAt, zoneId: files.zoneId, unitId: files.unitId })
    .from(files)
    .where(and(eq(files.zoneId, actor.zoneId), inArray(files.id, ids)));
  return rows.filter((f) => canReadFile(actor, f)).map(({ zoneId: _z, unitId: _u, ...f }) => f);
}

export async function fileRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/files',
    {
      config: { action: 'file.upload' },
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart field "file"): jpg, png, webp, pdf, docx, xlsx, txt; at most 10 MB',
        consumes: ['multipart/form-data'],
        response: { 200: fileBody, ...errors, 413: errors[400] },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const part = await req.file().catch(() => undefined);
      if (!part) throw new AppError('validation.failed', { fields: 'file' });
      const data = await part.toBuffer().catch(() => {
        throw new AppError('file.size', { name: part.filename, mb: MAX_FILE_BYTES / 1024 / 1024 });
      });
      const mime = sniffType(part.filename, data);
      return req.ctx.write(async (tx, audit) => {
        const [row] = await tx
          .insert(files)
          .values({
            zoneId: actor.zoneId,
            name: part.filename.slice(0, 200),
            mime,
            size: data.length,
            sha256: createHash('sha256').update(data).digest('hex'),
            data,
            uploadedBy: actor.userId,
            unitId: actor.role === 'reporter' ? actor.unitId : null,
          })
          .returning({ id: files.id, name: files.name, mime: files.mime, size: files.size, createdAt: files.createdAt, unitId: files.unitId });
        await audit({ action: 'upload', entity: 'file', entityId: row!.id, unitId: row!.unitId, after: { name: row!.name, size: row!.size, mime } });
        const { unitId: _u, ...out } = row!;
        return out;
      });
    },
  );

  api.get(
    '/api/files/:id',
    { config: { action: 'zone.read' }, schema: { tags: ['files'], summary: 'Download a file', params: idParams } },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const [f] = await req.ctx.db.select().from(files).where(and(eq(files.id, req.params.id), eq(files.zoneId, actor.zoneId)));
      if (!f || !canReadFile(actor, f)) throw new AppError('not_found', { entity: 'file' });
      // Only the sniffed raster images may open in the browser: a PDF or a document
      // could carry script, so it is always downloaded, never rendered in our origin.
      const inline = INLINE_TYPES.has(f.mime);
      return reply
        .header('content-type', f.mime)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'")
        .send(f.data);
    },
  );
}
