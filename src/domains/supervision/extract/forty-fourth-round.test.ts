/**
 * Round 44 (docs/extraction.md): a phrase judged no deadline masks the shorter phrases inside it, in findDeadlines itself
 * rather than by a lookahead in each generic pattern. Invented sentences of the kinds measured on the corpus.
 */
import { describe, expect, it } from 'vitest';
import { extract, extractRules, extractWith } from './index';
import { ANNOUNCES_LIST } from './learned';
import { datesOf, projectsOf } from './roundViews';

describe('a rejected phrase', () => {
  it('keeps the year inside it from being read alone', () => {
    // the start of a year already past is when work began, and the bare year in it is no year-end deadline
    expect(datesOf('污水处理厂项目于2014年年初开工建设，目前主体已完工', { year: 2014, date: '2014-06-11' })).toEqual([]);
    // a festival already begun at the document's date, and a term begun: neither is the year's end
    expect(datesOf('该合同于2019年春节前签订', { year: 2019, date: '2019-11-20' })).toEqual([]);
    expect(datesOf('今年秋季开学投入使用', { year: 2018, date: '2018-10-08' })).toEqual([]);
  });
  it('leaves a deadline beside it alone', () => {
    expect(datesOf('该合同于2019年春节前签订，2019年底前完成结算', { year: 2019, date: '2019-11-20' })).toEqual([['2019年底前', '2019-12-31', 'deadline:year']]);
  });
});

describe('a sentence that pledges a counted list', () => {
  const text = '在昨日开幕的市人代会上，市长在《政府工作报告》中郑重承诺，今年市政府要为全市人民着力办好10件实事。\n1.新建中小学3所。\n2.改造老旧小区20个。';
  const opts = { year: 2011, date: '2011-01-20' };
  it('is a deadline the learned pass is not asked to drop', () => {
    const pledge = extractRules(text, opts).items.find((i) => i.text.includes('办好10件实事'));
    expect([pledge?.deadline, pledge?.rules.includes(ANNOUNCES_LIST)]).toEqual(['2011-12-31', true]);
    expect(extract(text, opts).items.filter((i) => i.deadline === '2011-12-31').map((i) => i.text)).toEqual([
      expect.stringMatching(/办好10件实事$/),
      expect.stringMatching(/新建中小学3所$/),
      expect.stringMatching(/改造老旧小区20个$/),
    ]);
  });
  it('is not a vote that chose the list, nor words that only name it', () => {
    const voted = '经人大代表投票表决，确定了2011年10件民生实事。\n1.新建中小学3所。';
    expect(extractRules(voted, opts).items.some((i) => i.rules.includes(ANNOUNCES_LIST))).toBe(false);
    const named = '2011年10件民生实事具体如下：\n1.新建中小学3所。';
    expect(extractRules(named, opts).items.some((i) => i.rules.includes(ANNOUNCES_LIST))).toBe(false);
  });
});

describe('a segment that tells how far work has got', () => {
  it('is never offered to the learned pass to date', () => {
    const text = '2024年民生实事推进情况。\n9项工程类民生实事中，3项进展较快，托幼行动完成率35%；2项正在进行前期工作；新建公园2个。';
    const asked = extractWith(text, { year: 2024, date: '2024-05-11' }, null, true).candidates.filter((c) => c.head === 'add');
    const words = asked.map((c) => text.slice(c.start, c.end));
    expect(words.some((w) => w.includes('完成率') || w.includes('正在'))).toBe(false);
    expect(words).toContain('新建公园2个');
  });
});

describe('a verb before a project\'s name', () => {
  it('is no part of the name: 宣布, 落实', () => {
    expect(projectsOf('全县宣布云南绿源园艺有限公司花卉种植基地项目总投资3.1亿元')).toEqual([['云南绿源园艺有限公司花卉种植基地', 3.1, '亿元']]);
    expect(projectsOf('园区落实电弧坩埚项目总投资1亿元')).toEqual([['电弧坩埚', 1, '亿元']]);
  });
});

describe('a spoken 个亿 in a project\'s total', () => {
  it('is 亿元, as for a figure', () => {
    expect(projectsOf('签约的项目分别是：森林康养小镇建设项目，总投资3.1个亿；景区开发建设项目，总投资1.2个亿。')).toEqual([
      ['森林康养小镇建设', 3.1, '亿元'],
      ['景区开发建设', 1.2, '亿元'],
    ]);
  });
});
