import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { assignRoles } from './roles';
import { UnitMatcher } from './units';
import { extractRules } from './index';

const UNITS = ['大庙街道', '徐庄镇', '经发局', '财政局', '招商局', '征迁办', '地方金融监管局'];
const m = new UnitMatcher(UNITS);

describe('assignRoles', () => {
  it('reads labelled lead, supporting units and leader', () => {
    const r = assignRoles('8月底前完成创新中心建设（牵头单位：经发局；配合单位：财政局、招商局；责任领导：张克）', [], m);
    expect(r).toMatchObject({ lead: '经发局', supporting: ['财政局', '招商局'], leader: '张克' });
    expect(r.rules).toEqual(expect.arrayContaining(['role:label', 'role:leader-label']));
  });

  it('reads 由…牵头 and a list of units that 配合', () => {
    const r = assignRoles('由征迁办牵头，大庙街道、徐庄镇配合，10月底前完成房屋征收30万平方米', [], m);
    expect(r).toMatchObject({ lead: '征迁办', supporting: ['大庙街道', '徐庄镇'], leader: null });
  });

  it('a unit that 负责 leads; short forms count when unambiguous', () => {
    expect(assignRoles('大庙负责，年底前建成邻里中心', [], m).lead).toBe('大庙街道');
  });

  it('falls back to the first given unit, the others support', () => {
    const r = assignRoles('年内新增规上企业10家', ['徐庄镇', '经发局'], m);
    expect(r).toMatchObject({ lead: '徐庄镇', supporting: ['经发局'], rules: ['role:first-unit'] });
  });

  it('names a known leader found in the text, the longest name first', () => {
    expect(assignRoles('请张克强同志督促落实', [], m, ['张克', '张克强']).leader).toBe('张克强');
    expect(assignRoles('年底前完成', [], m, ['张克'], '张金宝').leader).toBe('张金宝');
  });

  it('never lists the lead among the supporting units (property)', () => {
    const unit = fc.constantFrom(...UNITS);
    const phrase = fc.oneof(
      fc.tuple(unit).map(([u]) => `由${u}牵头`),
      fc.tuple(unit, unit).map(([a, b]) => `${a}、${b}配合`),
      fc.tuple(unit).map(([u]) => `牵头单位：${u}`),
      fc.constantFrom('年底前完成', '，', '新增企业5家'),
    );
    fc.assert(
      fc.property(fc.array(phrase, { maxLength: 6 }), fc.array(unit, { maxLength: 3 }), (parts, given) => {
        const r = assignRoles(parts.join('，'), given, m);
        return !r.supporting.includes(r.lead ?? '') && new Set(r.supporting).size === r.supporting.length &&
          [r.lead, ...r.supporting].every((u) => u === null || UNITS.includes(u));
      }),
    );
  });
});

describe('roles in extraction', () => {
  it("seed 000's pledges carry the speaking secretary as the leader", () => {
    const text = readFileSync(new URL('../../../../test/fixtures/extract/000.txt', import.meta.url), 'utf8');
    const r = extractRules(text, { year: 2022, units: ['大庙街道', '大黄山街道', '东环街道', '金山桥街道', '金龙湖街道', '徐庄镇'] });
    const tasks = r.items.filter((i) => i.kind === 'task');
    expect(tasks.length).toBeGreaterThan(0);
    const withLeader = tasks.filter((t) => t.leader);
    expect(withLeader.length).toBeGreaterThan(0);
    for (const t of withLeader) expect(t.leader).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    expect(tasks.some((t) => t.leader === '郑再武' && t.lead === '大黄山街道')).toBe(true);
  });

  it('roles stated after the item in brackets stay out of its text', () => {
    const r = extractRules('8月底前完成江苏汇智高端工程机械创新中心建设（牵头单位：经发局；配合单位：财政局；责任领导：张克）。', { year: 2022, units: UNITS });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ text: '8月底前完成江苏汇智高端工程机械创新中心建设', lead: '经发局', supporting: ['财政局'], leader: '张克' });
  });

  it('a rallying call is not a task', () => {
    const r = extractRules('会议强调，要决战冲刺100天，全力完成主要目标任务。要大干100天，完成征收30万平方米。', { year: 2022 });
    expect(r.items.map((i) => i.text)).toEqual(['要大干100天，完成征收30万平方米']);
  });
});
