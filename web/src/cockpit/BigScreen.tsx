// 数据大屏: the cockpit of a month on a meeting-room wall — full screen, dark,
// large type, refreshing itself every minute; the unit charts take turns.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Spin } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../i18n';
import { QueryError } from '../system/QueryError';
import { EChart } from '../projects/EChart';
import type { Cockpit, IndicatorRow } from './api';
import { completionBars, indicatorBars, pages, unitBars, withUnits, type BarDatum } from './charts';
import { figure, formatYoy, pct, statusColor } from './format';
import { periodLabel, useCkT } from './i18n';
import { CampaignCountdown, FreshnessMark, RankChange } from './parts';
import { useCockpit } from './queries';
import { useNextStep, ZoneEmpty } from '../shell/ZoneEmpty';
import { useCan } from '../auth/session';
import { HazardScreenFigures } from '../hazards/ScreenTile';
import './cockpit.css';

const REFRESH_MS = 60_000;
const ROTATE_MS = 15_000;
/** Tiles on one page of the wall: 3 × 4 fit 1920×1080 with names on two lines. */
const TILES_PER_PAGE = 12;
/** Bars in one chart: more turn into further slides, so every name stays readable. */
const BARS_PER_SLIDE = 12;
const RANKING_ROWS = 8;
/** More rows than any wall holds: the rest are measured off. */
const MAX_BEHIND = 30;
const MAX_DOTS = 12;

/** A page number that moves on every ROTATE_MS while there is more than one page; clicking a dot jumps. */
function useRotation(count: number): [number, (i: number) => void] {
  const [i, setI] = useState(0);
  useEffect(() => {
    if (count < 2) return;
    const id = setInterval(() => setI((x) => (x + 1) % count), ROTATE_MS);
    return () => clearInterval(id);
  }, [count, i]);
  return [count ? i % count : 0, setI];
}

export default function BigScreen() {
  const ct = useCkT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const q = useCockpit(period, REFRESH_MS);
  const emptyZone = useNextStep('cockpit') !== null;
  return (
    <div className="gj-screen" data-testid="big-screen">
      <Button className="gj-screen-exit" type="text" icon={<CloseOutlined />} onClick={() => navigate(`/cockpit${period ? `?period=${period}` : ''}`)} aria-label={ct('screen.exit')} title={ct('screen.exit')} />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Spin size="large" />
      ) : emptyZone ? (
        <ZoneEmpty page="cockpit" dark />
      ) : (
        <Wall d={q.data} updatedAt={q.dataUpdatedAt} />
      )}
    </div>
  );
}

function Wall({ d, updatedAt }: { d: Cockpit; updatedAt: number }) {
  const ct = useCkT();
  const can = useCan();
  const tiles = d.indicators.filter((i) => i.value !== null || i.floor !== null);
  // No ranking and nobody behind: the side would stand empty, so its panels go under the chart and the columns widen.
  const sideless = d.ranking.length === 0 && d.behind.length === 0;
  const behind = (
    <Panel title={ct('section.behind')} grow={!sideless} testId="screen-behind">
      {d.behind.length === 0 ? <div className="gj-screen-small">{ct('behind.none')}</div> : <BehindRows rows={d.behind} />}
    </Panel>
  );
  const campaigns = (
    <Panel title={ct('section.campaigns')}>
      {d.campaigns.length === 0 ? <div className="gj-screen-small">{ct('campaign.none')}</div> : d.campaigns.slice(0, 2).map((c) => <CampaignCountdown key={c.id} c={c} dark />)}
    </Panel>
  );
  // 隐患动态清零 (the cockpit card's summary): no panel at all for a zone without hazards.
  const hazards = can('zoneData.read') && (
    <HazardScreenFigures
      refetchMs={REFRESH_MS}
      frame={(title, body) => (
        <Panel title={title} testId="screen-hazard-panel">
          {body}
        </Panel>
      )}
    />
  );
  return (
    <div className={sideless ? 'gj-screen-grid gj-screen-sideless' : 'gj-screen-grid'}>
      <header className="gj-screen-head">
        <div className="gj-screen-title">{ct('screen.title', { zone: d.zone.name })}</div>
        <div className="gj-screen-meta">
          <span data-testid="screen-period">
            {periodLabel(ct, d.period)}
          </span>
          <span>
            {ct('timeProgress')} <b className="gj-screen-tp">{pct(d.timeProgress)}</b>
          </span>
          <span className="gj-screen-small">{ct('screen.updated', { time: dayjs(updatedAt).format('HH:mm') })}</span>
          <FreshnessMark freshness={d.freshness} />
        </div>
      </header>
      <TilePages tiles={tiles} />
      <section className="gj-screen-chart">
        <RotatingChart d={d} />
        {sideless && hazards}
        {sideless && behind}
        {sideless && campaigns}
      </section>
      {!sideless && (
      <section className="gj-screen-side">
        {d.ranking.length > 0 && (
        <Panel title={ct('section.ranking')}>
          <table className="gj-screen-table" data-testid="screen-ranking">
            <tbody>
              {d.ranking.slice(0, RANKING_ROWS).map((r) => (
                <tr key={r.unitId}>
                  <td className="gj-screen-rank">{r.rank ?? '—'}</td>
                  <td>{r.unitName}</td>
                  <td className="gj-screen-num">
                    <span style={{ color: '#73d13d' }}>{r.ahead + r.onTrack}</span> / <span style={{ color: '#ffc53d' }}>{r.amber}</span> / <span style={{ color: '#ff4d4f' }}>{r.red}</span>
                  </td>
                  <td>
                    <RankChange change={r.rankChange} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        )}
        {hazards}
        {/* The units behind take what room the ranking, hazards and campaigns leave: as many rows as fit. */}
        {behind}
        {campaigns}
      </section>
      )}
    </div>
  );
}

/** The worst (unit, indicator) pairs, as many as the box holds: rows that would not fit are left off, never cut. */
function BehindRows({ rows }: { rows: Cockpit['behind'] }) {
  const box = useRef<HTMLDivElement>(null);
  const first = rows.slice(0, MAX_BEHIND);
  const [shown, setShown] = useState(first.length);
  const [seen, setSeen] = useState(rows);
  // Bumped when the box changes height (a panel above it arriving late, the hazard tile): measure again.
  const [sized, setSized] = useState(0);
  if (seen !== rows) {
    // New figures: measure again from every row.
    setSeen(rows);
    setShown(first.length);
  }
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let last = el.clientHeight;
    const watch = new ResizeObserver(() => {
      if (Math.abs(el.clientHeight - last) < 1) return;
      last = el.clientHeight;
      setShown(first.length);
      setSized((n) => n + 1);
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [first.length]);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // One measurement: the rows whose bottom lies inside the box stay (later rows never move earlier ones).
    const bottom = el.getBoundingClientRect().bottom;
    const fit = [...el.querySelectorAll('tr')].filter((tr) => tr.getBoundingClientRect().bottom <= bottom + 0.5).length;
    if (fit < shown) setShown(Math.max(1, fit));
  }, [shown, seen, sized]);
  return (
    <div className="gj-screen-fill" ref={box}>
      <table className="gj-screen-table">
        <tbody>
          {first.slice(0, shown).map((b) => (
            <tr key={`${b.indicatorId}|${b.unitId}`}>
              <td>
                <i className="gj-screen-dot" style={{ background: statusColor(b.status) }} />
                {b.unitName}
              </td>
              <td className="gj-screen-wrap">{b.indicatorName}</td>
              <td className="gj-screen-num">{pct(b.completion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The indicator tiles, twelve to a page, the pages taking turns (dots to jump). */
function TilePages({ tiles }: { tiles: IndicatorRow[] }) {
  const ct = useCkT();
  const all = pages(tiles, TILES_PER_PAGE);
  const [n, go] = useRotation(all.length);
  return (
    <section className="gj-screen-tiles-area">
      {/* One page: as many rows as its tiles need, so a zone with few indicators leaves no empty band. */}
      <div className="gj-screen-tiles" style={all.length === 1 ? { gridTemplateRows: `repeat(${Math.max(1, Math.ceil(tiles.length / 3))}, minmax(0, 1fr))` } : undefined} data-testid="screen-tiles" data-page={n + 1} data-pages={all.length}>
        {all[n]!.map((ind) => (
          <Tile key={ind.id} ind={ind} />
        ))}
      </div>
      {all.length > 1 && <Pager n={n} count={all.length} go={go} label={ct('screen.page', { n: n + 1, of: all.length })} testId="screen-tile-pager" />}
    </section>
  );
}

/** Dots to jump to a page; with many pages, back and forward instead (the dots would not fit). */
function Pager({ n, count, go, label, testId }: { n: number; count: number; go(i: number): void; label: string; testId: string }) {
  const step = (by: number) => () => go((n + by + count) % count);
  return (
    <div className="gj-screen-pager" data-testid={testId}>
      {count > MAX_DOTS && <button type="button" className="gj-screen-pager-step" aria-label="‹" onClick={step(-1)}>‹</button>}
      <span className="gj-screen-small">{label}</span>
      {count > MAX_DOTS ? (
        <button type="button" className="gj-screen-pager-step" aria-label="›" onClick={step(1)}>›</button>
      ) : (
        Array.from({ length: count }, (_, i) => (
          <button key={i} type="button" className={i === n ? 'gj-screen-pager-dot on' : 'gj-screen-pager-dot'} aria-label={String(i + 1)} onClick={() => go(i)} />
        ))
      )}
    </div>
  );
}

function Tile({ ind }: { ind: IndicatorRow }) {
  const { lang } = useI18n();
  const ct = useCkT();
  const color = statusColor(ind.status);
  const yoyClass = ind.yoy === null ? 'gj-screen-small' : Number(ind.yoy) < 0 ? 'gj-screen-down' : 'gj-screen-up';
  return (
    <div className="gj-screen-tile" style={{ borderLeftColor: color }} data-testid={`tile-${ind.code}`} data-status={ind.status ?? 'none'}>
      <div className="gj-screen-tile-name" title={ind.name}>{ind.name}</div>
      <div className="gj-screen-tile-value">
        <TileFigure text={figure(ind.value, ind.unit, ind.decimals, lang)} />
      </div>
      <div className="gj-screen-tile-line">
        <span className={yoyClass} data-testid={`tile-${ind.code}-yoy`}>{ind.yoy === null ? `${ct('yoy')} —` : formatYoy(ind.yoy, { lang })}</span>
        {ind.doubleHalf && <span className="gj-screen-badge" title={ct('doubleHalf')}>{ct('screen.doubleHalf')}</span>}
      </div>
      {ind.floor !== null && (
        <>
          <div className="gj-screen-tile-line">
            <span>{ct('completionFloor')}</span>
            <b style={{ color }}>{pct(ind.completion)}</b>
          </div>
          {/* A sum some units have not reported yet is not judged: it says how many have, in grey. */}
          {!ind.complete && ind.coverage ? (
            <div className="gj-screen-tile-line gj-screen-small" data-testid={`tile-${ind.code}-coverage`} title={ind.coverage.missingUnitNames.join('、')}>
              <span>{ct('screen.incomplete', { reported: ind.coverage.reported, expected: ind.coverage.expected })}</span>
            </div>
          ) : (
            <div className="gj-screen-tile-line gj-screen-small">
              <span>{ct('timeProgress')}</span>
              <span>{pct(ind.expectedShare)}</span>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The figure large, its measure smaller beside it (18.56 亿元, 2.496 billion yuan): the
 * English words are three times as wide as 亿元 and would not fit a tile at the figure's size.
 */
function TileFigure({ text }: { text: string }) {
  const m = /^([-+]?[\d,.]*\d)\s*([^\d\s].*)$/.exec(text);
  if (!m) return <>{text}</>;
  return (
    <>
      {m[1]}
      <span className="gj-screen-tile-unit">{m[2]}</span>
    </>
  );
}

interface Slide {
  title: string;
  bars: BarDatum[];
  expectedShare: string | null;
}

/** Each indicator's units (then the zone's indicators) as bars, BARS_PER_SLIDE at a time, taking turns. */
function RotatingChart({ d }: { d: Cockpit }) {
  const ct = useCkT();
  const slides: Slide[] = [
    ...withUnits(d.indicators).flatMap((ind) => cut(ct('chart.title', { name: ind.name }), unitBars(ind), ind.expectedShare)),
    ...cut(`${d.zone.name} · ${ct('col.completion')}`, indicatorBars(d.indicators), d.timeProgress),
  ];
  const [k, go] = useRotation(slides.length);
  const slide = slides[k];
  if (!slide) return null;
  const option = completionBars(slide.bars, slide.expectedShare, {
    dark: true,
    fontSize: 18,
    seriesName: ct('chart.completion'),
    timeLineLabel: ct('chart.timeLine', { value: slide.expectedShare ?? '' }),
    horizontal: true,
  });
  return (
    <Panel title={slide.title} grow testId="screen-chart-panel">
      <div className="gj-screen-chart-box">
        <EChart option={option} height="100%" testId="screen-chart" />
      </div>
      {slides.length > 1 && <Pager n={k} count={slides.length} go={go} label={ct('screen.pageOf', { n: k + 1, of: slides.length })} testId="screen-chart-pager" />}
    </Panel>
  );
}

/** A chart's bars cut into slides, numbered in the title when there is more than one. */
function cut(title: string, bars: BarDatum[], expectedShare: string | null): Slide[] {
  if (bars.length === 0) return [];
  const parts = pages(bars, BARS_PER_SLIDE);
  return parts.map((p, i) => ({ title: parts.length > 1 ? `${title}（${i + 1}/${parts.length}）` : title, bars: p, expectedShare }));
}

function Panel({ title, children, grow, testId }: { title: string; children: React.ReactNode; grow?: boolean; testId?: string }) {
  return (
    <div className={grow ? 'gj-screen-panel gj-screen-grow' : 'gj-screen-panel'} data-testid={testId}>
      <div className="gj-screen-panel-title">{title}</div>
      {children}
    </div>
  );
}
