import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { campaignClock } from './clock';

describe('campaignClock', () => {
  it('counts 冲刺100天 from 14 August 2022', () => {
    expect(campaignClock('2022-08-14', '2022-11-21', '2022-08-14')).toEqual({ phase: 'running', daysLeft: 99, daysToStart: 0, totalDays: 100, elapsedShare: '1.0' });
    expect(campaignClock('2022-08-14', '2022-11-21', '2022-08-31')).toMatchObject({ daysLeft: 82, elapsedShare: '18.0' });
    expect(campaignClock('2022-08-14', '2022-11-21', '2022-11-21')).toMatchObject({ phase: 'running', daysLeft: 0, elapsedShare: '100.0' });
    expect(campaignClock('2022-08-14', '2022-11-21', '2022-12-01')).toMatchObject({ phase: 'ended', daysLeft: 0 });
    expect(campaignClock('2022-08-14', '2022-11-21', '2022-08-01')).toMatchObject({ phase: 'upcoming', daysLeft: 112, daysToStart: 13, elapsedShare: '0.0' });
  });
  it('property: days left plus days elapsed is the length of a running campaign', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (len, at) => {
      const start = '2023-01-01';
      const end = addDays(start, len);
      const asOf = addDays(start, Math.min(at, len));
      const c = campaignClock(start, end, asOf);
      expect(c.daysLeft + Math.min(at, len) + 1).toBe(c.totalDays);
      expect(Number(c.elapsedShare)).toBeGreaterThan(0);
      expect(Number(c.elapsedShare)).toBeLessThanOrEqual(100);
    }));
  });
  it('property: before the start, the days to the start and the campaign’s days make the days left', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 }), (len, ahead) => {
      const start = '2023-01-01';
      const c = campaignClock(start, addDays(start, len), addDays(start, -ahead));
      expect(c.phase).toBe('upcoming');
      expect(c.daysToStart).toBe(ahead);
      expect(c.daysToStart + c.totalDays - 1).toBe(c.daysLeft);
    }));
  });
});
