// Demo campaigns from the seeds: Xuzhou's "冲刺100天、奋力保全年" (meeting of
// 14 August 2022, seed 003) and Huai'an's "大干三季度、决胜下半年" (meeting of
// 15 July 2023, seed 001). Runs after the other domains' seeders, so that the
// projects the seed names are linked when the projects domain created them.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { indicators } from '../../db/schema';
import { writeAudited } from '../../server/context';
import type { DemoZone } from './zones';
import { candidates, createCampaign } from '../campaigns/campaigns';

const plans = {
  xuzhou: {
    name: '冲刺100天、奋力保全年',
    description: '经开区党工委工作会议（2022年8月14日）部署：决战冲刺100天，全力完成主要目标任务。',
    startDate: '2022-08-14',
    endDate: '2022-11-21',
    indicators: ['gbr', 'fai', 'industrial_inv', 'signed_projects', 'net_four_above'],
    projects: ['弘元', '中能', '金阳硅业'],
  },
  huaian: {
    name: '大干三季度、决胜下半年',
    description: '“干在实处、走在前列”攻坚行动动员大会（2023年7月15日）部署。',
    startDate: '2023-07-15',
    endDate: '2023-12-31',
    indicators: ['gbr', 'trade', 'export', 'signed_projects', 'foreign_projects'],
    projects: [] as string[],
  },
} as const;

export async function seedCampaigns(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  const plan = plans[zone.code as keyof typeof plans];
  if (!plan) return;
  const inds = await handle.db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.zoneId, zoneId), inArray(indicators.code, [...plan.indicators])));
  const items: { itemType: 'project'; itemId: string; title: string }[] = [];
  for (const name of plan.projects) {
    const [hit] = await candidates(handle.db, zoneId, 'project', name);
    if (hit) items.push({ itemType: 'project' as const, itemId: hit.itemId, title: hit.title });
  }
  await writeAudited(handle.db, { zoneId, userId: null }, null, (tx, audit) =>
    createCampaign(tx, audit, zoneId, { name: plan.name, description: plan.description, startDate: plan.startDate, endDate: plan.endDate, indicatorIds: inds.map((i) => i.id), items }),
  );
}
