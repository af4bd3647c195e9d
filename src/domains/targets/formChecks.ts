// The reporting form's side of the checks: each row gets what the web form needs
// to run ./checks.ts live (last month's figure, time progress, the move share),
// and a submission answers with the indicators still unreported.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadDb } from '../../db/client';
import { indicators } from '../../db/schema';
import { checkContext } from './reportChecks';
import { reportForm, type FormRow } from './reporting';

export const unreportedBody = z.array(z.object({ indicatorId: z.string(), code: z.string(), name: z.string() }));

/** The form's rows with their check context, and the zone's move share. */
export async function withCheckContext(db: ReadDb, zoneId: string, form: { period: string; unitId: string; rows: FormRow[] }) {
  const ids = form.rows.map((r) => r.indicatorId);
  const inds = ids.length ? await db.select().from(indicators).where(and(eq(indicators.zoneId, zoneId), inArray(indicators.id, ids))) : [];
  const byId = new Map(inds.map((i) => [i.id, i]));
  const wanted = form.rows.map((r) => ({ ind: byId.get(r.indicatorId)!, unitId: r.level === 'zone' ? null : form.unitId }));
  const ctx = await checkContext(db, zoneId, form.period, wanted);
  const rows = form.rows.map((r, i) => {
    const w = wanted[i]!;
    const c = ctx.rows.get(`${w.ind.id}|${w.unitId ?? 'zone'}`);
    return { ...r, higherIsBetter: w.ind.higherIsBetter, prevMonth: c?.prevMonth ?? null, expectedShare: c?.expectedShare ?? null, rhythm: w.ind.rhythm, lastDekad: c?.lastDekad ?? null };
  });
  return { moveShare: ctx.moveShare, rows };
}

/** Indicators of the unit's month with no figure submitted or approved (system-filled ones aside). */
export async function unreported(db: ReadDb, zoneId: string, unitId: string, period: string) {
  const form = await reportForm(db, zoneId, unitId, period);
  return form.rows
    .filter((r) => r.fillMethod !== 'system' && (!r.figure || r.figure.state === 'draft' || r.figure.state === 'returned'))
    .map((r) => ({ indicatorId: r.indicatorId, code: r.code, name: r.name }));
}
