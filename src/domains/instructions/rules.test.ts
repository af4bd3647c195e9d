import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysOverdue, sectionParagraphs, standingAt, summarise, type PeriodInstruction } from './rules';

const row = (over: Partial<PeriodInstruction> = {}): PeriodInstruction => ({
  text: '请经发局牵头，本周内拿出方案',
  leaderName: '王主任',
  leadUnitName: '经发局',
  subjectLabel: '通报',
  writtenOn: '2022-08-01',
  deadline: '2022-08-12',
  closedOn: null,
  ...over,
});

describe('standing at a date', () => {
  it('closed by then, overdue when past the deadline and open, else in hand', () => {
    expect(standingAt(row({ closedOn: '2022-08-10' }), '2022-08-31')).toBe('closed');
    // Closed after the bulletin's date: it was still open (and late) then.
    expect(standingAt(row({ closedOn: '2022-09-02' }), '2022-08-31')).toBe('overdue');
    expect(standingAt(row(), '2022-08-12')).toBe('open');
    expect(standingAt(row(), '2022-08-13')).toBe('overdue');
    expect(daysOverdue(row(), '2022-08-31')).toBe(19);
    expect(daysOverdue(row({ closedOn: '2022-08-11' }), '2022-08-31')).toBe(0);
  });
});

describe('批示落实情况', () => {
  it('is null (the section is left out) when none was written', () => {
    expect(summarise([], '2022-08-31')).toBeNull();
  });
  it('counts closed, open and overdue, which add up to the total (property)', () => {
    const inst = fc.record({
      deadline: fc.constantFrom('2022-08-05', '2022-08-20', '2022-08-31', '2022-09-10'),
      closedOn: fc.constantFrom(null, '2022-08-06', '2022-08-30', '2022-09-05'),
    });
    fc.assert(
      fc.property(fc.array(inst, { minLength: 1, maxLength: 12 }), (xs) => {
        const s = summarise(xs.map((x) => row(x)), '2022-08-31')!;
        expect(s.closed + s.open + s.overdue).toBe(s.total);
        expect(s.total).toBe(xs.length);
      }),
    );
  });
  it('says how many and lists each briefly, naming only what is there', () => {
    const s = summarise(
      [
        row({ closedOn: '2022-08-11' }),
        row({ writtenOn: '2022-08-16', deadline: '2022-08-31', leadUnitName: '征迁办', subjectLabel: '项目问题', text: '请征迁办牵头，8月底前完成二期用地征迁扫尾' }),
        row({ writtenOn: '2022-08-05', deadline: '2022-08-25' }),
      ],
      '2022-08-31',
    )!;
    expect(s).toMatchObject({ total: 3, closed: 1, open: 1, overdue: 1 });
    const [head, ...lines] = sectionParagraphs(s, '2022-08-31');
    expect(head).toBe('截至2022年8月31日，本期区领导共作出批示3件，已办结1件，落实中1件，逾期未办结1件。');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('（一）王主任批示通报：“请经发局牵头，本周内拿出方案”（牵头单位经发局，时限2022年8月12日，已办结）。');
    expect(lines[1]).toContain('逾期6天未办结');
    expect(lines[2]).toContain('项目问题');
    expect(lines[2]).toContain('落实中');
    // Nothing claimed that is not there: no 逾期 clause when none is late.
    const allDone = sectionParagraphs(summarise([row({ closedOn: '2022-08-10' })], '2022-08-31')!, '2022-08-31');
    expect(allDone[0]).toBe('截至2022年8月31日，本期区领导共作出批示1件，已办结1件。');
  });
});
