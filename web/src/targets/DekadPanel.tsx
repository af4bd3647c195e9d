// 旬报 (以旬保月): above the month's form, a unit's dekad indicators with the year to
// date of each dekad (上旬 to the 10th, 中旬 to the 20th, 下旬 to the month's end).
// Only the dekads closed by the zone's date are offered (the server says which);
// the month shown is the zone's current one (its latest closed dekad's), or the page's.
import { useEffect, useState } from 'react';
import { Button, Card, Input, Segmented, Tag } from 'antd';
import { figure, pct } from '../cockpit/format';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { targetsApi, type DekadRow } from './api';
import { useTgT } from './i18n';
import { useDekads, useTgMutation } from './queries';
import { usePhone } from '../shell/usePhone';
import { useMessage } from '../shell/feedback';

type DekadNo = 1 | 2 | 3;
const monthLabel = (period: string, lang: string) => (lang === 'en' ? period : `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`);
const dayLabel = (iso: string, lang: string) => (lang === 'en' ? iso : `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`);

export default function DekadPanel({ unitId, period, readOnly }: { unitId: string; period: string; readOnly: boolean }) {
  const tt = useTgT();
  const { lang } = useI18n();
  const first = useDekads(unitId, period);
  const current = first.data?.latest.period ?? period;
  const [chosen, setChosen] = useState<string | null>(null);
  // A finger needs the full-height switch on a phone (44 px controls, theme.ts).
  const phone = usePhone();
  const month = chosen ?? current;
  const q = useDekads(unitId, month);
  if (!first.data || first.data.rows.length === 0) return null;
  const data = q.data;
  const months = [...new Set([current, period])];
  const switcher =
    months.length > 1 ? (
      <Segmented
        size={phone ? 'middle' : 'small'}
        value={month}
        onChange={(v) => setChosen(String(v))}
        options={months.map((m) => ({ value: m, label: monthLabel(m, lang) }))}
        data-testid="dk-month"
      />
    ) : null;
  return (
    <Card
      size="small"
      className="gj-dk"
      data-testid="dk-panel"
      title={
        <span className="gj-dk-title">
          {tt('dk.title', { month: monthLabel(month, lang) })}
          <span className="gj-tg-muted gj-dk-help">{tt('dk.help')}</span>
        </span>
      }
      extra={phone ? undefined : switcher}
    >
      {/* On a phone the switch goes under the title, so the title keeps its line. */}
      {phone && switcher && <div className="gj-dk-switch">{switcher}</div>}
      {data && data.open.length === 0 && <div className="gj-tg-muted" data-testid="dk-none">{tt('dk.none')}</div>}
      {data?.locked && <Tag>{tt('dk.locked')}</Tag>}
      {data?.rows.map((r) => <DekadLines key={`${r.indicatorId}|${month}|${q.dataUpdatedAt}`} row={r} unitId={unitId} period={month} readOnly={readOnly || data.locked} />)}
    </Card>
  );
}

function DekadLines({ row, unitId, period, readOnly }: { row: DekadRow; unitId: string; period: string; readOnly: boolean }) {
  const tt = useTgT();
  const { lang } = useI18n();
  const message = useMessage();
  const onError = useErrorMessage();
  const [values, setValues] = useState<Record<number, string>>(() => Object.fromEntries(row.dekads.map((d) => [d.dekad, d.figure?.value ?? ''])));
  useEffect(() => setValues(Object.fromEntries(row.dekads.map((d) => [d.dekad, d.figure?.value ?? '']))), [row]);
  const save = useTgMutation((d: DekadRow['dekads'][number]) =>
    targetsApi.saveDekads({ unitId, period, dekad: d.dekad, rows: [{ indicatorId: row.indicatorId, value: (values[d.dekad] ?? '').trim(), note: d.figure?.note ?? '', version: d.figure?.version }] }),
  );
  const open = row.dekads.filter((d) => d.open);
  const next = row.dekads.find((d) => !d.open);
  const show = (v: string | null) => figure(v, row.measure, row.decimals, lang);
  return (
    <div className="gj-dk-row" data-testid={`dk-row-${row.code}`}>
      <div className="gj-dk-name">
        <b>{row.name}</b> <span className="gj-tg-muted">（{row.measure}）</span>
        {row.before && (
          <span className="gj-tg-muted gj-dk-before">
            {tt('dk.before', { label: `${Number(row.before.period.slice(5, 7))}${lang === 'en' ? '/' : '月'}${tt(`dk.dekad.${row.before.dekad as DekadNo}`)}`, value: show(row.before.value) })}
          </span>
        )}
      </div>
      {open.map((d) => {
        const label = tt(`dk.dekad.${d.dekad as DekadNo}`);
        const typed = (values[d.dekad] ?? '').trim();
        return (
          <div className="gj-dk-line" key={d.dekad}>
            <span className="gj-dk-label">
              {label}
              <span className="gj-tg-muted"> {tt('dk.upTo', { date: dayLabel(d.end, lang) })}</span>
            </span>
            <Input
              className="gj-dk-input"
              value={values[d.dekad] ?? ''}
              disabled={readOnly}
              inputMode="decimal"
              placeholder={tt('dk.ytd')}
              aria-label={`${row.name} ${label} ${tt('dk.ytd')}`}
              onChange={(e) => setValues((v) => ({ ...v, [d.dekad]: e.target.value }))}
              data-testid={`dk-value-${row.code}-${d.dekad}`}
            />
            {!readOnly && (
              <Button
                onClick={() => void save.mutateAsync(d).then(() => message.success(tt('dk.saved', { dekad: label })), onError)}
                disabled={typed === '' || typed === d.figure?.value}
                loading={save.isPending && save.variables?.dekad === d.dekad}
                data-testid={`dk-save-${row.code}-${d.dekad}`}
              >
                {tt('dk.save')}
              </Button>
            )}
            {d.figure && (
              <span className="gj-dk-progress" data-testid={`dk-progress-${row.code}-${d.dekad}`}>
                {tt('dk.progress', { completion: pct(d.completion), share: pct(d.expectedShare) })}
              </span>
            )}
          </div>
        );
      })}
      {next && (
        <div className="gj-tg-muted gj-dk-next" data-testid={`dk-next-${row.code}`}>
          {tt('dk.notYet', { dekad: tt(`dk.dekad.${next.dekad as DekadNo}`), date: dayLabel(next.end, lang) })}
        </div>
      )}
    </div>
  );
}
