/**
 * Rules added in round 33, written from set ae after it was scored once with rounds 27, 31 and 32, and measured once on
 * set af, collected and labelled by helper sessions while round 33 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

describe('list shapes', () => {
  it('a bullet inside a line starts the next item', () => {
    const text = '2019年主要目标：\n●新增上市公司5家 ●实际利用外资20亿美元 ●建成某某检测中心';
    expect(dated(text, { year: 2019, date: '2019-01-20' })).toEqual([
      ['新增上市公司5家', '2019-12-31'],
      ['实际利用外资20亿美元', '2019-12-31'],
    ]);
  });

  it('a title wrapped over two lines is read whole, and 要完成的 is still to be done, no review', () => {
    const text = ['2021年县政府要完成的与群众生活', '密切相关的实事', '1.新建公办幼儿园3所。', '2.改造农村公路50公里。'].join('\n');
    expect(dated(text, { year: 2021, date: '2021-01-15' })).toEqual([
      ['1.新建公办幼儿园3所', '2021-12-31'],
      ['2.改造农村公路50公里', '2021-12-31'],
    ]);
  });

  it('十大惠民工程 is a counted list; each segment of its items is a deliverable, 清理 and 取消 included', () => {
    const text = ['某区2022年十大惠民工程', '1.城市改造工程。完成道路亮化3公里；全面清理中心城区路名牌；取消主干道两侧停车位。'].join('\n');
    expect(dated(text, { year: 2022, date: '2022-03-01' }).map(([t, d]) => [t, d])).toEqual([
      ['完成道路亮化3公里', '2022-12-31'],
      ['全面清理中心城区路名牌', '2022-12-31'],
      ['取消主干道两侧停车位', '2022-12-31'],
    ]);
  });

  it('"一项惠民工程" is no list', () => {
    const text = '近年来，为民办实事已成为市政府一项惠民工程。市民提出的120多条金点子涵盖各个方面。';
    expect(dated(text, { year: 2017, date: '2017-03-01' })).toEqual([]);
  });
});

describe('a list told as news', () => {
  it('"…十件实事“出炉”" and "…10项民生实事日前确定" frame the lines below, not the news around them', () => {
    const a = ['昨日，某市2011年十件实事“出炉”。预计全市约需投入资金30亿元。', '1、缓解出行难。', '新增公交车800辆。'].join('\n');
    expect(dated(a, { year: 2011, date: '2011-05-02' })).toEqual([['新增公交车800辆', '2011-12-31']]);
    const b = ['某县2019年度10项民生实事日前确定，共涉及23个小项，总投资7亿元。', '完成农村厕所改造2.4万座。'].join('\n');
    expect(dated(b, { year: 2019, date: '2019-05-27' })).toEqual([['完成农村厕所改造2.4万座', '2019-12-31']]);
  });

  it('what the list covers is no deliverable', () => {
    const text = ['某县2019年度10项民生实事日前确定。', '本次10件民生实事覆盖民生各个领域，涉及交通、教育等方面。', '新建停车场1处。'].join('\n');
    expect(dated(text, { year: 2019, date: '2019-05-27' })).toEqual([['新建停车场1处', '2019-12-31']]);
  });
});

describe('a time limit told as the predicate', () => {
  it('"…工作时间节点是4月30日" dates the work it limits, whatever its verb', () => {
    const text = '楼顶整治方面：清理楼顶杂物工作时间节点是4月30日；规范整理楼顶附属设施工作时间节点是5月31日。';
    expect(dated(text, { year: 2018, date: '2018-04-10' })).toEqual([
      ['楼顶整治方面：清理楼顶杂物工作时间节点是4月30日', '2018-04-30'],
      ['规范整理楼顶附属设施工作时间节点是5月31日', '2018-05-31'],
    ]);
  });
});
