// Demo bulletin settings: the issuing office, and for Huai'an the lead paragraph
// of seed 001 (its figures are the targets domain's demo data for 2023 1–6月).
import type { Tx } from '../../db/client';
import { bulletinSettings } from '../../db/schema';
import type { Audit } from '../../server/context';
import { SEED_001_LEAD } from './data';

export async function seedBulletinSettings(tx: Tx, audit: Audit, zone: { code: string; name: string }, zoneId: string) {
  const values = { zoneId, issuer: `${zone.name}督查办公室`, leadSpec: zone.code === 'huaian' ? SEED_001_LEAD : [], copyTo: ['区党工委、管委会领导'] };
  await tx.insert(bulletinSettings).values(values).onConflictDoNothing();
  await audit({ action: 'create', entity: 'bulletin_settings', entityId: zoneId, after: values });
}
