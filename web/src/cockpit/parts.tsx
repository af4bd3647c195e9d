// Small pieces shared by the cockpit and the big screen.
import { Progress, Tag, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import type { CampaignClock, Cockpit, IndicatorRow, Status } from './api';
import { statusColor } from './format';
import { useCkT } from './i18n';

export function StatusTag({ status, testId }: { status: Status | null; testId?: string }) {
  const ct = useCkT();
  return (
    <Tag color={statusColor(status)} data-testid={testId} data-status={status ?? 'none'} style={{ marginInlineEnd: 0 }}>
      {ct(`status.${status ?? 'none'}`)}
    </Tag>
  );
}

/** 数据更新中: the answer shown is the one from before a write, while the current one is computed. */
export function FreshnessMark({ freshness, className }: { freshness: Cockpit['freshness']; className?: string }) {
  const ct = useCkT();
  if (freshness.current) return null;
  const time = new Date(freshness.computedAt).toLocaleTimeString('en-GB', { hour12: false });
  return (
    <Tooltip title={ct('freshness.help')}>
      <Tag color="gold" className={className} data-testid="ck-freshness" data-version={freshness.dataVersion}>
        {ct('freshness.previous', { time })}
      </Tag>
    </Tooltip>
  );
}

/** 未齐: a zone sum with units missing, in place of a colour. */
export function IncompleteTag({ testId }: { testId?: string }) {
  const ct = useCkT();
  return (
    <Tag data-testid={testId} data-status="incomplete" style={{ marginInlineEnd: 0, borderStyle: 'dashed' }}>
      {ct('incomplete')}
    </Tag>
  );
}

/** 已报 n/m个单位, the missing units on hover; nothing for a zone-reported figure. */
export function Coverage({ ind, testId }: { ind: IndicatorRow; testId?: string }) {
  const ct = useCkT();
  const c = ind.coverage;
  if (!c || c.expected === 0) return <span />;
  const text = <span data-testid={testId} className={ind.complete ? undefined : 'gj-ck-incomplete'}>{ct('coverage', { reported: c.reported, expected: c.expected })}</span>;
  return c.missingUnitNames.length ? <Tooltip title={ct('coverage.missing', { names: c.missingUnitNames.join('、') })}>{text}</Tooltip> : text;
}

/** 争先进位: a positive change is a move up the table. */
export function RankChange({ change }: { change: number | null }) {
  const ct = useCkT();
  if (change === null) return <span className="gj-ck-muted">{ct('rank.new')}</span>;
  if (change === 0)
    return (
      <span className="gj-ck-muted">
        <MinusOutlined /> {ct('rank.same')}
      </span>
    );
  return change > 0 ? (
    <span className="gj-ck-up">
      <ArrowUpOutlined /> {ct('rank.up', { n: change })}
    </span>
  ) : (
    <span className="gj-ck-down">
      <ArrowDownOutlined /> {ct('rank.down', { n: -change })}
    </span>
  );
}

export function CampaignCountdown({ c, dark }: { c: CampaignClock; dark?: boolean }) {
  const ct = useCkT();
  const head =
    c.phase === 'ended' ? ct('campaign.ended') : c.phase === 'upcoming' ? ct('campaign.upcoming', { date: c.startDate }) : ct('campaign.left', { n: c.daysLeft });
  // Before the start, "剩余" would count days that are not the campaign's: say when it starts and how long it runs.
  return (
    <div className="gj-ck-campaign" data-testid="campaign-countdown">
      <div className="gj-ck-campaign-name">{c.name}</div>
      <div className="gj-ck-campaign-days">{head}</div>
      <div className="gj-ck-muted">
        {c.startDate} ～ {c.endDate}
        {c.phase === 'upcoming' ? ` · ${ct('campaign.startsIn', { n: c.daysToStart, total: c.totalDays })}` : ''}
      </div>
      <Progress
        percent={Number(c.elapsedShare)}
        showInfo={false}
        size="small"
        strokeColor={dark ? '#ffd666' : '#a3241c'}
        railColor={dark ? 'rgba(255,255,255,0.15)' : undefined}
      />
    </div>
  );
}
