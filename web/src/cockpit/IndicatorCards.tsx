// One card per indicator: the zone's year-to-date value, 同比, completion of the
// floor (确保) and stretch (力争) targets, time progress (序时进度) and colour.
import { Col, Progress, Row, Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n';
import type { IndicatorRow } from './api';
import { figure, formatGapToTimeProgress, formatYoy, pct, statusColor } from './format';
import { useCkT } from './i18n';
import { Coverage, IncompleteTag, StatusTag } from './parts';

export function IndicatorCards({ rows, onDrill }: { rows: IndicatorRow[]; onDrill(ind: IndicatorRow): void }) {
  return (
    <Row gutter={[12, 12]}>
      {rows.map((r) => (
        <Col key={r.id} xs={24} sm={12} lg={8} xxl={6}>
          <IndicatorCard ind={r} onDrill={() => onDrill(r)} />
        </Col>
      ))}
    </Row>
  );
}

function IndicatorCard({ ind, onDrill }: { ind: IndicatorRow; onDrill(): void }) {
  const ct = useCkT();
  const { lang } = useI18n();
  const color = statusColor(ind.status);
  return (
    <div className="gj-ck-card" style={{ borderTopColor: color }} data-testid={`ind-${ind.code}`} data-status={ind.complete ? (ind.status ?? 'none') : 'incomplete'}>
      <div className="gj-ck-card-head">
        <span className="gj-ck-card-name" title={ind.name}>
          {ind.parentCode ? <span className="gj-ck-muted">└ </span> : null}
          {ind.name}
        </span>
        {ind.complete ? <StatusTag status={ind.status} /> : <IncompleteTag testId={`ind-${ind.code}-incomplete`} />}
      </div>
      <button type="button" className="gj-ck-value" onClick={onDrill} data-testid={`ind-${ind.code}-value`}>
        {figure(ind.value, ind.unit, ind.decimals, lang)}
      </button>
      <div className="gj-ck-line" data-testid={`ind-${ind.code}-yoy`}>
        {ind.yoy === null ? <span className="gj-ck-muted">{ct('yoy')} —</span> : <span className={Number(ind.yoy) < 0 ? 'gj-ck-down' : 'gj-ck-up'}>{formatYoy(ind.yoy, { lang })}</span>}
      </div>
      {ind.floor === null ? (
        <div className="gj-ck-line gj-ck-muted">{ind.value === null ? ct('noFigure') : ct('noTarget')}</div>
      ) : (
        <>
          <div className="gj-ck-line">
            <span>
              {ct('completionFloor')} <b data-testid={`ind-${ind.code}-completion`}>{pct(ind.completion)}</b>
            </span>
            <span className="gj-ck-muted">
              {ct('floor')} {figure(ind.floor, ind.unit, ind.decimals, lang)}
            </span>
          </div>
          <Tooltip title={ct('timeProgressValue', { value: pct(ind.expectedShare) })}>
            <div className="gj-ck-bar">
              <Progress percent={Math.min(100, Number(ind.completion ?? 0))} showInfo={false} strokeColor={color} size="small" />
              {ind.expectedShare !== null && <i className="gj-ck-bar-mark" style={{ left: `${Math.min(100, Number(ind.expectedShare))}%` }} />}
            </div>
          </Tooltip>
          <div className="gj-ck-line">
            <span>
              {ct('timeProgress')} <b data-testid={`ind-${ind.code}-expected`}>{pct(ind.expectedShare)}</b>
            </span>
            {ind.complete ? <span style={{ color }}>{formatGapToTimeProgress(ind.gap, { lang })}</span> : <span className="gj-ck-muted">{ct('incomplete')}</span>}
          </div>
          {ind.stretch !== null && (
            <div className="gj-ck-line gj-ck-muted">
              <span>
                {ct('stretch')} {figure(ind.stretch, ind.unit, ind.decimals, lang)}
              </span>
              <span>
                {ct('completionStretch')} {pct(ind.completionStretch)}
              </span>
            </div>
          )}
        </>
      )}
      <div className="gj-ck-line gj-ck-muted">
        <Coverage ind={ind} testId={`ind-${ind.code}-coverage`} />
        {ind.doubleHalf && <Tag color="red">{ct('doubleHalf')}</Tag>}
      </div>
    </div>
  );
}
