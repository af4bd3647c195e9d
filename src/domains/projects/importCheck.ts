// 工期不足 on import: a row whose target date leaves the flow too few working days
// is reported in the row-by-row error report, with the earliest date that fits; a
// clerk who accepts the compressed plan says so in the row (压缩工期 = 是), as the
// web form's checkbox does. Nothing is imported with a plan that starts in the past.
import type { TemplateStep } from '../../db/schema';
import type { IsoDate } from '../../shared/calendar';
import type { Texts } from '../../shared/errors';
import { checkBackward, planForward, type Plan } from './schedule';

export type RowPlan = { plan: Plan } | { error: Texts };

/**
 * A checker for one import: plans per category and target date are laid once and
 * shared by the rows that ask for the same (templates: the zone's, per category).
 */
export function importPlanner(templates: ReadonlyMap<string, TemplateStep[]>, today: IsoDate) {
  const checks = new Map<string, ReturnType<typeof checkBackward>>();
  return (category: string, targetDate: IsoDate, compress: boolean): RowPlan => {
    const steps = templates.get(category)!;
    const key = `${category}|${targetDate}`;
    if (!checks.has(key)) checks.set(key, checkBackward({ steps }, targetDate, today));
    const check = checks.get(key)!;
    if (check.shortfallWorkdays === 0) return { plan: check.plan };
    if (compress && check.compressed?.fits) return { plan: check.compressed.plan };
    const earliest = planForward({ steps }, today).targetDate;
    const n = check.shortfallWorkdays;
    const fits = check.compressed?.fits === true;
    return {
      error: {
        zh:
          `工期不足：按节点流程倒排，须比业务日期${today}提前${n}个工作日开工；` +
          (fits ? `请把目标投产日期推迟到${earliest}或以后，或在“压缩工期”列填“是”按压缩方案导入` : `压缩到每个节点1个工作日也来不及，请把目标投产日期推迟到${earliest}或以后`),
        en:
          `Not enough time: the flow would have to start ${n} working days before the business date ${today}; ` +
          (fits ? `move the target date to ${earliest} or later, or put “是” in the compress column to import the compressed plan` : `even one working day per step is too long; move the target date to ${earliest} or later`),
      },
    };
  };
}
