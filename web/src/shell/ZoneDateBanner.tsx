// A quiet line under the header when the zone replays history: every page then
// judges as of the pinned business date, not the machine's calendar. A zone with
// no data at all gets a hint on what to do first instead of empty zeros.
import { Alert } from 'antd';
import { useI18n } from '../i18n';
import { useZone } from './zone';

export function ZoneDateBanner() {
  const { t } = useI18n();
  const zone = useZone();
  const z = zone.data;
  if (!z) return null;
  return (
    <>
      {z.pinnedDate && (
        <div className="gj-zone-date" data-testid="zone-date-banner" role="note">
          {t(z.demo ? 'zone.bannerDemo' : 'zone.bannerPinned', { date: z.pinnedDate })}
        </div>
      )}
      {!z.hasData && <Alert className="gj-zone-empty" type="info" showIcon title={t('zone.emptyHint')} data-testid="zone-empty-hint" />}
    </>
  );
}
