// 旬进度 on the cockpit (以旬保月): during the month, each indicator reported by dekad
// at the zone's latest closed dekad — "截至中旬 累计 X亿元，序时 Y%，完成 Z%". A sum
// some units have not reported shows who is missing, never a partial total.
import { Card, Space, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n';
import { cockpitApi } from './api';
import { figure, pct } from './format';
import { useCkT } from './i18n';
import { StatusTag } from './parts';
import { cockpitKeys } from './queries';

const monthsBetween = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** Shown beside the month being reported (the dekads' month or the one before it), not beside history. */
export function DekadCard({ period }: { period: string }) {
  const ct = useCkT();
  const { lang } = useI18n();
  const q = useQuery({ queryKey: cockpitKeys.dekads(), queryFn: cockpitApi.dekads });
  const d = q.data;
  if (!d || d.items.length === 0) return null;
  const gap = monthsBetween(period, d.period);
  if (gap < 0 || gap > 1) return null;
  const dekad = ct(`dekad.${d.dekad}`);
  const month = lang === 'en' ? d.period : `${Number(d.period.slice(5, 7))}月`;
  const date = lang === 'en' ? d.end : `${Number(d.end.slice(5, 7))}月${Number(d.end.slice(8, 10))}日`;
  return (
    <Card size="small" variant="borderless" title={<Tooltip title={ct('dekad.help')}>{ct('dekad.title', { month, dekad, date })}</Tooltip>} data-testid="ck-dekads">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {d.items.map((i) => (
          <div key={i.indicatorId} className="gj-ck-dekad" data-testid={`ck-dekad-${i.code}`}>
            <b>{i.name}</b>
            <span className="gj-ck-dekad-text">
              {i.value === null
                ? i.coverage
                  ? `${ct('coverage', { reported: i.coverage.reported, expected: i.coverage.expected })}${i.coverage.missingUnitNames.length ? `，${ct('coverage.missing', { names: i.coverage.missingUnitNames.join('、') })}` : ''}`
                  : ct('noFigure')
                : i.floor === null
                  ? ct('dekad.noTarget', { dekad, value: figure(i.value, i.measure, i.decimals, lang) })
                  : ct('dekad.line', { dekad, value: figure(i.value, i.measure, i.decimals, lang), share: pct(i.expectedShare), completion: pct(i.completion) })}
            </span>
            {i.value !== null && i.status && <StatusTag status={i.status} testId={`ck-dekad-status-${i.code}`} />}
          </div>
        ))}
      </Space>
    </Card>
  );
}
