// Demo bulletin settings: the issuing office, and for Huai'an the lead paragraph
// of seed 001 (its figures are the targets domain's demo data for 2023 1–6月).
import type { Tx } from '../../db/client';
import { bulletinSettings } from '../../db/schema';
import type { Audit } from '../../server/context';
import type { LeadClauseSpec } from '../bulletins/data';

export async function seedBulletinSettings(tx: Tx, audit: Audit, zone: { code: string; name: string }, zoneId: string) {
  const values = { zoneId, issuer: `${zone.name}督查办公室`, leadSpec: zone.code === 'huaian' ? SEED_001_LEAD : [], copyTo: ['区党工委、管委会领导'] };
  await tx.insert(bulletinSettings).values(values).onConflictDoNothing();
  await audit({ action: 'create', entity: 'bulletin_settings', entityId: zoneId, after: values });
}

/** Seed 001's first paragraph, as a lead spec over the targets domain's indicator codes. */
export const SEED_001_LEAD: LeadClauseSpec[] = [
  { code: 'gbr', verb: '完成', yoy: true, share: { code: 'tax_share', name: '税占比', decimals: 2 } },
  { code: 'foreign_projects', verb: '新签约', name: '外资项目', yoy: false, related: [{ code: 'foreign_investment', name: '计划总投资', decimals: 1, yoy: false }] },
  { code: 'trade', verb: '预计完成', yoy: false, parts: [{ code: 'export', decimals: 1, yoy: true }] },
  { code: 'signed_projects', verb: '新签约', name: '亿元以上项目', yoy: false, related: [{ code: 'signed_investment', name: '计划总投资', yoy: false }] },
];
