// The demo zones, from the seeds: Xuzhou (seeds 003 and 000, year 2022) and
// Huai'an (seed 001, year 2023). Unit names are the seeds' own; units marked
// `demo: true` are plausible additions that the seeds do not name.
import type { UnitKind } from '../../db/schema';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  demo?: boolean;
}

export interface DemoZone {
  code: string;
  name: string;
  /** The seed's year: the demo opens on it. */
  year: number;
  /** Where the seed's data ends: the zone replays history as of this date (its business date). */
  pinnedDate: string;
  /** Short prefix for the unit reporters' usernames. */
  prefix: string;
  units: DemoUnit[];
  /** The unit the zone-wide viewer account reads. */
  viewerUnit: string;
}

export const demoZones: DemoZone[] = [
  {
    code: 'xuzhou',
    name: '徐州经济技术开发区',
    year: 2022,
    pinnedDate: '2022-08-31',
    prefix: 'xz',
    viewerUnit: 'jingfa',
    units: [
      { code: 'damiao', name: '大庙街道', kind: 'subdistrict' },
      { code: 'dahuangshan', name: '大黄山街道', kind: 'subdistrict' },
      { code: 'donghuan', name: '东环街道', kind: 'subdistrict' },
      { code: 'jinshanqiao', name: '金山桥街道', kind: 'subdistrict' },
      { code: 'jinlonghu', name: '金龙湖街道', kind: 'subdistrict' },
      { code: 'xuzhuang', name: '徐庄镇', kind: 'town' },
      { code: 'jingfa', name: '经发局', kind: 'department' },
      { code: 'zhaoshang', name: '招商局', kind: 'department' },
      { code: 'caizheng', name: '财政局', kind: 'department' },
      { code: 'ducha', name: '督查办', kind: 'department' },
      { code: 'zhengqian', name: '征迁办', kind: 'department' },
      { code: 'fangguan', name: '房管处', kind: 'department' },
      { code: 'nongshui', name: '农水局', kind: 'department' },
      { code: 'zhongda', name: '重大办', kind: 'department' },
      { code: 'jinrong', name: '地方金融监管局', kind: 'department' },
      { code: 'guotou', name: '国投公司', kind: 'enterprise_group' },
    ],
  },
  {
    code: 'huaian',
    name: '淮安经济技术开发区',
    year: 2023,
    pinnedDate: '2023-06-30',
    prefix: 'ha',
    viewerUnit: 'jingfa',
    units: [
      { code: 'bochi', name: '钵池街道', kind: 'subdistrict' },
      { code: 'meicheng', name: '枚乘街道', kind: 'subdistrict' },
      { code: 'shijian', name: '市场监督管理局', kind: 'department' },
      { code: 'jingfa', name: '经发局', kind: 'department', demo: true },
      { code: 'caizheng', name: '财政局', kind: 'department', demo: true },
      { code: 'zhaoshang', name: '招商局', kind: 'department', demo: true },
      { code: 'ducha', name: '督查办', kind: 'department', demo: true },
    ],
  },
];

/** Zone-wide demo accounts; each belongs to both demo zones. */
export const demoStaff = [
  { username: 'admin', displayName: '信息中心 李工', role: 'admin' },
  { username: 'leader', displayName: '区领导', role: 'leader' },
  { username: 'supervisor', displayName: '督查办', role: 'supervisor', unit: 'ducha' },
  { username: 'viewer', displayName: '经发局（只读）', role: 'viewer' },
] as const;
