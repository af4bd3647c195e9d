// API tokens for figures from other systems (统计, 税务): per zone, optionally
// limited to some units; stored as SHA-256, shown once when created.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, ReadDb, Tx } from '../../db/client';
import { apiTokens, units } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';

export const tokenInput = z.object({
  name: z.string().trim().min(1).max(60),
  unitIds: z.array(z.uuid()).max(200).default([]),
});
export type TokenInput = z.infer<typeof tokenInput>;

const PREFIX = 'gjt_';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const publicFields = {
  id: apiTokens.id,
  name: apiTokens.name,
  unitIds: apiTokens.unitIds,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listTokens(db: ReadDb, zoneId: string) {
  return db.select(publicFields).from(apiTokens).where(eq(apiTokens.zoneId, zoneId)).orderBy(desc(apiTokens.createdAt));
}

export async function createToken(tx: Tx, audit: Audit, actor: { zoneId: string; userId: string }, input: TokenInput) {
  if (input.unitIds.length) {
    const found = await tx.select({ id: units.id }).from(units).where(and(eq(units.zoneId, actor.zoneId), inArray(units.id, input.unitIds)));
    if (found.length !== new Set(input.unitIds).size) throw new AppError('not_found', { entity: 'unit' });
  }
  const token = PREFIX + randomBytes(24).toString('base64url');
  const [row] = await tx
    .insert(apiTokens)
    .values({ zoneId: actor.zoneId, name: input.name, unitIds: input.unitIds, tokenHash: hashToken(token), createdBy: actor.userId })
    .returning(publicFields);
  await audit({ action: 'create', entity: 'api_token', entityId: row!.id, after: row });
  return { ...row!, token };
}

export async function revokeToken(tx: Tx, audit: Audit, zoneId: string, id: string) {
  const [before] = await tx.select(publicFields).from(apiTokens).where(and(eq(apiTokens.zoneId, zoneId), eq(apiTokens.id, id)));
  if (!before) throw new AppError('not_found', { entity: 'token' });
  const [after] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id)).returning(publicFields);
  await audit({ action: 'revoke', entity: 'api_token', entityId: id, before, after });
  return after!;
}

export interface TokenRow {
  id: string;
  zoneId: string;
  name: string;
  unitIds: string[];
}

/** The live token named by an `Authorization: Bearer …` header, or a 401. */
export async function verifyBearer(db: Database, header: string | undefined): Promise<TokenRow> {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m || !m[1]!.startsWith(PREFIX)) throw new AppError('targets.token_invalid');
  const [row] = await db
    .select({ id: apiTokens.id, zoneId: apiTokens.zoneId, name: apiTokens.name, unitIds: apiTokens.unitIds })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(m[1]!)), isNull(apiTokens.revokedAt)));
  if (!row) throw new AppError('targets.token_invalid');
  return row;
}

export async function touchToken(tx: Tx, id: string) {
  await tx.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}
