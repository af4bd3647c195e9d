// A zone's supervision settings, kept in zones.settings: the amber lead time
// (days before the deadline), the notice number prefix and issuing office; the
// group-robot webhook is the zone's shared `webhookUrl`.
import { eq, and, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, Tx } from '../../db/client';
import { loopItems, zones } from '../../db/schema';
import type { Audit } from '../../server/context';
import { AppError } from '../../shared/errors';
import { checkVersion, version } from '../../shared/input';
import { shownWebhook, webhookToStore } from '../../shared/webhookUrl';

export const settingsInput = z.object({
  amberDays: z.number().int().min(0).max(60),
  noticePrefix: z.string().trim().min(1).max(20),
  issuer: z.string().trim().min(1).max(60),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  version,
});
export type SupervisionSettings = z.infer<typeof settingsInput>;

interface Stored {
  webhookUrl?: string;
  supervision?: { amberDays?: number; noticePrefix?: string; issuer?: string; version?: number };
}

export async function getSettings(db: Queryable, zoneId: string): Promise<SupervisionSettings> {
  const [z0] = await db.select({ name: zones.name, settings: zones.settings }).from(zones).where(eq(zones.id, zoneId));
  if (!z0) throw new AppError('not_found', { entity: 'zone' });
  const s = z0.settings as Stored;
  return {
    amberDays: s.supervision?.amberDays ?? 3,
    noticePrefix: s.supervision?.noticePrefix ?? '经开督',
    issuer: s.supervision?.issuer ?? `${z0.name}督查办公室`,
    webhookUrl: s.webhookUrl ? shownWebhook(s.webhookUrl) : null,
    // Never saved: the defaults, version 1.
    version: s.supervision?.version ?? 1,
  };
}


/** Saves the settings; a new amber lead time applies to the zone's open tasks at once. */
export async function saveSettings(tx: Tx, audit: Audit, zoneId: string, input: SupervisionSettings) {
  // Locked first, so the version checked is the one replaced.
  const [z0] = await tx.select({ settings: zones.settings }).from(zones).where(eq(zones.id, zoneId)).for('update');
  const before = await getSettings(tx, zoneId);
  checkVersion(input.version, before.version);
  const stored = { ...(z0!.settings as Record<string, unknown>) };
  stored.supervision = { amberDays: input.amberDays, noticePrefix: input.noticePrefix, issuer: input.issuer, version: before.version + 1 };
  const current = typeof stored.webhookUrl === 'string' ? stored.webhookUrl : undefined;
  if (!input.webhookUrl) delete stored.webhookUrl;
  else stored.webhookUrl = webhookToStore(input.webhookUrl, current);
  await tx.update(zones).set({ settings: stored }).where(eq(zones.id, zoneId));
  if (before.amberDays !== input.amberDays) {
    await tx
      .update(loopItems)
      .set({ amberDays: input.amberDays })
      .where(and(eq(loopItems.zoneId, zoneId), eq(loopItems.kind, 'task'), sql`${loopItems.state} <> 'closed'`));
  }
  const after = { ...input, webhookUrl: typeof stored.webhookUrl === 'string' ? shownWebhook(stored.webhookUrl) : null, version: before.version + 1 };
  await audit({ action: 'update', entity: 'supervision.settings', entityId: zoneId, before, after });
  return after;
}
