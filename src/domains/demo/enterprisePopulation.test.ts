import { describe, expect, it } from 'vitest';
import { demoCreditCode, handWrittenEnterprises } from './enterprises';
import { AS_OF, demoPopulation, POPULATION_GOALS } from './enterprisePopulation';
import { tagChange, type TagSpan } from '../enterprises/rules';
import { validateUscc } from '../enterprises/uscc';

const hand = handWrittenEnterprises();
const pop = demoPopulation(hand);
const all = [...hand.map((e) => ({ ...e, creditCode: '' })), ...pop];
const spans = (unit?: string): TagSpan[] =>
  all.flatMap((e, i) => (unit && e.unit !== unit ? [] : e.tags.map(([tag, gainedOn, lostOn]) => ({ enterpriseId: String(i), tag, gainedOn, lostOn: lostOn ?? null }))));

describe('the demo population', () => {
  it('is a few hundred enterprises with unique names and valid, unique credit codes', () => {
    expect(pop.length).toBe(Object.values(POPULATION_GOALS.size).reduce((a, b) => a + b, 0));
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
    const codes = [...pop.map((e) => e.creditCode), ...hand.map((_, n) => demoCreditCode(n)), demoCreditCode(900), demoCreditCode(901)];
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of pop) expect(validateUscc(c.creditCode).ok, c.creditCode).toBe(true);
    expect(pop.every((e) => /^徐州.+有限公司$/.test(e.name))).toBe(true);
  });

  it('with the hand-written ones, reaches the goals on 2022-08-31', () => {
    const change = (tag: TagSpan['tag'], unit?: string) => tagChange(spans(unit), tag, '2022-01-01', AS_OF);
    for (const [unit, net] of Object.entries(POPULATION_GOALS.netFourAbove)) expect(change('four_above', unit).net, unit).toBe(net);
    expect(change('high_tech').net).toBe(POPULATION_GOALS.netHighTech);
    expect(change('cloud_star').after).toBe(POPULATION_GOALS.cloudStars);
    expect(change('smart_workshop').gained).toBe(POPULATION_GOALS.smartWorkshops);
    // The seeds' facts stay as the hand-written demo states them.
    expect(change('hundred_billion').gained).toBe(1);
    expect(change('little_giant').gained).toBe(3);
  });

  it('keeps figures plausible: below 10亿元 (the 十亿级 pool stays the named ones), tags dated by August', () => {
    expect(pop.every((e) => Number(e.output2022) > 0 && Number(e.output2022) < 100000 && Number(e.output2021) > 0)).toBe(true);
    expect(pop.flatMap((e) => e.tags).every(([, g, l]) => g <= '2022-08-20' && (!l || (l > g && l <= '2022-08-20')))).toBe(true);
  });
});
