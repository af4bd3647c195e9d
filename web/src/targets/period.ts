// The month every tab of 指标目标 works on: `?period=YYYY-MM` in the address,
// else the month the cockpit opens on (the latest with approved figures).
import { useSearchParams } from 'react-router-dom';
import { useCockpit } from '../cockpit/queries';

export function usePeriod(): [string | null, (p: string) => void] {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('period');
  const fallback = useCockpit(undefined, undefined, !chosen);
  const set = (p: string) => {
    const next = new URLSearchParams(params);
    next.set('period', p);
    setParams(next, { replace: true });
  };
  return [chosen ?? fallback.data?.period ?? null, set];
}
