// The cockpit's bar labels print the completion as computed, with its decimal:
// "59.0%", never "59%" beside "59.1%" (Number() drops the trailing zero).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionBars, type BarDatum } from '../web/src/cockpit/charts';

type Label = { formatter: (p: { value: number | null; data?: { text?: string | null } }) => string };
type Series = { data: { value: number | null; text: string | null }[]; label: Label };
const seriesOf = (data: BarDatum[], horizontal: boolean) =>
  (completionBars(data, '66.6', { timeLineLabel: '序时进度 66.6%', seriesName: '完成率', horizontal }) as unknown as { series: Series[] }).series[0]!;
const labels = (s: Series) => s.data.map((d) => s.label.formatter({ value: d.value, data: d }));

describe('cockpit bar labels', () => {
  it('keep the decimal of 59.0 on lying and standing bars', () => {
    const data: BarDatum[] = [
      { id: 'a', label: '东环街道', completion: '59.0', status: 'slightly_behind' },
      { id: 'b', label: '金山桥街道', completion: '59.1', status: 'slightly_behind' },
      { id: 'c', label: '徐庄镇', completion: null, status: null },
    ];
    expect(labels(seriesOf(data, true))).toEqual(['59.0%', '59.1%', '']);
    expect(labels(seriesOf(data, false))).toEqual(['59.0%', '59.1%', '']);
  });

  it('property: a label is the completion as given, whatever its decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 2 }), (n, places) => {
        const completion = (n / 100).toFixed(places);
        expect(labels(seriesOf([{ id: 'x', label: 'x', completion, status: 'ahead' }], true))).toEqual([`${completion}%`]);
      }),
    );
  });
});
