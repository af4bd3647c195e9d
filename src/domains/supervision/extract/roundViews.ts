// What the round tests (sixth-round, seventh-round) read off the rules (without the learned pass): short tuples
// that a failing expectation prints legibly.
import { extractRules } from './index';
import { deadlinesOf, type DeadlineContext } from './deadline';

export const datesOf = (text: string, c: DeadlineContext) => deadlinesOf(text, c).map((d) => [d.phrase, d.date, d.rule]);
export const dated = (text: string, opts = {}) => extractRules(text, opts).items.filter((i) => i.deadline).map((i) => [i.text, i.deadline]);
export const quantitiesOf = (text: string, opts = {}) => extractRules(text, opts).items.flatMap((i) => i.quantities.map((q) => `${q.value}${q.unit}`));
export const projectsOf = (text: string, opts = {}) =>
  extractRules(text, opts).items.flatMap((i) => (i.project ? [[i.project.name, i.project.investment.value, i.project.investment.unit]] : []));
