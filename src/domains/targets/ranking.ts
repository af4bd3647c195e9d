/**
 * Rankings (排名) and rank changes (争先进位).
 * Competition ranking: ties share a rank and the next rank skips (1, 2, 2, 4).
 * Units without a value come last, unranked (rank null).
 */
import { round, type DecimalLike, dec, type Decimal } from '../../shared/decimal';

export interface RankEntry {
  key: string;
  value: DecimalLike | null | undefined;
}

export type Ranked<T extends RankEntry> = T & { rank: number | null };

export interface RankOptions {
  /**
   * Compare values rounded to the indicator's decimals, so two units printed
   * with the same figure are tied rather than split by hidden digits.
   */
  decimals?: number;
}

/**
 * Entries sorted best first with their rank; equal values keep input order
 * (ranks never depend on it). Extra fields of the entries are kept.
 */
export function rank<T extends RankEntry>(
  entries: readonly T[],
  higherIsBetter = true,
  opts: RankOptions = {},
): Ranked<T>[] {
  const keyed = entries.map((entry, index) => ({ entry, index, v: comparable(entry.value, opts.decimals) }));
  const withValue = keyed.filter((e): e is typeof e & { v: Decimal } => e.v !== null);
  const without = keyed.filter((e) => e.v === null);
  withValue.sort((a, b) => (higherIsBetter ? b.v.cmp(a.v) : a.v.cmp(b.v)) || a.index - b.index);
  const out: Ranked<T>[] = [];
  withValue.forEach((e, i) => {
    const prev = out[i - 1];
    const tied = i > 0 && prev !== undefined && withValue[i - 1]!.v.eq(e.v);
    out.push({ ...e.entry, rank: tied ? prev.rank : i + 1 });
  });
  for (const e of without) out.push({ ...e.entry, rank: null });
  return out;
}

function comparable(value: DecimalLike | null | undefined, decimals?: number): Decimal | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return decimals === undefined ? dec(value) : dec(round(value, decimals));
}

export interface RankedKey {
  key: string;
  rank: number | null;
}

/**
 * Places moved per key of `current`: +n moved up n places, −n down, 0 same;
 * null when the key was unranked or absent before (new) or is unranked now.
 */
export function rankChange(
  current: readonly RankedKey[],
  previous: readonly RankedKey[],
): Record<string, number | null> {
  const before = new Map(previous.map((p) => [p.key, p.rank]));
  const out: Record<string, number | null> = {};
  for (const c of current) {
    const was = before.get(c.key);
    out[c.key] = c.rank === null || was === null || was === undefined ? null : was - c.rank;
  }
  return out;
}
