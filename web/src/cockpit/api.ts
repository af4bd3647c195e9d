// The cockpit endpoints (src/domains/cockpit/routes.ts) and their shapes.
import { call, type ApiOk } from '../api/contract';

export type Cockpit = ApiOk<'/api/cockpit'>;
export type IndicatorRow = Cockpit['indicators'][number];
export type UnitRow = IndicatorRow['units'][number];
export type Status = NonNullable<UnitRow['status']>;
export type CampaignClock = Cockpit['campaigns'][number];
/** 旬进度 at the zone's latest closed dekad (GET /api/cockpit/dekads). */
export type DekadProgress = ApiOk<'/api/cockpit/dekads'>;
export type DrillRow = ApiOk<'/api/cockpit/drill'>[number];

export const cockpitApi = {
  // The previous answer, marked, rather than a wait while a write's answer is computed.
  get: (period?: string) => call('get', '/api/cockpit', { query: { period, previous: 'marked' } }),
  dekads: () => call('get', '/api/cockpit/dekads'),
  drill: (q: { indicatorId: string; unitId?: string | null; year: number }) =>
    call('get', '/api/cockpit/drill', { query: { indicatorId: q.indicatorId, unitId: q.unitId ?? undefined, year: q.year } }),
};
