// The label of every code the server sends, one catalogue per enum, read from the
// texts that already hold them (no second copy of any wording). `key(code)` must
// name a text, so a code without a label does not compile; test/enum-labels.test.ts
// checks that each catalogue covers the server's enum (type and value) and that no
// label is empty or the code itself. Free of React and DOM, for plain Node tests; the app
// imports only its types (the module texts stay in their own chunks).
import { dictionaries } from './dict';
import * as assessment from '../assessment/texts';
import * as attraction from '../attraction/texts';
import * as bulletins from '../bulletins/texts';
import * as cockpit from '../cockpit/texts';
import * as enterprises from '../enterprises/texts';
import * as hazards from '../hazards/texts';
import * as projects from '../projects/texts';
import * as supervision from '../supervision/texts';
import * as targets from '../targets/texts';
import type { Lang } from './dict';

export type Label = Record<Lang, string>;

interface Texts<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

function labels<C extends string, K extends string>(codes: readonly C[], texts: Texts<K>, key: (code: C) => NoInfer<K>): Record<C, Label> {
  return Object.fromEntries(codes.map((c) => [c, { zh: texts.zh[key(c)], en: texts.en[key(c)] }])) as Record<C, Label>;
}

const shell = { zh: dictionaries.zh, en: dictionaries.en };

export const ENUM_LABELS = {
  role: labels(['admin', 'leader', 'supervisor', 'reporter', 'viewer', 'enterprise'], shell, (c) => `role.${c}`),
  unitKind: labels(['town', 'subdistrict', 'department', 'enterprise_group', 'area'], shell, (c) => `kind.${c}`),
  // targets and cockpit
  indicatorKind: labels(['flow', 'stock', 'count', 'ratio'], targets, (c) => `kind.${c}`),
  aggregation: labels(['sum', 'zone_reported'], targets, (c) => `aggregation.${c}`),
  fillMethod: labels(['manual', 'feed', 'system'], targets, (c) => `fillMethod.${c}`),
  progressMode: labels(['days', 'months'], targets, (c) => `progressMode.${c}`),
  rhythm: labels(['month', 'dekad'], targets, (c) => `rhythm.${c}`),
  figureState: labels(['draft', 'submitted', 'approved', 'returned'], targets, (c) => `state.${c}`),
  progressStatus: labels(['ahead', 'on_track', 'slightly_behind', 'far_behind'], cockpit, (c) => `status.${c}`),
  // projects and attraction
  projectCategory: labels(['industrial', 'urban', 'livelihood'], projects, (c) => `category.${c}`),
  projectStage: labels(['negotiating', 'signed', 'started', 'producing', 'at_capacity'], projects, (c) => `stage.${c}`),
  projectStatus: labels(['done', 'on_time', 'at_risk', 'behind'], projects, (c) => `status.${c}`),
  currency: labels(['CNY', 'USD'], projects, (c) => (c === 'CNY' ? 'form.cny' : 'form.usd')),
  investmentStatus: labels(['draft', 'submitted', 'approved', 'returned'], projects, (c) => `inv.${c}`),
  problemCategory: labels(['eia', 'energy', 'water', 'power', 'gas', 'relocation', 'road', 'other'], projects, (c) => `cat.${c}`),
  leadStage: labels(['clue', 'negotiating', 'signed', 'landed'], attraction, (c) => `stage.${c}`),
  contactKind: labels(['visit', 'call', 'meeting', 'inspection', 'other'], attraction, (c) => `kind.${c}`),
  // the closed loop (problems, tasks, appeals) and 督查督办
  loopState: labels(['found', 'assigned', 'rectifying', 'verifying', 'closed', 'returned'], supervision, (c) => `state.${c}`),
  loopEventAction: labels(['raise', 'assign', 'accept', 'report_done', 'verify', 'return', 'close', 'reopen', 'note'], projects, (c) => `act.${c}`),
  light: labels(['green', 'amber', 'red', 'done'], projects, (c) => `light.${c}`),
  documentKind: labels(['speech', 'pledge', 'report'], supervision, (c) => `doc.kind.${c}`),
  taskOrigin: labels(['task', 'pledge'], supervision, (c) => `origin.${c}`),
  taskPriority: labels(['normal', 'high', 'top'], supervision, (c) => `priority.${c}`),
  taskCadence: labels(['dekad', 'month'], supervision, (c) => `cadence.${c}`),
  taskStanding: labels(['on_time', 'amber', 'late', 'closed'], supervision, (c) => `standing.${c}`),
  taskGrouping: labels(['unit', 'leader', 'campaign', 'deadline'], supervision, (c) => `view.${c}`),
  requestKind: labels(['reword', 'explain', 'long_term'], supervision, (c) => `request.${c}`),
  requestStatus: labels(['pending', 'approved', 'rejected'], supervision, (c) => `request.${c}`),
  draftKind: labels(['task', 'result'], supervision, (c) => `review.kind.${c}`),
  // enterprises
  enterpriseTag: labels(
    ['high_tech', 'above_size', 'four_above', 'specialized', 'little_giant', 'single_champion', 'listing_reserve', 'listed', 'cloud_star', 'smart_workshop', 'hundred_billion', 'ten_billion'],
    enterprises,
    (c) => `tag.${c}`,
  ),
  appealCategory: labels(['land', 'labour', 'finance', 'approval', 'utilities', 'logistics', 'other'], enterprises, (c) => `cat.${c}`),
  satisfaction: labels(['satisfied', 'basically_satisfied', 'dissatisfied'], enterprises, (c) => `sat.${c}`),
  // hazards
  hazardCategory: labels(['safety', 'petition', 'environment'], hazards, (c) => `cat.${c}`),
  hazardLevel: labels(['general', 'major'], hazards, (c) => `level.${c}`),
  clearanceStatus: labels(['unregistered', 'cleared', 'open'], hazards, (c) => `clear.${c}`),
  // notification kinds the bell labels (the shell's texts: the bell is in every page)
  notificationKind: labels(['hazard.due', 'hazard.overdue'], shell, (c) => `notice.${c}`),
  // assessment and bulletins
  periodKind: labels(['month', 'quarter', 'half', 'year', 'campaign'], assessment, (c) => `kind.${c}`),
  itemKind: labels(['indicator_completion', 'growth_rank', 'milestones_on_time', 'tasks_on_time', 'loops_closed'], assessment, (c) => `item.${c}`),
  targetTier: labels(['floor', 'stretch'], assessment, (c) => `form.tier.${c}`),
  redFlagPolicy: labels(['all_tied', 'unique_only'], assessment, (c) => `form.redFlag.${c}`),
  scoredLoopKind: labels(['problem', 'appeal', 'hazard'], assessment, (c) => `loop.${c}`),
  schemeState: labels(['draft', 'published'], assessment, (c) => `state.${c}`),
  bulletinState: labels(['draft', 'published'], bulletins, (c) => `state.${c}`),
};

export type EnumName = keyof typeof ENUM_LABELS;
export type CodeOf<E extends EnumName> = keyof (typeof ENUM_LABELS)[E] & string;
/** What a person can do to a problem, task or appeal (src/shared/loop/machine.ts); events also record notes. */
export type LoopAction = Exclude<CodeOf<'loopEventAction'>, 'note'>;

