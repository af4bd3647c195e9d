// Demo data for the xuzhou zone (2022): the enterprises seeds 000 and 003 name,
// with generated valid credit codes; their figures, tags, plans, visits and
// appeals are plausible and marked demo. Every write goes through the services.
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { randomUUID } from 'node:crypto';
import { enterpriseFigures, enterprises, enterpriseTagSpans, units, users, type EnterpriseTag, type PoolGoal, type PoolRules } from '../../db/schema';
import { writeAudited } from '../../server/context';
import type { Actor } from '../../shared/policy';
import type { DemoZone } from './zones';
import { createEnterpriseAccount } from '../enterprises/accounts';
import { actOnAppeal, answerAppeal, raiseAppeal, rateAppeal } from '../enterprises/appeals';
import { createPlan, setActual } from '../enterprises/plans';
import { addMember, createPool } from '../enterprises/pools';
import { demoPopulation } from './enterprisePopulation';
import { addTag, createEnterprise, setFigures } from '../enterprises/register';
import { usccCheckChar } from '../enterprises/uscc';
import { createVisit } from '../enterprises/visits';

/** The enterprise demo logins (password: the demo password). */
export const enterpriseDemoAccounts = [{ username: 'ent-xcmg', role: 'enterprise' as const, zones: ['xuzhou'], unit: '徐工集团' }];

/** A valid 18-character code for the n-th demo enterprise (Xuzhou's region code 320301). */
export function demoCreditCode(n: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  let x = 7919 * (n + 11);
  for (let i = 0; i < 7; i++) {
    body += chars[x % 31];
    x = Math.floor(x / 31) + 17 * (i + n);
  }
  const first17 = `91320301MA${body}`;
  return first17 + usccCheckChar(first17);
}

/** The pools the demo zones start with (千亿级/百亿级/十亿级, 小升高, 达规即入规, 上市种子); amounts in 万元. A zone adds its own through the API. */
export const DEFAULT_POOLS: { code: string; name: string; description: string; rules: PoolRules; goal: PoolGoal }[] = [
  { code: 'tier-100b', name: '千亿级企业（集团）', description: '年产值1000亿元以上', rules: { minOutput: '10000000' }, goal: {} },
  { code: 'tier-10b', name: '百亿级企业（集团）', description: '年产值100亿元以上，冲刺千亿级', rules: { minOutput: '1000000', maxOutput: '10000000' }, goal: { output: '10000000' } },
  { code: 'tier-1b', name: '十亿级企业（集团）', description: '年产值10亿元以上，冲刺百亿级', rules: { minOutput: '100000', maxOutput: '1000000' }, goal: { output: '1000000' } },
  { code: 'to-high-tech', name: '“小升高”培育库', description: '尚未认定的科技型企业，培育为高新技术企业', rules: { minOutput: '2000', noneTags: ['high_tech'] }, goal: { tag: 'high_tech' } },
  { code: 'to-above-size', name: '“达规即入规”培育库', description: '年产值1500万元以上、尚未入规的工业企业，达2000万元即入规', rules: { minOutput: '1500', noneTags: ['above_size'] }, goal: { output: '2000', tag: 'above_size' } },
  { code: 'listing', name: '上市种子企业库', description: '上市后备企业，培育至上市', rules: { allTags: ['listing_reserve'] }, goal: { tag: 'listed' } },
];

type T = [EnterpriseTag, string, string?];
export interface DemoEnterprise {
  name: string;
  unit: string;
  chain: string;
  leader?: string;
  output2021: string;
  output2022: string;
  tax2022: string;
  employees: number;
  tags: T[];
  pools: string[];
}

const CM = '工程机械与智能制造';
const NE = '新能源新材料';
const IC = '集成电路及ICT';
const BIO = '生物医药与大健康';

// Named in seeds 000/003; figures (万元) and tag dates are demo.
const NAMED: DemoEnterprise[] = [
  { name: '徐工集团', unit: 'damiao', chain: CM, leader: '管委会主任', output2021: '9850000', output2022: '10420000', tax2022: '386000', employees: 28000, tags: [['high_tech', '2008-12-01'], ['above_size', '2000-01-01'], ['four_above', '2000-01-01'], ['hundred_billion', '2010-12-31']], pools: ['tier-100b'] },
  { name: '徐工汉云', unit: 'jinshanqiao', chain: CM, leader: '党工委委员', output2021: '68000', output2022: '85600', tax2022: '5120', employees: 820, tags: [['high_tech', '2018-11-28'], ['specialized', '2021-06-30'], ['listing_reserve', '2021-03-01'], ['above_size', '2017-12-31'], ['four_above', '2017-12-31']], pools: ['listing'] },
  { name: '瑞马智能', unit: 'jinlonghu', chain: CM, output2021: '31000', output2022: '42300', tax2022: '2210', employees: 460, tags: [['high_tech', '2020-12-02'], ['listing_reserve', '2021-03-01'], ['above_size', '2019-12-31'], ['four_above', '2019-12-31']], pools: ['listing'] },
  { name: '华恒新能源', unit: 'xuzhuang', chain: NE, output2021: '96000', output2022: '128500', tax2022: '6930', employees: 1150, tags: [['listing_reserve', '2021-03-01'], ['above_size', '2019-12-31'], ['four_above', '2019-12-31'], ['high_tech', '2022-07-15']], pools: ['listing', 'tier-1b'] },
  { name: '威拉里新材料', unit: 'jinshanqiao', chain: NE, output2021: '27800', output2022: '36400', tax2022: '1880', employees: 390, tags: [['high_tech', '2019-11-22'], ['specialized', '2021-06-30'], ['listing_reserve', '2021-03-01'], ['little_giant', '2022-07-26'], ['above_size', '2019-12-31'], ['four_above', '2019-12-31']], pools: ['listing'] },
  { name: '晶凯电子', unit: 'jinlonghu', chain: IC, output2021: '19600', output2022: '27900', tax2022: '1340', employees: 310, tags: [['listing_reserve', '2021-03-01'], ['above_size', '2020-12-31'], ['four_above', '2020-12-31']], pools: ['listing', 'to-high-tech'] },
  { name: '中科智芯', unit: 'jinlonghu', chain: IC, output2021: '38200', output2022: '55100', tax2022: '2860', employees: 540, tags: [['high_tech', '2020-12-02'], ['listing_reserve', '2021-03-01'], ['above_size', '2019-12-31'], ['four_above', '2019-12-31']], pools: ['listing'] },
  { name: '徐矿能源', unit: 'dahuangshan', chain: NE, leader: '管委会副主任', output2021: '920000', output2022: '1186000', tax2022: '52300', employees: 6200, tags: [['listing_reserve', '2021-03-01'], ['above_size', '2005-12-31'], ['four_above', '2005-12-31'], ['ten_billion', '2012-12-31', '2022-06-30'], ['hundred_billion', '2022-06-30']], pools: ['listing', 'tier-10b'] },
  { name: '鑫华半导体', unit: 'damiao', chain: IC, leader: '党工委委员', output2021: '236000', output2022: '318000', tax2022: '14600', employees: 980, tags: [['high_tech', '2017-11-17'], ['listing_reserve', '2021-03-01'], ['little_giant', '2022-08-05'], ['above_size', '2016-12-31'], ['four_above', '2016-12-31']], pools: ['listing', 'tier-1b'] },
  { name: '复星医药（徐州）', unit: 'damiao', chain: BIO, output2021: '74000', output2022: '95200', tax2022: '6120', employees: 860, tags: [['high_tech', '2019-11-22'], ['above_size', '2018-12-31'], ['four_above', '2018-12-31']], pools: [] },
  { name: '思路迪（徐州）', unit: 'damiao', chain: BIO, output2021: '26100', output2022: '40300', tax2022: '1720', employees: 350, tags: [['high_tech', '2020-12-02'], ['specialized', '2021-06-30'], ['above_size', '2020-12-31'], ['four_above', '2020-12-31']], pools: [] },
  { name: '中科汉韵', unit: 'damiao', chain: IC, output2021: '6200', output2022: '11800', tax2022: '540', employees: 130, tags: [['specialized', '2022-06-30'], ['above_size', '2021-12-31'], ['four_above', '2021-12-31']], pools: ['to-high-tech'] },
  { name: '天科合达（徐州）', unit: 'damiao', chain: IC, output2021: '31500', output2022: '60200', tax2022: '2400', employees: 420, tags: [['high_tech', '2021-11-30'], ['specialized', '2021-06-30'], ['little_giant', '2022-07-26'], ['above_size', '2020-12-31'], ['four_above', '2020-12-31']], pools: [] },
];

// Smaller enterprises (demo names) so the pools have candidates and the zone counts move.
const SMALL_PREFIX = ['恒信', '润达', '金科', '华驰', '宏盛', '科瑞', '天衡', '博远', '新锐', '中拓', '汇通', '凯泰', '德润', '鼎力', '瑞丰', '安泰', '众诚', '佳联'];
const SMALL_KIND = ['精密机械', '智能装备', '新材料', '电子科技', '医疗器械', '光电科技'];
const UNIT_CODES = ['damiao', 'dahuangshan', 'donghuan', 'jinshanqiao', 'jinlonghu', 'xuzhuang'];
const CHAINS = [CM, CM, NE, IC, BIO, IC];

function small(i: number): DemoEnterprise {
  const output2022 = String(1200 + ((i * 1373) % 4200));
  const tags: T[] = [];
  // four-above: most gained this year (净增), two lost
  if (i % 3 !== 2) tags.push(['four_above', i % 3 === 0 ? `2022-0${1 + (i % 7)}-15` : '2021-12-31', i === 4 || i === 10 ? '2022-06-30' : undefined]);
  if (i % 3 !== 2) tags.push(['above_size', i % 3 === 0 ? `2022-0${1 + (i % 7)}-15` : '2021-12-31']);
  if (i % 4 === 1) tags.push(['high_tech', i % 8 === 1 ? '2022-07-20' : '2020-11-30', i === 5 ? '2022-03-31' : undefined]);
  if (i % 9 === 0) tags.push(['smart_workshop', '2022-06-20']);
  if (i % 5 === 0) tags.push(['cloud_star', '2022-05-10']);
  return {
    name: `徐州${SMALL_PREFIX[i % SMALL_PREFIX.length]}${SMALL_KIND[(i + Math.floor(i / SMALL_PREFIX.length)) % SMALL_KIND.length]}有限公司`,
    unit: UNIT_CODES[i % UNIT_CODES.length]!,
    chain: CHAINS[i % CHAINS.length]!,
    output2021: String(Math.round(Number(output2022) * 0.86)),
    output2022,
    tax2022: String(Math.round(Number(output2022) * 0.045)),
    employees: 40 + ((i * 37) % 160),
    tags,
    pools: i % 3 === 2 && Number(output2022) >= 1500 && i < 12 ? ['to-above-size'] : [],
  };
}

/** The hand-written demo enterprises (named in the seeds, then 18 small ones); demoPopulation tops them up. */
export const handWrittenEnterprises = (): DemoEnterprise[] => [...NAMED, ...Array.from({ length: 18 }, (_, i) => small(i))];

export async function seedEnterprises(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  const db = handle.db;
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.zoneId, zoneId));
  const unitId = (code: string) => unitRows.find((u) => u.code === code)?.id ?? null;
  const userRow = async (username: string) => (await db.select({ id: users.id, hash: users.passwordHash }).from(users).where(eq(users.username, username)))[0]!;
  const sup = await userRow('supervisor');
  const supervisor: Actor = { userId: sup.id, zoneId, role: 'supervisor', unitId: unitId('ducha') };
  const run = <R>(fn: Parameters<typeof writeAudited<R>>[3]) => writeAudited(db, { zoneId, userId: null }, null, fn);

  const pools = new Map<string, string>();
  await run(async (tx, audit) => {
    for (const [i, p] of DEFAULT_POOLS.entries()) pools.set(p.code, (await createPool(tx, audit, supervisor, { ...p, sortOrder: (i + 1) * 10 })).id);
  });
  if (zone.code !== 'xuzhou') return;

  const all = handWrittenEnterprises();
  const ids = new Map<string, string>();
  await run(async (tx, audit) => {
    for (const [n, d] of all.entries()) {
      const e = await createEnterprise(
        tx,
        audit,
        supervisor,
        { name: d.name, creditCode: demoCreditCode(n), unitId: unitId(d.unit)!, chain: d.chain, leaderName: d.leader ?? '', contact: '', note: '演示数据：产值、税收、人数与标签日期为示意' },
        { demo: true },
      );
      ids.set(d.name, e.id);
      if (n < NAMED.length) await setFigures(tx, audit, supervisor, e.id, { year: 2021, outputValue: d.output2021, tax: null, employees: null }, { demo: true });
      await setFigures(tx, audit, supervisor, e.id, { year: 2022, outputValue: d.output2022, tax: d.tax2022, employees: d.employees }, { demo: true });
      // The counts are fed once the register is complete (domains/feeds/demo).
      for (const [tag, gainedOn, lostOn] of d.tags) await addTag(tx, audit, supervisor, e.id, { tag, gainedOn, lostOn: lostOn ?? null, note: '' }, null);
      for (const p of d.pools) await addMember(tx, audit, supervisor, pools.get(p)!, { enterpriseId: e.id, addedOn: '2022-03-01', note: '' });
    }
  });

  // The rest of the register (~300 generated enterprises), in one insert per table.
  await run(async (tx, audit) => {
    const rows = demoPopulation(all).map((d) => ({ ...d, id: randomUUID() }));
    const note = '演示数据：企业名称、代码、产值与标签日期均为生成的示意数据';
    await tx.insert(enterprises).values(rows.map((d) => ({ id: d.id, zoneId, name: d.name, creditCode: d.creditCode, unitId: unitId(d.unit)!, chain: d.chain, note, demo: true })));
    await tx.insert(enterpriseFigures).values(
      rows.flatMap((d) => [
        { zoneId, enterpriseId: d.id, year: 2021, outputValue: d.output2021, tax: null, employees: null, demo: true },
        { zoneId, enterpriseId: d.id, year: 2022, outputValue: d.output2022, tax: d.tax2022, employees: d.employees, demo: true },
      ]),
    );
    await tx.insert(enterpriseTagSpans).values(rows.flatMap((d) => d.tags.map(([tag, gainedOn, lostOn]) => ({ zoneId, enterpriseId: d.id, tag, gainedOn, lostOn: lostOn ?? null }))));
    await audit({ action: 'import', entity: 'enterprise', after: { rows: rows.length, created: rows.length, demo: true } });
  });

  // 一企一策 for two key enterprises, with cumulative monthly output to July.
  await run(async (tx, audit) => {
    const plans: [string, string, string, string, string[]][] = [
      ['徐工集团', '11000000', '管委会主任', '支持挖机、矿机、建机布局海外市场，加快形成一批新订单；推进增资扩股。', ['820000', '1750000', '2860000', '3760000', '4690000', '5610000', '6380000']],
      ['鑫华半导体', '360000', '党工委委员', '推进年产5000吨大尺寸集成电路用高纯硅料扩建；与清华大学、南京大学共建泛半导体产业创新中心。', ['26000', '51500', '80300', '106000', '133800', '162600', '189000']],
      ['徐矿能源', '1250000', '管委会副主任', '年底前完成上市；稳产保供，争创百亿元企业。', ['95000', '188000', '290000', '385000', '478000', '590000', '655000']],
    ];
    for (const [name, target, leader, measures, months] of plans) {
      const plan = await createPlan(tx, audit, supervisor, { enterpriseId: ids.get(name)!, year: 2022, targetOutput: target, measures, leaderName: leader }, { demo: true });
      for (const [i, output] of months.entries()) await setActual(tx, audit, supervisor, plan.id, i + 1, { output, note: '', version: 1 });
    }
  });

  // The enterprise login of 徐工集团 shares the demo password (its hash is copied).
  const template = await userRow(`${zone.prefix}-damiao`);
  const account = await run((tx, audit) =>
    createEnterpriseAccount(tx, audit, supervisor, ids.get('徐工集团')!, { username: 'ent-xcmg', displayName: '徐工集团（企业用户）', password: 'unused-hash-copied' }, template.hash),
  );
  const xcmg: Actor = { userId: account.id, zoneId, role: 'enterprise', unitId: null };
  const dept = async (code: string): Promise<Actor> => ({ userId: (await userRow(`${zone.prefix}-${code}`)).id, zoneId, role: 'reporter', unitId: unitId(code) });
  const [damiao, jingfa, zhongda] = await Promise.all([dept('damiao'), dept('jingfa'), dept('zhongda')]);
  const at = (iso: string) => new Date(iso);

  await run(async (tx, audit) => {
    const visit = await createVisit(tx, audit, damiao, {
      enterpriseId: ids.get('鑫华半导体')!,
      visitedOn: '2022-08-10',
      visitors: '大庙街道党工委书记、经发局负责人',
      unitId: unitId('damiao'),
      findings: '扩建项目新增用电负荷约4万千伏安，现有变电站容量不足；企业希望协调供电扩容。',
    });
    await createVisit(tx, audit, damiao, { enterpriseId: ids.get('复星医药（徐州）')!, visitedOn: '2022-08-03', visitors: '大庙街道分管负责人', unitId: unitId('damiao'), findings: '细胞治疗药物创新中心建设顺利，企业关注药品注册审批进度。' });
    await createVisit(tx, audit, supervisor, { enterpriseId: ids.get('徐工集团')!, visitedOn: '2022-07-28', visitors: '管委会主任、经发局', unitId: unitId('jingfa'), findings: '海外订单增长，挖机产线满负荷；技工缺口约300人。' });

    // 1. 徐工集团 raises a labour appeal itself; 经发局 handles it; closed; rated 满意.
    const a1 = await raiseAppeal(tx, audit, xcmg, { title: '挖机产线技工缺口约300人，请协助招聘', detail: '海外订单增加，需焊工、装配工约300名。', category: 'labour', hard: false }, { enterpriseId: ids.get('徐工集团')!, now: at('2022-08-01T01:30:00Z') });
    await actOnAppeal(tx, audit, supervisor, a1.id, { action: 'assign', assigneeUnitId: unitId('jingfa')! }, at('2022-08-01T03:00:00Z'));
    await actOnAppeal(tx, audit, jingfa, a1.id, { action: 'accept' }, at('2022-08-01T06:00:00Z'));
    await answerAppeal(tx, audit, jingfa, a1.id, { answer: '已对接人社部门和职业院校，8月12日举办专场招聘会。' }, at('2022-08-02T02:00:00Z'));
    await actOnAppeal(tx, audit, jingfa, a1.id, { action: 'report_done', note: '专场招聘会到岗216人，其余由校企订单班补充。' }, at('2022-08-12T09:00:00Z'));
    await actOnAppeal(tx, audit, supervisor, a1.id, { action: 'verify' }, at('2022-08-15T02:00:00Z'));
    await rateAppeal(tx, audit, xcmg, a1.id, { satisfaction: 'satisfied', note: '响应快，招聘会效果好。' }, at('2022-08-15T08:00:00Z'));

    // 2. 鑫华半导体: power capacity, raised on the visit, a hard case, being handled by 重大办.
    const a2 = await raiseAppeal(tx, audit, damiao, { title: '扩建项目供电扩容', detail: '新增用电负荷约4万千伏安，需协调供电公司扩容。', category: 'utilities', hard: true }, { enterpriseId: ids.get('鑫华半导体')!, visitId: visit.id, now: at('2022-08-10T07:00:00Z') });
    await actOnAppeal(tx, audit, supervisor, a2.id, { action: 'assign', assigneeUnitId: unitId('zhongda')! }, at('2022-08-11T01:00:00Z'));
    await actOnAppeal(tx, audit, zhongda, a2.id, { action: 'accept' }, at('2022-08-11T03:00:00Z'));

    // 3. 华恒新能源: finance, assigned to 地方金融监管局, not yet responded (late).
    const a3 = await raiseAppeal(tx, audit, supervisor, { title: '流动资金贷款续贷', detail: '一笔8000万元流动资金贷款9月到期，需协调银行续贷。', category: 'finance', hard: false }, { enterpriseId: ids.get('华恒新能源')!, now: at('2022-08-05T02:00:00Z') });
    await actOnAppeal(tx, audit, supervisor, a3.id, { action: 'assign', assigneeUnitId: unitId('jinrong')! }, at('2022-08-05T03:00:00Z'));

    // 4. 复星医药: approval, closed; the enterprise has not rated it yet.
    const a4 = await raiseAppeal(tx, audit, damiao, { title: '中试平台环评审批加快', detail: '生物医药CDMO中试公共平台环评待批。', category: 'approval', hard: false }, { enterpriseId: ids.get('复星医药（徐州）')!, now: at('2022-07-20T02:00:00Z') });
    await actOnAppeal(tx, audit, supervisor, a4.id, { action: 'assign', assigneeUnitId: unitId('zhongda')! }, at('2022-07-20T06:00:00Z'));
    await actOnAppeal(tx, audit, zhongda, a4.id, { action: 'accept' }, at('2022-07-21T02:00:00Z'));
    await actOnAppeal(tx, audit, zhongda, a4.id, { action: 'report_done', note: '已完成环评批复。' }, at('2022-08-08T02:00:00Z'));
    await actOnAppeal(tx, audit, supervisor, a4.id, { action: 'verify' }, at('2022-08-09T02:00:00Z'));

    // 5. 天科合达: land, raised yesterday, waiting to be assigned.
    await raiseAppeal(tx, audit, damiao, { title: '二期项目用地指标', detail: '二期年产16万片碳化硅衬底晶片项目需新增用地约80亩。', category: 'land', hard: true }, { enterpriseId: ids.get('天科合达（徐州）')!, now: at('2022-08-19T02:00:00Z') });
  });
}
