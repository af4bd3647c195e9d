import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { possibleDuplicate, similarity } from './duplicates';

describe('similarity', () => {
  it('is 1 for the same words whatever the punctuation', () => {
    expect(similarity('8月底前完成江苏汇智高端工程机械创新中心建设', '8月底前，完成江苏汇智高端工程机械创新中心的建设。')).toBe(1);
  });
  it('is low for different tasks', () => {
    expect(similarity('8月底前完成江苏汇智高端工程机械创新中心建设', '10月底前将“e窗”平台应用范围拓展至450项')).toBeLessThan(0.3);
  });
  it('is symmetric, within [0, 1], and 1 on itself (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'完成建设项目年底前新增企业家，。8月'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = similarity(a, b);
        return s >= 0 && s <= 1 && Math.abs(s - similarity(b, a)) < 1e-12 && similarity(a, a) === 1;
      }),
    );
  });
});

describe('possibleDuplicate', () => {
  const known = [
    { id: 't1', text: '8月底前完成江苏汇智高端工程机械创新中心建设' },
    { id: 't2', text: '年内创建国家高端工程机械及核心零部件制造业创新中心' },
  ];
  it('finds the closest known task above the threshold', () => {
    expect(possibleDuplicate('8月底前完成江苏汇智高端工程机械创新中心的建设', known)).toMatchObject({ id: 't1' });
  });
  it('finds none for a new task', () => {
    expect(possibleDuplicate('10月底前完成房屋征收30万平方米', known)).toBeNull();
  });
});
