/**
 * Rules added in round 42 (docs/extraction.md), each measured on the whole corpus. One test per rule, on invented
 * sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { quantitiesOf } from './roundViews';

describe('a lone 二 before 批次', () => {
  it('is an ordinal, as before 次; a count says 两 or a digit', () => {
    expect(quantitiesOf('12月30日完成二批次交付，全年开展抽检3批次、复查两批次。', { year: 2024 })).toEqual(['3批次', '2批次']);
    expect(quantitiesOf('推动二次创业，开展十二批次抽检。', { year: 2024 })).toEqual(['12批次']);
  });
});
