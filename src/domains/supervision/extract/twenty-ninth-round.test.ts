/**
 * Rules added in round 29, written from set aa after it was scored once with rounds 8, 24, 27 and 28, and measured once on
 * set ab, collected and labelled by helper sessions while round 28 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated, projectsOf, quantitiesOf } from './roundViews';

const opts = { year: 2019, date: '2019-03-08' };

describe('counted lists', () => {
  it('an item keeps its number, as every item does: "一是…"', () => {
    const text = '今年惠民工程共涉及20项。一是推进农村饮水城市化工程。二是改善农村生活环境，完成100个以上村庄生活污水处理设施建设。';
    expect(dated(text, opts)).toEqual([
      ['一是推进农村饮水城市化工程', '2019-12-31'],
      ['二是改善农村生活环境，完成100个以上村庄生活污水处理设施建设', '2019-12-31'],
    ]);
  });

  it('"N个…民生实事项目" counts a list; the sentence that only names it before its items keeps no time of its own', () => {
    const text = '会议以无记名投票方式票决产生了10个民生实事项目。\n某区2019年10个民生实事项目具体如下：\n一、教育基础设施提升项目\n新建某中学学生宿舍楼1栋；\n新建3处口袋公园。';
    expect(dated(text, opts).map(([t]) => t)).toEqual(['新建某中学学生宿舍楼1栋', '新建3处口袋公园']);
  });
});

describe('targets', () => {
  it('a year\'s main indicators "增速均在15%以上" open its list, after a reporter\'s 据了解 (了解 tells nothing done)', () => {
    const text = '据了解，某开发区2019年确定的主要经济指标增速均在15%以上，地区生产总值达到400亿元，增长15%；工业总产值达到1000亿元，增长16%。';
    expect(dated(text, opts)).toEqual([
      ['某开发区2019年确定的主要经济指标增速均在15%以上，地区生产总值达到400亿元，增长15%', '2019-12-31'],
      ['工业总产值达到1000亿元，增长16%', '2019-12-31'],
    ]);
  });

  it('a bare time before an item is part of its text', () => {
    expect(dated('2019年主要目标：\n2019年，全市新建5G基站2600个以上，新建市级创新平台15个以上。', opts)).toEqual([
      ['2019年，全市新建5G基站2600个以上，新建市级创新平台15个以上', '2019-12-31'],
    ]);
  });
});

describe('times', () => {
  it('a space between a year and its month does not cut the year off', () => {
    expect(dated('确保2020年 6月底前完成10个美丽乡村建设任务。', opts)).toEqual([['确保2020年 6月底前完成10个美丽乡村建设任务', '2020-06-30']]);
  });
});

describe('project names', () => {
  it('an average, a single one, or a 重点工程 after 是 is no name', () => {
    expect(projectsOf('其中总投资100亿元以上项目11个，平均单个项目总投资35亿元。', opts)).toEqual([]);
    expect(projectsOf('这一项目是中荷合作重点工程，总投资105亿元。', opts)).toEqual([]);
  });
});

describe('measure words', () => {
  it('册, 盏, 克拉 and 轮次 count; 册子 does not', () => {
    expect(quantitiesOf('图书流转60万册，安装路灯9000盏，年产钻石4亿克拉，开展督查12轮次，印发宣传册子3本。', opts)).toEqual(['60万册', '9000盏', '4亿克拉', '12轮次']);
  });
});

describe('list lines', () => {
  it('a numbered line followed by a line numbered as its parent heading is an item; the parent headings are not', () => {
    const text = ['2019年区政府实事项目', '（一）老有所享', '1.新增2家社区长者食堂', '2.打造1条敬老公交线路', '（二）服务便民', '3.升级改造1家标准化菜场', '（三）健康家园', '4.建设1家社区康复中心'].join('\n');
    expect(dated(text, opts).map(([t]) => t)).toEqual(['1.新增2家社区长者食堂', '2.打造1条敬老公交线路', '3.升级改造1家标准化菜场', '4.建设1家社区康复中心']);
  });
});
