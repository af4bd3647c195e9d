// Demo hazards, worded after the seeds: 安全生产百日攻坚行动 and 工贸行业安全生产专项
// 整治“百日清零行动” (seeds 000, 003), 信访稳定 risks (“推动风险隐患动态清零”),
// 环保专项行动 and “散乱污”企业专项整治 (seed 000), 建筑工地、城镇燃气、危化品 (seed 004).
// Registered, assigned, rectified with a photo and verified through the domain's own
// services, then dated back so that every date sits before the zone's pinned date:
// some closed, some open, one 重大 past its deadline.
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { and, eq, sql } from 'drizzle-orm';
import type { DbHandle, Tx } from '../../db/client';
import { campaigns, files, loopEvents, loopItems, type HazardCategory, type HazardLevel } from '../../db/schema';
import { writeAudited, type Audit } from '../../server/context';
import type { Actor } from '../../shared/policy';
import type { DemoZone } from './zones';
import { demoActor, demoAt } from './actor';
import { actOnHazard, registerHazard } from '../hazards/service';

interface DemoHazard {
  unit: string;
  title: string;
  detail: string;
  location: string;
  category: HazardCategory;
  level: HazardLevel;
  foundOn: string;
  /** Belongs to the zone's campaign (攻坚行动) of the seeds. */
  campaign?: boolean;
  /** How far it got: assigned, rectifying, reported done (verifying) or closed on that day. */
  reached: 'assigned' | 'rectifying' | 'verifying' | { closedOn: string };
}

const PLANS: Record<string, { asOf: string; hazards: DemoHazard[] }> = {
  xuzhou: {
    asOf: '2022-08-31',
    hazards: [
      { unit: 'donghuan', title: '建筑工地塔吊安全监控系统未接入', detail: '安全生产大排查：在建工地2台塔吊未接入安全监控系统。', location: '东环街道某安置房工地', category: 'safety', level: 'general', foundOn: '2022-06-08', reached: { closedOn: '2022-06-17' } },
      { unit: 'damiao', title: '工贸企业粉尘涉爆除尘系统未设泄爆装置', detail: '工贸行业安全生产专项整治“百日清零行动”排查发现，除尘系统未按规定设置泄爆、隔爆装置。', location: '大庙街道工业集中区', category: 'safety', level: 'major', foundOn: '2022-07-11', reached: 'rectifying' },
      { unit: 'dahuangshan', title: '危化品仓库防渗漏措施不到位', detail: '危化品重点领域隐患排查整治：仓库地面防渗层破损，应急收集池容量不足。', location: '大黄山街道化工仓储点', category: 'environment', level: 'major', foundOn: '2022-08-15', campaign: true, reached: { closedOn: '2022-08-30' } },
      { unit: 'jinshanqiao', title: '“散乱污”企业夜间偷排废水', detail: '环保专项行动夜查发现，小作坊生产废水未经处理排入雨水管网。', location: '金山桥街道某小作坊', category: 'environment', level: 'general', foundOn: '2022-08-16', campaign: true, reached: { closedOn: '2022-08-26' } },
      { unit: 'jinlonghu', title: '征迁安置户集中信访诉求未化解', detail: '排查基层社会治理、信访稳定领域风险：12户安置户对过渡费发放有异议，拟集体上访。', location: '金龙湖街道安置小区', category: 'petition', level: 'general', foundOn: '2022-08-22', campaign: true, reached: 'rectifying' },
      { unit: 'xuzhuang', title: '城镇燃气管道被违章建筑占压', detail: '城镇燃气专项排查：中压燃气管道上方搭建彩钢棚约30平方米。', location: '徐庄镇集镇区', category: 'safety', level: 'general', foundOn: '2022-08-25', campaign: true, reached: 'verifying' },
      { unit: 'damiao', title: '企业消防通道堆放杂物', detail: '安全生产百日攻坚行动检查：厂区消防通道堆放成品，堵塞疏散通道。', location: '大庙街道某机械厂', category: 'safety', level: 'general', foundOn: '2022-08-29', campaign: true, reached: 'assigned' },
    ],
  },
  huaian: {
    asOf: '2023-06-30',
    hazards: [
      { unit: 'bochi', title: '沿街商铺违规使用液化气钢瓶', detail: '城镇燃气安全专项整治：餐饮商铺在人员密集场所使用液化气钢瓶。', location: '钵池街道沿街商铺', category: 'safety', level: 'general', foundOn: '2023-05-10', reached: { closedOn: '2023-05-19' } },
      { unit: 'meicheng', title: '小区电动车楼道充电', detail: '安全隐患排查：高层住宅楼道内电动自行车飞线充电。', location: '枚乘街道某小区', category: 'safety', level: 'general', foundOn: '2023-06-19', reached: 'rectifying' },
      { unit: 'shijian', title: '特种设备（电梯）超期未检验', detail: '市场监管领域隐患排查：3台电梯超过检验有效期仍在使用。', location: '某商业综合体', category: 'safety', level: 'major', foundOn: '2023-06-26', reached: 'assigned' },
    ],
  },
};



/** A plain picture standing for a 整改 photo (a tick on green), stored like an upload. */
async function demoPhoto(tx: Tx, reporter: Actor, name: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#e8f5e9"/><path d="M100 125 L145 170 L225 80" stroke="#2e7d32" stroke-width="18" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  const data = Buffer.from(new Resvg(svg).render().asPng());
  const [f] = await tx
    .insert(files)
    .values({ zoneId: reporter.zoneId, name, mime: 'image/png', size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data, uploadedBy: reporter.userId, unitId: reporter.unitId })
    .returning({ id: files.id });
  return f!.id;
}

async function seedOne(tx: Tx, audit: Audit, sup: Actor, reporter: Actor, h: DemoHazard, campaignId: string | null, asOf: string) {
  const unitId = reporter.unitId!;
  const { hazard, item } = await registerHazard(tx, audit, sup, { title: h.title, detail: h.detail, category: h.category, level: h.level, unitId, foundOn: h.foundOn, location: h.location, campaignId: h.campaign ? campaignId : null }, asOf, demoAt(asOf));
  const step = (who: Actor, action: 'accept' | 'report_done' | 'verify', fileIds?: string[]) =>
    actOnHazard(tx, audit, who, hazard.id, { action, fileIds }, asOf, demoAt(asOf));
  if (h.reached !== 'assigned') await step(reporter, 'accept');
  if (h.reached === 'verifying' || typeof h.reached === 'object') await step(reporter, 'report_done', [await demoPhoto(tx, reporter, `整改照片-${h.title.slice(0, 8)}.png`)]);
  if (typeof h.reached === 'object') {
    await step(sup, 'verify');
    const closed = demoAt(h.reached.closedOn);
    await tx.update(loopItems).set({ closedAt: closed, updatedAt: closed }).where(eq(loopItems.id, item.id));
  }
  // Every step dated between the day found and the day closed (or the zone's date).
  const end = typeof h.reached === 'object' ? h.reached.closedOn : asOf;
  await tx.update(loopItems).set({ createdAt: demoAt(h.foundOn) }).where(eq(loopItems.id, item.id));
  await tx.update(loopEvents).set({ at: demoAt(h.foundOn) }).where(and(eq(loopEvents.itemId, item.id), sql`${loopEvents.action} IN ('raise', 'assign')`));
  await tx.update(loopEvents).set({ at: demoAt(end) }).where(and(eq(loopEvents.itemId, item.id), sql`${loopEvents.action} IN ('report_done', 'verify')`));
  const acceptOn = h.foundOn < end ? new Date(demoAt(h.foundOn).getTime() + 86_400_000) : demoAt(end);
  await tx.update(loopEvents).set({ at: acceptOn }).where(and(eq(loopEvents.itemId, item.id), eq(loopEvents.action, 'accept')));
}

export async function seedHazards(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  const plan = PLANS[zone.code];
  if (!plan) return;
  await writeAudited(handle.db, { zoneId, userId: null }, null, async (tx, audit) => {
    const sup = await demoActor(tx, zoneId, 'supervisor');
    const [campaign] = await tx.select({ id: campaigns.id, start: campaigns.startDate }).from(campaigns).where(eq(campaigns.zoneId, zoneId)).orderBy(campaigns.startDate);
    for (const h of plan.hazards) {
      const reporter = await demoActor(tx, zoneId, `${zone.prefix}-${h.unit}`);
      await seedOne(tx, audit, sup, reporter, h, campaign && campaign.start <= h.foundOn ? campaign.id : null, plan.asOf);
    }
  });
}
