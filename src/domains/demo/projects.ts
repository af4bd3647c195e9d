// Demo projects and leads for the Xuzhou zone (seed 003, 2022). Names, chains and
// the investments the seed states (弘元 120亿元, 中能 4.7亿美元, 金阳 6亿美元) are
// exact; every other figure (other investments, dates, locations, units, monthly
// investment, the USD rate, the outline) is plausible and marked demo.
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { memberships, projectMilestones, projects, units, users } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { actOnItem } from '../../shared/loop/store';
import type { Actor } from '../../shared/policy';
import type { DemoZone } from './zones';
import { demoAt } from './actor';
import { addContact, createLead, moveLead } from '../attraction/service';
import { approvePlan, createProject, raiseProblem, reviewInvestment, saveInvestment, saveSettings, updateMilestone } from '../projects/service';
import { checkServiceItem, replaceTaskForce } from '../projects/taskForce';
import type { ServiceItem } from '../../db/schema';

/**
 * The demo's service standard. Seed 000 (大庙街道) names a "五个一"服务制度 for projects but
 * does not list its five items, and no published definition was found; these five are an
 * EDITABLE EXAMPLE (项目设置 › 服务标准), not the seed's text. Their shape follows comparable
 * published mechanisms, e.g. Quanzhou's "六个一" (一项目一专班、一节点一清单、一星期一调度…,
 * 泉州晚报 2022-05-12, http://qz.fjsen.com/2022-05/12/content_31032402.htm).
 */
export const DEMO_SERVICE_ITEMS: ServiceItem[] = [
  { key: 'one_leader', name: '一名包挂领导', hint: '示例条目（可编辑）：明确一名区领导包挂' },
  { key: 'one_task_force', name: '一个工作专班', hint: '示例条目（可编辑）：组建专班，明确组长、联络员及电话' },
  { key: 'one_plan', name: '一套推进方案', hint: '示例条目（可编辑）：倒排工期、挂图作战' },
  { key: 'one_list', name: '一张问题清单', hint: '示例条目（可编辑）：问题交办、限时销号' },
  { key: 'one_dispatch', name: '一月一次调度', hint: '示例条目（可编辑）：每月现场调度、通报进度' },
];

/**
 * The 党工委书记 (党委书记 for 徐庄镇) of each sub-district and town as seed 000 names them.
 * Heading the task force of a project in their unit is the demo's assumption; the
 * phone numbers are fictional (0516-8000xxxx, demo).
 */
const SECRETARIES: Record<string, { name: string; phone: string }> = {
  damiao: { name: '刘雷', phone: '0516-80000101' },
  dahuangshan: { name: '郑再武', phone: '0516-80000102' },
  donghuan: { name: '韩召坤', phone: '0516-80000103' },
  jinshanqiao: { name: '彭齐凯', phone: '0516-80000104' },
  jinlonghu: { name: '贾群', phone: '0516-80000105' },
  xuzhuang: { name: '朱春春', phone: '0516-80000106' },
};

/** The day the demo lives on: a week after the 8月14日 meeting of seed 003. */
export const DEMO_TODAY = '2022-08-20';
/** The demo's problems are raised and assigned on its day. */
const demoNow = demoAt(DEMO_TODAY);

/** A simple outline around the zone's part of Xuzhou: demo, not the surveyed boundary. */
export const DEMO_OUTLINE = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '徐州经开区（示意）' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [117.262, 34.262], [117.300, 34.318], [117.352, 34.345], [117.418, 34.336], [117.466, 34.302],
            [117.471, 34.252], [117.440, 34.214], [117.378, 34.198], [117.318, 34.206], [117.276, 34.228], [117.262, 34.262],
          ],
        ],
      },
    },
  ],
};

interface DemoProject {
  name: string;
  chain: string;
  key?: boolean;
  currency?: 'CNY' | 'USD';
  total: string;
  /** Whether the seed gives the investment. */
  exact?: boolean;
  unit: string;
  target: string;
  annual: string;
  lng: number;
  lat: number;
  /** Steps left undone though due: the project runs behind. */
  lateSteps?: string[];
  /** The latest planned end still recorded as done (later ones open). */
  doneUntil?: string;
}

const PROJECTS: DemoProject[] = [
  { name: '弘元新材料光伏基地', chain: '新能源新材料', key: true, total: '120', exact: true, unit: 'jinlonghu', target: '2022-12-30', annual: '30', lng: 117.402, lat: 34.272 },
  { name: '中能4.6万吨颗粒硅', chain: '新能源新材料', key: true, currency: 'USD', total: '4.7', exact: true, unit: 'xuzhuang', target: '2023-06-30', annual: '12', lng: 117.436, lat: 34.236, lateSteps: ['land_clearance'] },
  { name: '金阳硅业异质结基体材料', chain: '新能源新材料', currency: 'USD', total: '6', exact: true, unit: 'damiao', target: '2022-12-30', annual: '15', lng: 117.33, lat: 34.3 },
  { name: '徐工环卫专用装备', chain: '工程机械与智能制造', total: '15', unit: 'jinshanqiao', target: '2023-05-31', annual: '6', lng: 117.305, lat: 34.255 },
  { name: '维能动力电池PACK', chain: '新能源新材料', total: '20', unit: 'dahuangshan', target: '2022-12-30', annual: '8', lng: 117.372, lat: 34.318 },
  { name: '鑫茂超大尺寸LCD邦定', chain: '集成电路及ICT', total: '10', unit: 'donghuan', target: '2023-03-31', annual: '4', lng: 117.288, lat: 34.275 },
  { name: '天通压电晶体材料及窗口材料', chain: '集成电路及ICT', total: '12', unit: 'jinlonghu', target: '2022-12-30', annual: '5', lng: 117.418, lat: 34.296 },
  { name: '国润机械小微挖机', chain: '工程机械与智能制造', total: '5', unit: 'jinshanqiao', target: '2022-12-30', annual: '2', lng: 117.318, lat: 34.228 },
  { name: '卡特彼勒第三工厂', chain: '工程机械与智能制造', total: '30', unit: 'dahuangshan', target: '2023-10-31', annual: '5', lng: 117.355, lat: 34.33 },
  { name: '鑫华半导体年产5000吨大尺寸集成电路用高纯硅料扩建', chain: '集成电路及ICT', total: '25', unit: 'jinlonghu', target: '2023-06-30', annual: '8', lng: 117.446, lat: 34.268 },
  { name: '天科合达二期年产16万片碳化硅衬底晶片', chain: '集成电路及ICT', total: '18', unit: 'xuzhuang', target: '2023-09-29', annual: '6', lng: 117.452, lat: 34.248 },
];

const LEADS = [
  { name: '永鼎徐州产业基地', chain: '集成电路及ICT', total: '20', unit: 'zhaoshang', team: '长三角招商组', stage: 'negotiating' as const },
  { name: '铁建重工盾构机', chain: '工程机械与智能制造', total: '15', unit: 'zhaoshang', team: '央企对接组', stage: 'negotiating' as const },
  { name: '中集智能制造产业基地', chain: '工程机械与智能制造', total: '12', unit: 'zhaoshang', team: '央企对接组', stage: 'clue' as const },
  { name: '大连日丰新能源电机', chain: '新能源新材料', currency: 'USD' as const, total: '1.5', unit: 'zhaoshang', team: '外资招商组', stage: 'signed' as const, signedOn: '2022-07-28' },
  { name: '复星医药CDMO中试公共平台', chain: '生物医药与大健康', total: '8', unit: 'jinlonghu', team: '生物医药招商组', stage: 'negotiating' as const },
];

/** The projects the demo raises a problem on (below). */
const PROBLEM_PROJECTS = ['中能4.6万吨颗粒硅', '弘元新材料光伏基地', '天科合达二期年产16万片碳化硅衬底晶片'];

export async function seedProjects(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  if (zone.code !== 'xuzhou') return;
  const db = handle.db;
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.zoneId, zoneId));
  const unit = (code: string) => unitRows.find((u) => u.code === code)!.id;
  const person = async (username: string) => {
    const [r] = await db
      .select({ id: users.id, role: memberships.role, unitId: memberships.unitId })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.zoneId, zoneId)))
      .where(eq(users.username, username));
    return { userId: r!.id, zoneId, role: r!.role, unitId: r!.unitId } satisfies Actor;
  };
  const sup = await person('supervisor');
  const leader = await person('leader');
  const reporterOf = (code: string) => person(`${zone.prefix}-${code}`);
  const zhongda = await reporterOf('zhongda');
  const write = <T>(actor: Actor, fn: Parameters<typeof writeAudited<T>>[3]) => writeAudited(db, actor, null, fn);

  await seedProjectSettings(handle, zoneId);

  for (const d of PROJECTS) {
    // A project already entered (e.g. by hand in a browser test) is left as it is.
    const [exists] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.zoneId, zoneId), eq(projects.name, d.name)));
    if (exists) continue;
    const p = await write(sup, (tx, audit) =>
      createProject(
        tx,
        audit,
        sup,
        {
          name: d.name,
          category: 'industrial',
          chain: d.chain,
          keyProject: d.key ?? false,
          year: 2022,
          currency: d.currency ?? 'CNY',
          totalInvestment: d.total,
          annualPlan: d.annual,
          responsibleUnitId: unit(d.unit),
          leaderUserId: leader.userId,
          taskForceUserIds: [zhongda.userId],
          lng: d.lng,
          lat: d.lat,
          stageDates: {},
          targetDate: d.target,
          note: d.exact ? '总投资据徐州经开区党工委工作会议（2022年8月14日）；其余数据为演示数据' : '演示数据（总投资、日期、位置均为示意）',
        },
        DEMO_TODAY,
        { demo: !d.exact, checkPlan: false },
      ),
    );
    await write(sup, (tx, audit) => approvePlan(tx, audit, sup, p.id));
    // 一项目一专班 (demo): the unit's secretary as seed 000 names them heads it, 重大办 (its
    // account) is a member, a liaison of the unit keeps the contact; phones are fictional.
    const head = SECRETARIES[d.unit];
    const [fresh] = await db.select({ version: projects.version }).from(projects).where(eq(projects.id, p.id));
    await write(sup, (tx, audit) =>
      replaceTaskForce(tx, audit, sup, p.id, {
        version: fresh!.version,
        members: [
          ...(head ? [{ name: head.name, role: 'lead' as const, unitId: unit(d.unit), phone: head.phone, userId: null }] : []),
          { name: '重大办', role: 'member' as const, unitId: unit('zhongda'), phone: '0516-80000200', userId: zhongda.userId },
          { name: '项目联络员（演示）', role: 'liaison' as const, unitId: unit(d.unit), phone: `0516-8000${String(300 + PROJECTS.indexOf(d)).padStart(4, '0')}`, userId: null },
        ],
      }),
    );
    // The service standard checked (demo dates): leader, task force and plan for every
    // project, the problem list where a problem is raised below, the monthly dispatch for the 1号工程.
    const checks: [string, string][] = [['one_leader', '2022-03-01'], ['one_task_force', '2022-03-01'], ['one_plan', '2022-03-15']];
    if (PROBLEM_PROJECTS.includes(d.name)) checks.push(['one_list', '2022-08-10']);
    if (d.key) checks.push(['one_dispatch', '2022-08-05']);
    for (const [key, on] of checks) await write(sup, (tx, audit) => checkServiceItem(tx, audit, sup, p.id, key, { doneOn: on, note: '演示数据', version: 0 }, DEMO_TODAY));
    // The task force records what is done: every step due by the demo day, except the late ones.
    const ms = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, p.id)).orderBy(projectMilestones.sortOrder);
    const reporter = await reporterOf(d.unit);
    if (ms.some((m) => m.plannedStart <= DEMO_TODAY)) await write(zhongda, async (tx, audit) => {
      for (const m of ms) {
        if (m.plannedEnd > DEMO_TODAY || d.lateSteps?.includes(m.key)) {
          if (m.plannedStart <= DEMO_TODAY && !d.lateSteps?.includes(m.key))
            await updateMilestone(tx, audit, zhongda, p.id, m.id, { actualStart: m.plannedStart }, DEMO_TODAY, { demo: true });
          continue;
        }
        await updateMilestone(tx, audit, zhongda, p.id, m.id, { actualStart: m.plannedStart, actualEnd: m.plannedEnd }, DEMO_TODAY, { demo: true });
      }
    });
    // Monthly completed investment, demo figures: approved to July, August submitted.
    const months = ['2022-03', '2022-04', '2022-05', '2022-06', '2022-07'];
    const per = (Number(d.annual) / 10).toFixed(2);
    for (const period of months) {
      const inv = await write(reporter, (tx, audit) => saveInvestment(tx, audit, reporter, p.id, { period, amount: per, note: '演示数据', submit: true }, DEMO_TODAY, { demo: true }));
      await write(sup, (tx, audit) => reviewInvestment(tx, audit, sup, inv.id, { action: 'approve' }));
    }
    await write(reporter, (tx, audit) => saveInvestment(tx, audit, reporter, p.id, { period: '2022-08', amount: per, note: '演示数据', submit: true }, DEMO_TODAY, { demo: true }));

    if (d.name === '中能4.6万吨颗粒硅') {
      const item = await write(zhongda, (tx, audit) =>
        raiseProblem(tx, audit, zhongda, p.id, { title: '二期用地征迁扫尾未完成，影响净地交付', detail: '演示数据', category: 'relocation' }, demoNow),
      );
      await write(sup, (tx, audit) => actOnItem(tx, audit, sup, item.id, { action: 'assign', assigneeUnitId: unit('zhengqian'), deadline: '2022-08-15' }, demoNow));
    }
    if (d.name === '弘元新材料光伏基地') {
      const item = await write(zhongda, (tx, audit) =>
        raiseProblem(tx, audit, zhongda, p.id, { title: '110千伏专线供电配套需提前至10月底前送电', detail: '演示数据', category: 'power' }, demoNow),
      );
      await write(sup, (tx, audit) => actOnItem(tx, audit, sup, item.id, { action: 'assign', assigneeUnitId: unit('zhongda'), deadline: '2022-08-31' }, demoNow));
      await write(zhongda, (tx, audit) => actOnItem(tx, audit, zhongda, item.id, { action: 'accept' }, demoNow));
    }
    if (d.name === '天科合达二期年产16万片碳化硅衬底晶片') {
      await write(zhongda, (tx, audit) =>
        raiseProblem(tx, audit, zhongda, p.id, { title: '环评批复待省厅下达，需协调加快', detail: '演示数据', category: 'eia' }, demoNow),
      );
    }
  }

  // Leads, demo figures; one signed lead is left for the "make a project" step.
  const zs = await reporterOf('zhaoshang');
  for (const l of LEADS) {
    const author = l.unit === 'zhaoshang' ? zs : sup;
    const lead = await write(author, (tx, audit) =>
      createLead(tx, audit, author, { name: l.name, investor: '', source: '产业链招商', team: l.team, unitId: unit(l.unit), chain: l.chain, category: 'industrial', currency: l.currency ?? 'CNY', expectedInvestment: l.total }, { demo: true }),
    );
    await write(author, (tx, audit) => addContact(tx, audit, author, lead.id, { onDate: '2022-07-12', kind: 'meeting', note: '与企业高层洽谈项目选址与投资强度（演示数据）' }, DEMO_TODAY));
    if (l.stage !== 'clue') await write(author, (tx, audit) => moveLead(tx, audit, author, lead.id, { stage: 'negotiating' }, DEMO_TODAY));
    if (l.stage === 'signed') await write(author, (tx, audit) => moveLead(tx, audit, author, lead.id, { stage: 'signed', signedOn: l.signedOn }, DEMO_TODAY));
  }
}

/** The zone's project settings for the demo: USD rate, stage rules, the sketch outline. */
export async function seedProjectSettings(handle: DbHandle, zoneId: string): Promise<void> {
  const [r] = await handle.db
    .select({ id: users.id, role: memberships.role, unitId: memberships.unitId })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.zoneId, zoneId)))
    .where(eq(users.username, 'supervisor'));
  const sup: Actor = { userId: r!.id, zoneId, role: r!.role, unitId: r!.unitId };
  await writeAudited(handle.db, sup, null, (tx, audit) =>
    saveSettings(tx, audit, sup, {
      usdRates: { '2022': '6.7261' },
      stageRules: [
        // "765"-style limits (demo values): 7 months from signing to groundbreaking, 12 from groundbreaking to production.
        { kind: 'months', from: 'signed', to: 'started', months: 7 },
        { kind: 'months', from: 'started', to: 'producing', months: 12 },
      ],
      outline: DEMO_OUTLINE,
      outlineDemo: true,
      serviceItems: DEMO_SERVICE_ITEMS,
    }),
  );

}
