/**
 * Rules added in round 42 (docs/extraction.md), each measured on the whole corpus. One test per rule, on invented
 * sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, quantitiesOf } from './roundViews';

describe('a lone 二 before 批次', () => {
  it('is an ordinal, as before 次; a count says 两 or a digit', () => {
    expect(quantitiesOf('12月30日完成二批次交付，全年开展抽检3批次、复查两批次。', { year: 2024 })).toEqual(['3批次', '2批次']);
    expect(quantitiesOf('推动二次创业，开展十二批次抽检。', { year: 2024 })).toEqual(['12批次']);
  });
});

describe('a time a plan sets (拟于, 计划在) before a relative clause', () => {
  it('dates it: "拟于2019年竣工的有6个工程" is a plan, "今年开工建设的有5个项目" tells', () => {
    const opts = { year: 2018, date: '2018-04-19' };
    expect(dated('其中，拟于2018年12月竣工的有两个地铁工程；拟于2019年竣工的有6个地铁工程。', opts)).toEqual([
      ['其中，拟于2018年12月竣工的有两个地铁工程', '2018-12-31'],
      ['拟于2019年竣工的有6个地铁工程', '2019-12-31'],
    ]);
    expect(dated('今年开工建设的有5个项目。', opts)).toEqual([]);
  });
});

describe('two periods joined by 、, each with its figure', () => {
  it('are two steps: the second keeps its own period', () => {
    expect(dated('力争一季度开工建设13个、二季度开工建设185个10亿元以上重大项目。', { year: 2020, date: '2020-02-21' })).toEqual([
      ['力争一季度开工建设13个', '2020-03-31'],
      ['二季度开工建设185个10亿元以上重大项目', '2020-06-30'],
    ]);
    // (a part without its own time is not split off)
    expect(dated('力争一季度开工建设13个、竣工8个。', { year: 2020, date: '2020-02-21' })).toEqual([['力争一季度开工建设13个、竣工8个', '2020-03-31']]);
  });
});
