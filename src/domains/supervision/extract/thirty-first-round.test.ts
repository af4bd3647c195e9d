/**
 * Rules added in round 31, written from set ac after it was scored once with rounds 27, 29 and 30, and measured once on
 * set ad, collected and labelled by helper sessions while round 30 was written (docs/extraction.md). One test per rule, on
 * invented sentences of the same kind (not corpus texts).
 */
import { describe, expect, it } from 'vitest';
import { dated } from './roundViews';

describe('a work report\'s lines', () => {
  it('under a lead that tells a work report early in its year, a line of its own that delivers is one of its tasks', () => {
    const text = ['2月14日，某市七届人大四次会议开幕，市长向大会作政府工作报告，回顾2023年工作、安排2024年工作。', '一起来看！', '新增基础教育学位2万个', '新组建25个公办中小学教育集团', '加快建设科技馆新馆50个展厅'].join('\n');
    expect(dated(text, { year: 2024, date: '2024-02-14' })).toEqual([
      ['新增基础教育学位2万个', '2024-12-31'],
      ['新组建25个公办中小学教育集团', '2024-12-31'],
    ]);
  });
});

describe('counted lists', () => {
  it('a year may stand between the count and what it counts: "选出了10件2021年某区人民政府民生实事项目"', () => {
    const text = ['人大代表通过投票表决，在13项候选项目中选出了10件2021年某区人民政府民生实事项目。', '01', '住房保障项目', '开工建设安置房60万平方米，回迁安置1200户。', '02', '居住改善项目', '符合条件的既有住宅加装电梯实现“愿装尽装”。'].join('\n');
    expect(dated(text, { year: 2021, date: '2021-01-20' }).map(([, d]) => d)).toEqual(['2021-12-31', '2021-12-31']);
  });
});
