import { describe, expect, it } from 'vitest';
import { findProjects } from './projects';
import { normalize, quoteMask } from './sentences';

function ps(text: string) {
  const norm = normalize(text);
  return findProjects(norm, quoteMask(norm), 0, norm.length).map((p) => [p.name, p.investment.value, p.investment.unit, p.rule]);
}

describe('projects', () => {
  it('reads 总投资X的NAME and continues a list', () => {
    expect(ps('签约了总投资120亿元的弘元新材料光伏基地、总投资4.7亿美元的中能4.6万吨颗粒硅等“1号工程”项目')).toEqual([
      ['弘元新材料光伏基地', 120, '亿元', 'project:investment-of'],
      ['中能4.6万吨颗粒硅', 4.7, '亿美元', 'project:investment-list'],
    ]);
    expect(ps('新签约总投资21亿元的朗慧总部经济、15亿元的奥莱新城、12亿元的TCE新型环保材料等一批重大项目签约落地')).toEqual([
      ['朗慧总部经济', 21, '亿元', 'project:investment-of'],
      ['奥莱新城', 15, '亿元', 'project:investment-list'],
      ['TCE新型环保材料', 12, '亿元', 'project:investment-list'],
    ]);
  });

  it('ends the name at 和 / a bracket / 等, and drops a trailing 项目', () => {
    expect(ps('重点抓好总投资150亿元的弘元新材料和智慧城市产业园(地铁4号线宗申拆迁区域)等“1号项目”')).toEqual([
      ['弘元新材料', 150, '亿元', 'project:investment-of'],
    ]);
    expect(ps('加快推进总投资8.5亿元的鑫华半导体扩建项目建设')).toEqual([['鑫华半导体扩建', 8.5, '亿元', 'project:investment-of']]);
    expect(ps('5月底前，总投资26亿元的宁德新能源电池基地完成主体封顶')).toEqual([['宁德新能源电池基地', 26, '亿元', 'project:investment-of']]);
    expect(ps('力争引进总投资50亿元的光伏组件项目1个')).toEqual([['光伏组件', 50, '亿元', 'project:investment-of']]);
    expect(ps('推进总投资3亿元的智能装备产业园项目')).toEqual([['智能装备产业园', 3, '亿元', 'project:investment-of']]);
  });

  it('reads NAME项目(，)总投资X', () => {
    expect(ps('开工建设徐工环卫专用装备项目，总投资12亿元')).toEqual([['徐工环卫专用装备', 12, '亿元', 'project:name-then-investment']]);
    expect(ps('加快推进维能动力电池PACK项目总投资5亿元')).toEqual([['维能动力电池PACK', 5, '亿元', 'project:name-then-investment']]);
  });

  it('needs a stated investment and a name', () => {
    expect(ps('新签约外资项目10个、计划总投资57.7亿元')).toEqual([]);
    expect(ps('用心用情办好年度投资6.7亿元的79件民生实事')).toEqual([]);
    expect(ps('紧盯中强茂半导体封装测试项目')).toEqual([]);
  });
});

describe('projects: corpus rules', () => {
  it('reads spaced amounts and a name right after the amount', () => {
    expect(ps('总投资 50 亿元的芜湖美的厨热智能家电产业园项目实现当年签约')).toEqual([['芜湖美的厨热智能家电产业园', 50, '亿元', 'project:investment-of']]);
    expect(ps('总投资150亿元海创磷酸铁锂项目已经签约')).toEqual([['海创磷酸铁锂', 150, '亿元', 'project:investment-of']]);
  });

  it('takes a group of projects with one total for no project', () => {
    expect(ps('正在跟踪洽谈飞尚集团、新型包装材料生产等20余个项目，总投资达117亿元')).toEqual([]);
    expect(ps('园区承担的汇智医疗等9个市、县重点项目总投资26.499亿元')).toEqual([]);
    expect(ps('总投资10亿元，建设标准厂房')).toEqual([]);
  });
});
