// A quiet line under the header when the zone replays history: every page then
// judges as of the pinned business date, not the machine's calendar. (A zone with no
// data: each page says what to do first, shell/ZoneEmpty.)
import { useI18n } from '../i18n';
import { useZone } from './zone';

export function ZoneDateBanner() {
  const { t } = useI18n();
  const zone = useZone();
  const z = zone.data;
  if (!z) return null;
  if (!z.pinnedDate) return null;
  return (
    <div className="gj-zone-date" data-testid="zone-date-banner" role="note">
      {t(z.demo ? 'zone.bannerDemo' : 'zone.bannerPinned', { date: z.pinnedDate })}
    </div>
  );
}
