// A project's problems (问题清单) are items of the shared closed loop: kind
// 'problem', subject_type 'project'. This file only names the categories; raising
// goes through `raiseItem`, every later step through the generic loop routes.
export const PROBLEM_CATEGORIES = {
  eia: { zh: '环评', en: 'Environmental assessment' },
  energy: { zh: '能耗', en: 'Energy quota' },
  water: { zh: '供水', en: 'Water supply' },
  power: { zh: '供电', en: 'Power supply' },
  gas: { zh: '供气', en: 'Gas supply' },
  relocation: { zh: '征迁', en: 'Land clearance' },
  road: { zh: '道路配套', en: 'Road access' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type ProblemCategory = keyof typeof PROBLEM_CATEGORIES;
export const loopCategoryValues = Object.keys(PROBLEM_CATEGORIES) as [ProblemCategory, ...ProblemCategory[]];
export const PROJECT_SUBJECT = 'project';
