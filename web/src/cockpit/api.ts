// The cockpit endpoints (src/domains/cockpit/routes.ts) and their shapes.
import { api } from '../api/client';
import type { CodeOf } from '../i18n/enumLabels';

export type Status = 'ahead' | 'on_track' | 'slightly_behind' | 'far_behind';
type S = string | null;

export interface UnitRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  group: string;
  reported: boolean;
  corrected: boolean;
  value: S;
  prevYear: S;
  yoy: S;
  floor: S;
  stretch: S;
  completion: S;
  completionStretch: S;
  expectedShare: S;
  gap: S;
  status: Status | null;
  rank: number | null;
  rankChange: number | null;
}

export interface IndicatorRow extends Omit<UnitRow, 'unitId' | 'unitCode' | 'unitName' | 'group' | 'reported' | 'corrected' | 'rank' | 'rankChange'> {
  id: string;
  code: string;
  name: string;
  unit: string;
  kind: CodeOf<'indicatorKind'>;
  decimals: number;
  higherIsBetter: boolean;
  aggregation: CodeOf<'aggregation'>;
  fillMethod: string;
  parentCode: S;
  doubleHalf: boolean;
  reportedUnits: number;
  expectedUnits: number;
  /** Units owing the summed figure, how many have it approved, who is missing; null for a zone-reported one. */
  coverage: { reported: number; expected: number; missingUnitNames: string[] } | null;
  /** False: a partial sum — no status/gap/双过半 on the zone row, no unit ranks. */
  complete: boolean;
  units: UnitRow[];
}

export interface CampaignClock {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  phase: 'upcoming' | 'running' | 'ended' | string;
  daysLeft: number;
  daysToStart: number;
  totalDays: number;
  elapsedShare: string;
}

export interface Cockpit {
  zone: { name: string; code: string };
  period: string;
  year: number;
  asOf: string;
  timeProgress: string;
  thresholds: { amber: string; red: string };
  /** The shown month's completeness and the newest months with approved figures (latest may be incomplete). */
  month: { complete: boolean; missingUnitNames: string[]; latest: S; latestComplete: S };
  indicators: IndicatorRow[];
  behind: { indicatorId: string; indicatorCode: string; indicatorName: string; unitId: string; unitName: string; completion: S; expectedShare: S; gap: S; status: Status | null }[];
  ranking: { unitId: string; unitName: string; group: string; indicators: number; ahead: number; onTrack: number; amber: number; red: number; meanGap: S; rank: number | null; rankChange: number | null }[];
  campaigns: CampaignClock[];
}

export interface DrillRow {
  id: string;
  period: string;
  value: string;
  prevYear: S;
  note: string;
  fileIds: string[];
  state: 'draft' | 'submitted' | 'approved' | 'returned';
  source: CodeOf<'fillMethod'>;
  sourceName: S;
  correctionReason: S;
  correctedAt: S;
  approvedAt: S;
  demo: boolean;
  enteredByName: S;
}

export const cockpitApi = {
  get: (period?: string) => api.get<Cockpit>('/api/cockpit', { period }),
  drill: (q: { indicatorId: string; unitId?: string | null; year: number }) =>
    api.get<DrillRow[]>('/api/cockpit/drill', { indicatorId: q.indicatorId, unitId: q.unitId ?? undefined, year: q.year }),
};
