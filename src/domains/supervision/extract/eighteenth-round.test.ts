/**
 * Rules added in round 18 for the counted lists and target lists of set q, read after it was scored once with rounds 8
 * and 11–17 (docs/extraction.md); set r was collected and labelled by others, without the extractor's output, while
 * these rules were written, and is held out whole. One test per rule, on short invented sentences of the same kind
 * (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

const opts = { year: 2024, date: '2024-01-25' };

describe('counted lists: how they are announced', () => {
  it('a count of 实事 closing its sentence after a verb, with the list’s items in the next sentences', () => {
    const text = '会议确定2024年县政府为民兴办8件实事。这8件实事是：1.新修农村公路30公里。2.建成城区第二水厂。';
    expect(dated(text, opts)).toEqual([
      ['会议确定2024年县政府为民兴办8件实事', '2024-12-31'],
      // (the first item keeps the words that take the list up, and their count)
      ['这8件实事是：1.新修农村公路30公里', '2024-12-31'],
      ['2.建成城区第二水厂', '2024-12-31'],
    ]);
  });

  it('a heading that counts them, without a year, is the document’s year and is not itself an item', () => {
    const text = ['十项民生重点工程', '1、教育提质工程。新建幼儿园5所。', '2、饮水安全工程。解决山区群众饮水安全问题。'].join('\n');
    expect(dated(text, opts)).toEqual([
      ['新建幼儿园5所', '2024-12-31'],
      ['解决山区群众饮水安全问题', '2024-12-31'],
    ]);
  });

  it('a count inside a sentence that goes on is an item, not a list: "实施…80项城建重点工程，新增…"', () => {
    const text = '年内实施总投资35亿元的80项城建重点工程，新增城区绿化面积10万平方米。实施老旧小区改造。';
    expect(dated(text, opts).map(([t]) => t)).not.toContain('实施老旧小区改造');
  });

  it('a counted list told as progress, cited or of a year gone by is no frame', () => {
    const progress = ['今年，区委区政府共兴办9件惠民实事项目。近日，督查室对实事项目进展情况进行督查。', '（1）建成城区公园。'].join('\n');
    expect(dated(progress, { year: 2024, date: '2024-10-20' })).toEqual([]);
    const cited = ['根据县政府关于2024年实施20项民生工程的通知精神，各单位要抓好落实。', '（1）建成城区公园。'].join('\n');
    expect(dated(cited, opts)).toEqual([]);
  });
});

describe('counted lists: their items', () => {
  it('each ；-segment of "一是…；二是…" is one item, from its start, with or without a figure', () => {
    const text = '这6件实事分别为：一是实施水源地整治，建设第二水源地；二是加大停车场建设，新增停车位300个。';
    // (round 22: the words that only take the list up, "这6件实事分别为", pledge nothing and are no longer dated)
    expect(dated(text, opts)).toEqual([
      ['一是实施水源地整治，建设第二水源地', '2024-12-31'],
      ['二是加大停车场建设，新增停车位300个', '2024-12-31'],
    ]);
  });
});

describe('target lists', () => {
  it('"主要预期指标为：" opens a list of targets as "主要预期目标为：" does', () => {
    expect(dated('2024年，全市主要预期指标为：地区生产总值增长6%左右；财政总收入增长5%左右。', opts)).toEqual([
      ['2024年，全市主要预期指标为：地区生产总值增长6%左右', '2024-12-31'],
      ['财政总收入增长5%左右', '2024-12-31'],
    ]);
    // (without the year in the sentence the first target is dated by the list, not by 2024年)
    expect(dated('全市主要预期指标为：地区生产总值增长6%左右；财政总收入增长5%左右。', opts)).toEqual([
      ['全市主要预期指标为：地区生产总值增长6%左右', '2024-12-31'],
      ['财政总收入增长5%左右', '2024-12-31'],
    ]);
  });
});
