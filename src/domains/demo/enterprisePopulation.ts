// The bulk of Xuzhou's demo register: ~300 generated enterprises (marked demo)
// over the six towns and sub-districts, so the zone counts the register feeds
// (净增“四上”, 净增高企, 星级上云, 智能车间) sit plausibly around time progress
// at 2022-08 — some units ahead, some behind. Pure and deterministic (no
// randomness): given the hand-written demo enterprises, it tops their counts
// up to the goals below. Names are “徐州<字号><行业>有限公司”; credit codes are
// valid (GB 32100) and unique (Xuzhou ETDZ region code 320371).
import type { EnterpriseTag } from '../../db/schema';
import { tagChange, type TagSpan } from '../enterprises/rules';
import { USCC_CHARSET, usccCheckChar } from '../enterprises/uscc';

export type DemoTag = [EnterpriseTag, string, string?];

export interface PopulationEnterprise {
  name: string;
  creditCode: string;
  unit: string;
  chain: string;
  output2021: string;
  output2022: string;
  tax2022: string;
  employees: number;
  tags: DemoTag[];
}

/** What the population adds up to with the hand-written demo enterprises, on 2022-08-31. */
export const POPULATION_GOALS = {
  size: { damiao: 62, dahuangshan: 38, donghuan: 44, jinshanqiao: 58, jinlonghu: 54, xuzhuang: 44 },
  /** 净增“四上” by unit (Xuzhou's unit targets are 14–25; 徐庄镇 is behind). */
  netFourAbove: { damiao: 18, dahuangshan: 10, donghuan: 10, jinshanqiao: 17, jinlonghu: 13, xuzhuang: 9 },
  fourAboveLost: { damiao: 2, dahuangshan: 1, donghuan: 2, jinshanqiao: 1, jinlonghu: 2, xuzhuang: 3 },
  /** 净增高新技术企业 (target 50). */
  netHighTech: 34,
  highTechLost: 4,
  /** 星级上云企业 held (seed 003: 40家以上). */
  cloudStars: 28,
  /** 新增智能车间 (seed 003: 5家以上). */
  smartWorkshops: 3,
} as const;

export const AS_OF = '2022-08-31';
const CM = '工程机械与智能制造';
const NE = '新能源新材料';
const IC = '集成电路及ICT';
const BIO = '生物医药与大健康';
/** Chains weighted as the zone's industry is: 工程机械 first. */
const CHAIN_CYCLE = [CM, NE, CM, IC, NE, CM, BIO, IC, CM, NE];
const KINDS: Record<string, string[]> = {
  [CM]: ['机械制造', '智能装备', '液压科技', '精密部件', '工程机械配件', '自动化设备'],
  [NE]: ['新能源科技', '新材料科技', '光伏科技', '储能科技', '复合材料', '环保科技'],
  [IC]: ['电子科技', '半导体材料', '光电科技', '信息技术', '智能科技', '传感技术'],
  [BIO]: ['生物科技', '医疗器械', '医药科技', '健康科技', '制药', '检测技术'],
};
// 字号: none of the hand-written demo's (demo.ts SMALL_PREFIX).
const ZIHAO = [
  '盛泰', '联创', '华宇', '永信', '嘉和', '东昊', '汉通', '淮海', '云龙', '彭城', '楚韵', '泉润', '长鑫', '明阳', '诚远', '广汇', '通达', '同力',
  '祥瑞', '海博', '铭泰', '国晟', '振华', '卓越', '华源', '兴业', '大成', '九鼎', '瑞泽', '创维', '亿通', '协鑫', '润泽', '中晟', '天禧', '信诚',
  '恒润', '立新', '富民', '金鼎', '中亿', '远航', '华泰', '新元', '荣盛', '顺达', '弘毅', '晨光', '泰和', '宏图', '欣欣', '正阳', '兆丰', '龙腾',
  '博瑞', '汇智', '启航', '丰源', '鑫盛', '万通',
];

type Unit = keyof typeof POPULATION_GOALS.size;
const UNITS = Object.keys(POPULATION_GOALS.size) as Unit[];

/** A valid code for the n-th generated enterprise: an injective scramble of n in base 31. */
export function populationCreditCode(n: number): string {
  let x = ((n + 1) * 104729 + 5_000_000) % 31 ** 7;
  let body = '';
  for (let i = 0; i < 7; i++) {
    body = USCC_CHARSET[x % 31]! + body;
    x = Math.floor(x / 31);
  }
  const first17 = `91320371MA${body}`;
  return first17 + usccCheckChar(first17);
}

const hash = (n: number) => ((n + 1) * 2654435761) % 4294967296;
const pad = (n: number) => String(n).padStart(2, '0');
/** Evenly spread pick of k items of a list, in order. */
const spread = <X>(list: X[], k: number): X[] => (k <= 0 ? [] : Array.from({ length: Math.min(k, list.length) }, (_, j) => list[Math.floor((j * list.length) / Math.min(k, list.length))]!));
/** Share of a unit's 2022 entries that came by the end of each month Jan–Aug (the January update is the big one). */
const ENTRY_CURVE = [0.22, 0.32, 0.45, 0.55, 0.67, 0.8, 0.9, 1];

/** The hand-written enterprises the population tops up. */
export interface ExistingDemo {
  unit: string;
  tags: readonly DemoTag[];
}

function spansOf(list: readonly { unit: string; tags: readonly DemoTag[] }[], prefix: string): (TagSpan & { unit: string })[] {
  return list.flatMap((e, i) => e.tags.map(([tag, gainedOn, lostOn]) => ({ enterpriseId: `${prefix}${i}`, unit: e.unit, tag, gainedOn, lostOn: lostOn ?? null })));
}

export function demoPopulation(existing: readonly ExistingDemo[]): PopulationEnterprise[] {
  const G = POPULATION_GOALS;
  const old = spansOf(existing, 'x');
  const change = (tag: EnterpriseTag, unit?: string) => tagChange(unit ? old.filter((s) => s.unit === unit) : old, tag, '2022-01-01', AS_OF);
  const out: (PopulationEnterprise & { role: 'base' | 'lost' | 'new' | 'small' })[] = [];
  let n = 0;
  for (const unit of UNITS) {
    const size = G.size[unit];
    const lost = G.fourAboveLost[unit];
    const gained = G.netFourAbove[unit] - change('four_above', unit).net + lost;
    const base = Math.round(size * 0.42);
    if (gained < 0 || base + gained > size) throw new Error(`demoPopulation: ${unit} cannot reach its goals`);
    for (let i = 0; i < size; i++, n++) {
      const h = hash(n);
      const chain = CHAIN_CYCLE[(n * 3 + (h % 7)) % CHAIN_CYCLE.length]!;
      const name = `徐州${ZIHAO[n % ZIHAO.length]}${KINDS[chain]![Math.floor(n / ZIHAO.length) % 6]}有限公司`;
      const role = i < base - lost ? 'base' : i < base ? 'lost' : i < base + gained ? 'new' : 'small';
      const tags: DemoTag[] = [];
      let output2022: number, output2021: number;
      if (role === 'base' || role === 'lost') {
        const since = `${2012 + ((i * 5) % 10)}-12-31`;
        const lostOn = role === 'lost' ? `2022-${pad(2 + ((i * 2) % 6))}-28` : undefined;
        tags.push(['four_above', since, lostOn], ['above_size', since, lostOn]);
        output2022 = role === 'lost' ? 1400 + (h % 500) : 2600 + Math.round(((h >>> 8) % 1000) ** 2 / 20);
        output2021 = role === 'lost' ? 2050 + ((h >>> 4) % 300) : Math.round((output2022 * 100) / (100 + ((h >>> 12) % 30) - 6));
      } else if (role === 'new') {
        const k = i - base;
        const month = ENTRY_CURVE.findIndex((c) => (k + 0.5) / gained <= c) + 1;
        const on = `2022-${pad(month)}-${pad(month === 8 ? 5 + (k % 10) : 5 + ((k * 7) % 20))}`;
        tags.push(['four_above', on], ['above_size', on]);
        output2022 = 2100 + (h % 2500);
        output2021 = 1700 + ((h >>> 4) % 900);
      } else {
        output2022 = 300 + (h % 1680);
        output2021 = Math.round((output2022 * 100) / (100 + ((h >>> 12) % 30) - 6));
      }
      if (role === 'base' && n % 5 === 0) tags.push(['high_tech', `${2019 + (n % 3)}-11-${pad(20 + (n % 8))}`]);
      if (role === 'base' && n % 11 === 0) tags.push(['specialized', '2021-06-30']);
      out.push({
        name,
        creditCode: populationCreditCode(n),
        unit,
        chain,
        output2021: String(output2021),
        output2022: String(output2022),
        tax2022: String(Math.round((output2022 * (3 + (h % 4))) / 100)),
        employees: 20 + Math.round(output2022 / 60),
        tags,
        role,
      });
    }
  }
  // 高企: a few 2019 certificates not renewed, and the year's batches.
  const expiring = spread(out.filter((e) => e.tags.some(([t, d]) => t === 'high_tech' && d.startsWith('2019'))), G.highTechLost);
  expiring.forEach((e, j) => {
    const span = e.tags.find(([t]) => t === 'high_tech')!;
    span[2] = `2022-0${3 + j}-30`;
  });
  const newHighTech = G.netHighTech - change('high_tech').net + expiring.length;
  const batches = ['2022-01-26', '2022-03-30', '2022-05-27', '2022-07-28'];
  spread(out.filter((e) => e.role !== 'lost' && !e.tags.some(([t]) => t === 'high_tech') && e.chain !== BIO), newHighTech).forEach((e, j) => e.tags.push(['high_tech', batches[j % 4]!]));
  // 星级上云: a few from 2021, the rest this year; 智能车间 in June.
  const cloud = G.cloudStars - tagChange(old, 'cloud_star', '2022-01-01', AS_OF).after;
  spread(out.filter((e) => e.role === 'base' || e.role === 'new'), cloud).forEach((e, j) =>
    e.tags.push(['cloud_star', j < 5 ? `2021-10-${pad(10 + j)}` : `2022-${pad(3 + (j % 6))}-${pad(8 + (j % 15))}`]),
  );
  spread(out.filter((e) => e.role === 'base' && e.chain === CM), G.smartWorkshops - change('smart_workshop').gained).forEach((e) => e.tags.push(['smart_workshop', '2022-06-20']));
  return out.map(({ role: _r, ...e }) => e);
}
