// 隐患动态清零 on the big screen: 新增 / 已整改 / 剩余, 重大 and 逾期 for the year to the
// zone's date, from the same summary as the cockpit's card. A zone that never registered
// a hazard gets no tile: nothing here may claim "0处" the data does not support.
import type { ReactNode } from 'react';
import { useHzT } from './i18n';
import { useHazardSummary } from './queries';

/** The figures in the wall's own frame (its panel), or null (still loading, failed, or no hazard registered by the zone's date). */
export function HazardScreenFigures({ refetchMs, frame }: { refetchMs: number; frame(title: string, body: ReactNode): ReactNode }) {
  const t = useHzT();
  const q = useHazardSummary({}, refetchMs);
  const d = q.data;
  if (!d || d.clearance.status === 'unregistered') return null;
  const cells = [
    { key: 'added', value: d.total.added, tone: '' },
    { key: 'rectified', value: d.total.rectified, tone: '' },
    { key: 'remaining', value: d.total.remaining, tone: d.total.remaining > 0 ? 'warn' : 'ok' },
    { key: 'major', value: d.total.majorRemaining, tone: d.total.majorRemaining > 0 ? 'bad' : 'ok' },
    { key: 'overdue', value: d.total.overdue, tone: d.total.overdue > 0 ? 'bad' : 'ok' },
  ] as const;
  return frame(
    `${t('cockpit.title')} · ${t('period.asOf', { date: d.to })}`,
    <div className="gj-screen-hz" data-testid="screen-hazards">
      {cells.map((c) => (
        <div key={c.key} className={`gj-screen-hz-cell ${c.tone ? `gj-screen-hz-${c.tone}` : ''}`} data-testid={`screen-hz-${c.key}`}>
          <b>{c.value}</b>
          <span>{t(`screen.${c.key}`)}</span>
        </div>
      ))}
    </div>,
  );
}
