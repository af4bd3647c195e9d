import { describe, expect, it } from 'vitest';
import { workdaysBetween } from '../../shared/calendar';
import { planBackward, validateTemplate } from './schedule';
import { DEFAULT_TEMPLATES, INDUSTRIAL_TEMPLATE, defaultTemplate, type ProjectCategory } from './templates';

const categories = Object.keys(DEFAULT_TEMPLATES) as ProjectCategory[];

/** Keys a step depends on, directly or through other steps. */
function ancestors(steps: readonly { key: string; dependsOn: readonly string[] }[], key: string): Set<string> {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const seen = new Set<string>();
  const walk = (k: string) => {
    for (const d of byKey.get(k)?.dependsOn ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      walk(d);
    }
  };
  walk(key);
  return seen;
}

describe('default templates', () => {
  it.each(categories)('%s is a valid DAG with one final step and a department for every step', (category) => {
    const t = defaultTemplate(category);
    expect(t.category).toBe(category);
    expect(validateTemplate(t).ok).toBe(true);
    const depended = new Set(t.steps.flatMap((s) => s.dependsOn));
    expect(t.steps.filter((s) => !depended.has(s.key))).toHaveLength(1);
    for (const s of t.steps) {
      expect(s.department.trim(), s.key).not.toBe('');
      expect(s.name.trim(), s.key).not.toBe('');
    }
  });

  it.each(categories)('%s marks its stages in lifecycle order', (category) => {
    const plan = planBackward(defaultTemplate(category), '2023-12-29');
    const stages = plan.steps.filter((s) => 'marksStage' in s).map((s) => (s as { marksStage: string }).marksStage);
    const order = ['signed', 'started', 'producing'];
    expect(stages.map((x) => order.indexOf(x))).toEqual([...stages.map((x) => order.indexOf(x))].sort((a, b) => a - b));
    expect(stages).toContain('started');
  });

  it('industrial covers the usual node flow', () => {
    const names = INDUSTRIAL_TEMPLATE.steps.map((s) => s.name).join('|');
    expect(INDUSTRIAL_TEMPLATE.steps.length).toBeGreaterThanOrEqual(20);
    expect(INDUSTRIAL_TEMPLATE.steps.length).toBeLessThanOrEqual(30);
    for (const node of ['签约', '立项备案', '土地预审', '规划设计方案', '环评批复', '能评', '摘牌', '不动产权证', '施工图审查', '施工许可', '主体开工', '封顶', '供水', '供电', '供气', '设备进场', '设备安装调试', '试生产', '竣工验收', '投产'])
      expect(names, node).toContain(node);
  });

  it('industrial lays the utilities in parallel', () => {
    const utilities = ['water_supply', 'power_supply', 'gas_supply'];
    for (const u of utilities) {
      const before = ancestors(INDUSTRIAL_TEMPLATE.steps, u);
      for (const other of utilities) expect(before.has(other), `${u} after ${other}`).toBe(false);
    }
  });

  it('flows fit a year, livelihood the shortest', () => {
    const span = (c: ProjectCategory) => {
      const plan = planBackward(defaultTemplate(c), '2023-12-29');
      return workdaysBetween(plan.start, plan.targetDate) + 1;
    };
    expect(span('industrial')).toBeLessThanOrEqual(250);
    expect(span('urban')).toBeLessThanOrEqual(250);
    expect(span('livelihood')).toBeLessThan(span('urban'));
    expect(span('livelihood')).toBeLessThan(span('industrial'));
  });
});
