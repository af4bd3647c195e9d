// What a main page shows while its part of the zone is still empty (a brand-new zone):
// what to do next and a button to the page that does it — never zeros, red lights
// or "无逾期任务", which would claim a standing the zone does not have yet.
import { Button, Empty } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n, type DictKey } from '../i18n';
import { useZone, type ZoneInfo } from './zone';

/** The pages that wait for data, and what each waits for first. */
export type EmptyPage = 'cockpit' | 'targets' | 'projects' | 'supervision' | 'enterprises' | 'attraction' | 'assessment' | 'bulletins';

interface Step {
  text: DictKey;
  action: DictKey;
  to: string;
}

/** The next step for a page, or null when the zone holds what the page shows. */
export function nextStep(page: EmptyPage, has: ZoneInfo['has']): Step | null {
  // Figures need indicators, then targets, then approved reports: point at the first thing missing.
  const figures = (text: DictKey): Step | null =>
    !has.indicators
      ? { text, action: 'empty.setIndicators', to: '/targets/catalogue' }
      : !has.targets
        ? { text, action: 'empty.setTargets', to: '/targets/targets' }
        : !has.approvedFigures
          ? { text, action: 'empty.report', to: '/targets' }
          : null;
  switch (page) {
    case 'cockpit':
      return figures('empty.cockpit');
    case 'targets':
      return !has.indicators ? { text: 'empty.targets', action: 'empty.setIndicators', to: '/targets/catalogue' } : null;
    case 'bulletins':
      return has.bulletins ? null : figures('empty.bulletins');
    case 'assessment':
      return has.schemes ? null : figures('empty.assessment');
    case 'projects':
      return has.projects ? null : { text: 'empty.projects', action: 'empty.toProjects', to: '/projects/list' };
    case 'supervision':
      return has.tasks ? null : { text: 'empty.supervision', action: 'empty.toBreakdown', to: '/supervision/breakdown' };
    case 'enterprises':
      return has.enterprises ? null : { text: 'empty.enterprises', action: 'empty.toRegister', to: '/enterprises/register' };
    case 'attraction':
      return has.leads || has.projects ? null : { text: 'empty.attraction', action: 'empty.toLeads', to: '/attraction/board' };
  }
}

/** The page's next step once the zone is known; null while loading or when there is data. */
export function useNextStep(page: EmptyPage): Step | null {
  const zone = useZone().data;
  return zone ? nextStep(page, zone.has) : null;
}

/**
 * The empty state: what to do next, and a button there (left out when it is this very
 * page). `onAction` replaces the navigation when the page itself does the step (a dialog).
 */
export function ZoneEmpty({ page, dark, onAction }: { page: EmptyPage; dark?: boolean; onAction?(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const step = useNextStep(page);
  if (!step) return null;
  const here = typeof window !== 'undefined' && window.location.pathname === step.to;
  return (
    <div className={`gj-zone-empty-state${dark ? ' gj-zone-empty-dark' : ''}`} data-testid="zone-empty-state">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<span data-testid="zone-empty-text">{t(step.text)}</span>}
      >
        {(onAction || !here) && (
          <Button type="primary" onClick={() => (onAction ? onAction() : navigate(step.to))} data-testid="zone-empty-action">
            {t(step.action)}
          </Button>
        )}
      </Empty>
    </div>
  );
}
