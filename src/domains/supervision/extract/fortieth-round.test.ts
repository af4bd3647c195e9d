/**
 * Rules added in round 40 (docs/extraction.md), written from set ap after it was scored once, each measured on the whole
 * corpus. One test per rule, on invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, quantitiesOf } from './roundViews';

describe('measure words', () => {
  it('场次, 批次, 天次, 公斤, 吉瓦时, ‰ and 千伏安 are units; 瓦时, 锭 and 斤 after a magnitude', () => {
    expect(quantitiesOf('全年举办文化惠民活动200场次，抽检食品50批次，外出招商120天次。', { year: 2020 })).toEqual(['200场次', '50批次', '120天次']);
    expect(quantitiesOf('人均粮食产量681.3公斤，新增储能10吉瓦时，人口自然增长率4.6‰。', { year: 2020 })).toEqual(['681.3公斤', '10吉瓦时', '4.6‰']);
    expect(quantitiesOf('新增变电容量140万千伏安，形成纺纱能力60万锭，粮食总产80亿斤，电池产能45亿瓦时。', { year: 2020 })).toEqual([
      '140万千伏安',
      '60万锭',
      '80亿斤',
      '45亿瓦时',
    ]);
  });

  it('三次产业 are the three sectors of the economy, no count of occasions; a count of times still is', () => {
    expect(quantitiesOf('三次产业结构调整为5.1:38.2:56.7，全年召开专题会议3次。', { year: 2020 })).toEqual(['3次']);
  });
});

describe('deadlines', () => {
  it('明年发展 is next year’s development, no deadline', () => {
    expect(dated('要提前布局，做好实施准备，最大限度为明年发展争取主动。', { year: 2021, date: '2021-11-09' })).toEqual([]);
  });

  it('复工 is a milestone a date bounds; 开始复工 tells a start', () => {
    expect(dated('对于续建的项目，原则上5月10日前要全部复工。', { year: 2020, date: '2020-02-21' })).toEqual([['对于续建的项目，原则上5月10日前要全部复工', '2020-05-10']]);
    expect(dated('受疫情影响，项目4月初开始复工。', { year: 2020, date: '2020-02-21' })).toEqual([]);
  });
});
