// Every code the server may send has a label in Chinese and English, and the web app
// never renders a code bare. The catalogues (web/src/i18n/enumLabels.ts) are checked
// against the server's enums twice: by type (a server code without a label does not
// compile, below) and by value (the codes read from the schema's lists and zod enums).
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/db/schema';
import { LOOP_EVENT_ACTIONS, LOOP_STATES, type Light, type LoopEventAction, type LoopState } from '../src/shared/loop/machine';
import { loopItemBody } from '../src/shared/loop/routes';
import type { ProgressStatus } from '../src/domains/targets/progress';
import { projectView } from '../src/domains/projects/schemas';
import { loopCategoryValues, type ProblemCategory } from '../src/domains/projects/problems';
import { contactInput } from '../src/domains/attraction/service';
import { GROUPINGS, STANDINGS } from '../src/domains/supervision/tasks';
import { confirmItem } from '../src/domains/supervision/documents';
import { itemKinds, schemeInput, type SchemeItemConfig } from '../src/domains/assessment/schemes';
import type { Clearance } from '../src/domains/hazards/rules';
import { HAZARD_NOTICE_KINDS } from '../src/domains/hazards/watch';
import { ENUM_LABELS, type EnumName, type Label } from '../web/src/i18n/enumLabels';
import { rawCodesRendered } from './helpers/rawCodes';

type Of<T extends readonly string[]> = T[number];
type Item<K extends SchemeItemConfig['kind']> = Extract<SchemeItemConfig, { kind: K }>;

/** The server's type of each enum the web app labels. */
interface ServerEnums {
  role: Of<typeof schema.roles>;
  unitKind: Of<typeof schema.unitKinds>;
  indicatorKind: Of<typeof schema.indicatorKinds>;
  aggregation: Of<typeof schema.aggregations>;
  fillMethod: Of<typeof schema.fillMethods>;
  progressMode: Of<typeof schema.progressModes>;
  rhythm: Of<typeof schema.rhythms>;
  figureState: Of<typeof schema.figureStates>;
  progressStatus: ProgressStatus;
  projectCategory: Of<typeof schema.projectCategories>;
  projectStage: Of<typeof schema.projectStages>;
  projectStatus: z.infer<typeof projectView>['status'];
  currency: Of<typeof schema.currencies>;
  investmentStatus: Of<typeof schema.investmentStatuses>;
  problemCategory: ProblemCategory;
  leadStage: Of<typeof schema.leadStages>;
  contactKind: z.infer<typeof contactInput>['kind'];
  loopState: LoopState;
  loopEventAction: LoopEventAction;
  light: Light;
  documentKind: Of<typeof schema.supervisionDocumentKinds>;
  taskOrigin: Of<typeof schema.taskOrigins>;
  taskPriority: Of<typeof schema.taskPriorities>;
  taskCadence: Of<typeof schema.taskCadences>;
  taskStanding: Of<typeof STANDINGS>;
  taskGrouping: Of<typeof GROUPINGS>;
  requestKind: Of<typeof schema.requestKinds>;
  requestStatus: Of<typeof schema.requestStatuses>;
  draftKind: z.infer<typeof confirmItem>['kind'];
  enterpriseTag: Of<typeof schema.enterpriseTags>;
  appealCategory: Of<typeof schema.appealCategories>;
  satisfaction: Of<typeof schema.satisfactions>;
  hazardCategory: Of<typeof schema.hazardCategories>;
  hazardLevel: Of<typeof schema.hazardLevels>;
  clearanceStatus: Clearance['status'];
  notificationKind: Of<typeof HAZARD_NOTICE_KINDS>;
  periodKind: Of<typeof schema.periodKinds>;
  itemKind: Of<typeof itemKinds>;
  targetTier: Item<'indicator_completion'>['tier'];
  redFlagPolicy: z.infer<typeof schemeInput>['redFlagPolicy'];
  scoredLoopKind: Item<'loops_closed'>['loopKinds'][number];
  schemeState: (typeof schema.assessmentSchemes.$inferSelect)['state'];
  bulletinState: (typeof schema.bulletins.$inferSelect)['state'];
}

// The type-level half: every server code has a label, and every catalogue names its server enum.
const covered: { [E in keyof ServerEnums]: Record<ServerEnums[E], Label> } = ENUM_LABELS;
const named: [Exclude<EnumName, keyof ServerEnums>] extends [never] ? true : false = true;

/** The server's codes as values, where the server keeps them as a list or a zod enum. */
const serverCodes: Partial<Record<EnumName, readonly string[]>> = {
  role: schema.roles,
  unitKind: schema.unitKinds,
  indicatorKind: schema.indicatorKinds,
  aggregation: schema.aggregations,
  fillMethod: schema.fillMethods,
  progressMode: schema.progressModes,
  rhythm: schema.rhythms,
  figureState: schema.figureStates,
  projectCategory: schema.projectCategories,
  projectStage: schema.projectStages,
  projectStatus: projectView.shape.status.options,
  currency: schema.currencies,
  investmentStatus: schema.investmentStatuses,
  problemCategory: loopCategoryValues,
  leadStage: schema.leadStages,
  contactKind: contactInput.shape.kind.unwrap().options,
  loopState: LOOP_STATES,
  loopEventAction: LOOP_EVENT_ACTIONS,
  light: loopItemBody.shape.light.options,
  documentKind: schema.supervisionDocumentKinds,
  taskOrigin: schema.taskOrigins,
  taskPriority: schema.taskPriorities,
  taskCadence: schema.taskCadences,
  taskStanding: STANDINGS,
  taskGrouping: GROUPINGS,
  requestKind: schema.requestKinds,
  requestStatus: schema.requestStatuses,
  draftKind: confirmItem.shape.kind.options,
  enterpriseTag: schema.enterpriseTags,
  appealCategory: schema.appealCategories,
  satisfaction: schema.satisfactions,
  hazardCategory: schema.hazardCategories,
  hazardLevel: schema.hazardLevels,
  notificationKind: HAZARD_NOTICE_KINDS,
  periodKind: schema.periodKinds,
  itemKind: itemKinds,
  redFlagPolicy: schemeInput.shape.redFlagPolicy.unwrap().options,
};

describe('enum labels', () => {
  it('types every catalogue by its server enum', () => {
    expect(Object.keys(covered).length).toBeGreaterThan(30);
    expect(named).toBe(true);
  });

  it('has a catalogue with exactly the server codes for every listed enum', () => {
    const differ = Object.entries(serverCodes).filter(([e, codes]) => Object.keys(ENUM_LABELS[e as EnumName]).sort().join() !== [...codes].sort().join());
    expect(differ).toEqual([]);
  });

  it('labels each code in Chinese and English, never empty and never the code itself', () => {
    const bad: string[] = [];
    for (const [e, catalogue] of Object.entries(ENUM_LABELS)) {
      for (const [code, label] of Object.entries(catalogue as Record<string, Label>)) {
        for (const lang of ['zh', 'en'] as const) {
          const text = label[lang]?.trim();
          if (!text || text === code) bad.push(`${e}.${code} ${lang}: ${String(label[lang])}`);
        }
        if (!/[\u4e00-\u9fff]/.test(label.zh)) bad.push(`${e}.${code} zh is not Chinese: ${label.zh}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('finds no JSX in web/src that renders an enum code bare', () => {
    const codes = new Set(Object.values(ENUM_LABELS).flatMap((c) => Object.keys(c)));
    expect(rawCodesRendered(codes)).toEqual([]);
  }, 300_000);
});
