// A quiet line under the header when the zone replays history: every page then
// judges as of the pinned business date, not the machine's calendar.
import { useI18n } from '../i18n';
import { useZone } from './zone';

export function ZoneDateBanner() {
  const { t } = useI18n();
  const zone = useZone();
  const z = zone.data;
  if (!z?.pinnedDate) return null;
  return (
    <div className="gj-zone-date" data-testid="zone-date-banner" role="note">
      {t(z.demo ? 'zone.bannerDemo' : 'zone.bannerPinned', { date: z.pinnedDate })}
    </div>
  );
}
