import { describe, expect, it } from 'vitest';
import { appealStats, summarise, type AppealFacts } from './appealStats';

const base = (o: Partial<AppealFacts>): AppealFacts => ({
  unitId: 'u1',
  unitName: '经发局',
  closed: false,
  raisedAt: new Date('2022-08-01T01:00:00Z'), // 09:00 China
  respondBy: '2022-08-02',
  solveBy: '2022-08-15',
  respondedAt: null,
  closedAt: null,
  satisfaction: null,
  ...o,
});

describe('appeal statistics', () => {
  it('measures response and closure, lateness and satisfaction', () => {
    const rows = [
      base({ respondedAt: new Date('2022-08-01T04:00:00Z'), closed: true, closedAt: new Date('2022-08-11T01:00:00Z'), satisfaction: 'satisfied' }),
      // Responded on 08-03 China time (late), closed after the solve-by day.
      base({ respondedAt: new Date('2022-08-02T17:00:00Z'), closed: true, closedAt: new Date('2022-08-16T01:00:00Z'), satisfaction: 'dissatisfied' }),
      // Open past solve-by.
      base({ unitId: 'u2', unitName: '招商局' }),
      // Open, not yet due.
      base({ unitId: null, unitName: null, solveBy: '2022-09-30', respondBy: '2022-09-01' }),
    ];
    const s = appealStats(rows, '2022-08-20');
    expect(s.total).toMatchObject({
      total: 4,
      open: 2,
      closed: 2,
      respondedOnTime: 1,
      overdue: 2,
      avgResponseHours: '21.5', // (3 + 40) / 2
      avgClosureDays: '12.5', // (10 + 15) / 2
      satisfied: 1,
      dissatisfied: 1,
      satisfactionRate: '50.0',
    });
    expect(s.byUnit.map((u) => [u.unitName, u.total])).toEqual([['经发局', 2], ['招商局', 1], [null, 1]]);
    expect(s.byUnit[1]).toMatchObject({ overdue: 1, avgResponseHours: null, satisfactionRate: null });
  });

  it('counts 基本满意 as satisfied in the rate', () => {
    const s = summarise([base({ satisfaction: 'basically_satisfied', closed: true, closedAt: new Date('2022-08-02T01:00:00Z') })], '2022-08-02', { unitId: null, unitName: null });
    expect(s).toMatchObject({ basicallySatisfied: 1, satisfactionRate: '100.0', avgClosureDays: '1.0', overdue: 0 });
  });
});
