/**
 * Round 34, found on the draft screen (set ae's 967 pasted in): a list number glued to the figure after it. Invented lines
 * of the same kind.
 */
import { describe, expect, it } from 'vitest';
import { quantitiesOf } from './roundViews';

describe('list numbers', () => {
  it('"2.50个" between "1." and "3." lines is item 2 with 50个; two figures on their own lines stay figures', () => {
    const list = ['1.新增电梯400台。', '2.50个小区新增充电设施。', '3.开设40个暑托班。', '4.460个活动室提供2300场活动。'].join('\n');
    expect(quantitiesOf(list, { year: 2022 })).toEqual(['400台', '50个', '40个', '460个', '2300场']);
    expect(quantitiesOf('1.5亿元\n2.5亿元', { year: 2022 })).toEqual(['1.5亿元', '2.5亿元']);
    expect(quantitiesOf('今年将投入2.5亿元用于改造。', { year: 2022 })).toEqual(['2.5亿元']);
  });
});
