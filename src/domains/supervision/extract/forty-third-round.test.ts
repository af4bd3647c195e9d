/**
 * Rules added in round 43 (docs/extraction.md), written from set as after it was scored once, each measured on the whole
 * corpus. One test per rule, on invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, datesOf, projectsOf, quantitiesOf } from './roundViews';

describe('a holiday of a named year', () => {
  it('is that year\'s festival, not the year\'s end; one already begun tells what was done', () => {
    const ctx = { year: 2019, date: '2019-11-20' };
    expect(datesOf('其他欠薪案件在2020年春节前及时动态清零', ctx)).toEqual([['2020年春节前', '2020-01-23', 'deadline:holiday']]);
    expect(datesOf('确保在2021年国庆前建成', ctx)).toEqual([['2021年国庆前', '2021-09-30', 'deadline:holiday']]);
    expect(datesOf('该合同于2019年春节前签订', ctx)).toEqual([]);
  });
});

describe('a time before an event and 的', () => {
  it('bounds the cases counted, and the deadline is the one after', () => {
    expect(dated('确保2019年10月底前发生的欠薪案件在2019年底前全部清零。', { year: 2019, date: '2019-10-08' })).toEqual([
      ['确保2019年10月底前发生的欠薪案件在2019年底前全部清零', '2019-12-31'],
    ]);
  });
});

describe('a year said carries on', () => {
  it('only to a time that opens its clause, not past a new subject', () => {
    const opts = { year: 2019, date: '2019-07-29' };
    expect(dated('营庄立交明年5月全线通车，九都西路西环路互通立交9月底要主线通车。', opts)).toEqual([
      ['营庄立交明年5月全线通车', '2020-05-31'],
      ['九都西路西环路互通立交9月底要主线通车', '2019-09-30'],
    ]);
    expect(dated('项目计划明年5月建成，8月投产。', opts)).toEqual([
      ['项目计划明年5月建成', '2020-05-31'],
      ['8月投产', '2020-08-31'],
    ]);
  });
});

describe('a rank to reach', () => {
  it('is a target a time dates: 进入/跻身 …前15名, 前列', () => {
    const opts = { year: 2018, date: '2018-01-13' };
    expect(dated('到2020年高新区进入国家高新区前15名。', opts)).toEqual([['到2020年高新区进入国家高新区前15名', '2020-12-31']]);
    expect(dated('到2020年高新区进入全国前列。', opts)).toEqual([['到2020年高新区进入全国前列', '2020-12-31']]);
  });
});

describe('project names', () => {
  it('the subject of 作为…项目 is the name, as of 是…项目', () => {
    expect(projectsOf('兴石河（通州区）治理工程作为沿海地区水利发展建设项目，总投资5662万元，力争2025年5月底前完成主体工程。', { year: 2025 })).toEqual([
      ['兴石河（通州区）治理工程', 5662, '万元'],
    ]);
  });
  it('启动建设 / 开工建设 between an amount and a name is no part of the name, as 启动 is not', () => {
    expect(projectsOf('投资150亿元启动建设兰州新区产业园。', { year: 2021 })).toEqual([['兰州新区产业园', 150, '亿元']]);
    expect(projectsOf('投资8亿元开工建设临港物流园区。', { year: 2021 })).toEqual([['临港物流园区', 8, '亿元']]);
  });
});

describe('measure words 床 and 堂', () => {
  it('count beds and lessons; 床位 is a noun, and 一堂 a gathering', () => {
    expect(quantitiesOf('新建发热门诊1栋，总床位数348床；推进300堂健康知识巡讲，新增床位50张。', { year: 2024 })).toEqual(['1栋', '348床', '300堂', '50张']);
    expect(quantitiesOf('政协委员与街道干部齐聚一堂。', { year: 2024 })).toEqual([]);
  });
});

describe('the autumn term', () => {
  it('starts on 1 September; 秋季开学前 is 31 August, the next one when no year is said', () => {
    expect(datesOf('预计在明年4月完成，明年秋季开学投入使用', { year: 2018, date: '2018-09-27' })).toEqual([
      ['明年4月', '2019-04-30', 'deadline:month'],
      ['明年秋季开学', '2019-09-01', 'deadline:school-start'],
    ]);
    expect(datesOf('确保4所幼儿园秋季开学前投入使用', { year: 2019, date: '2019-12-31' })).toEqual([['秋季开学前', '2020-08-31', 'deadline:school-start']]);
    // (a bare 秋季开学 names no year; 今年 already past tells what happened)
    expect(datesOf('2021年6月一期工程竣工，秋季开学投入使用', { year: 2020, date: '2020-03-08' })).toEqual([['2021年6月', '2021-06-30', 'deadline:month']]);
    expect(datesOf('今年秋季开学投入使用', { year: 2018, date: '2018-10-08' })).toEqual([]);
  });
});
