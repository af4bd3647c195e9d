// The month every tab of 指标目标 works on: `?period=YYYY-MM` in the address, else
// the zone's current month (the latest ended by the zone's date: the one units report).
import { useSearchParams } from 'react-router-dom';
import { useCurrentPeriod } from '../shell/PeriodSelect';

export function usePeriod(): [string | null, (p: string) => void] {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('period');
  const current = useCurrentPeriod('month');
  const set = (p: string) => {
    const next = new URLSearchParams(params);
    next.set('period', p);
    setParams(next, { replace: true });
  };
  return [chosen ?? current ?? null, set];
}
