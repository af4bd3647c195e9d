// What a month, quarter, half-year or year picker offers: the periods that hold
// data plus the zone's current one, newest first. Pure; the server sends the lists
// (GET /api/zone) and the web shows them, so no picker offers an empty calendar.
// Imports nothing: the web bundles it (the holiday calendar stays on the server).
type IsoDate = string;

export const pickerKinds = ['month', 'quarter', 'half', 'year'] as const;
export type PickerKind = (typeof pickerKinds)[number];
export type PeriodChoices = Record<PickerKind, string[]>;

/** The zone's current month: the latest that has ended by its date (a month is reported from its last day). */
export function currentMonth(today: IsoDate): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (d === new Date(Date.UTC(y, m, 0)).getUTCDate()) return today.slice(0, 7);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The kind of a period code, or null: '2022-07' month, '2022-Q2', '2022-H1', '2022' (what parsePeriod accepts). */
export function kindOf(code: string): PickerKind | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|(Q[1-4])|(H[12])))?$/.exec(code);
  if (!m) return null;
  return m[2] ? 'month' : m[3] ? 'quarter' : m[4] ? 'half' : 'year';
}

/** The code of the period of a kind that holds a month ('2022-08' → '2022-Q3', '2022-H2', '2022'). */
export function periodOfMonth(kind: PickerKind, month: string): string {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  if (kind === 'month') return month;
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  if (kind === 'half') return `${y}-H${m <= 6 ? 1 : 2}`;
  return y;
}

// Sorts codes of one kind newest first: '2022-Q3' > '2022-Q2' as text, and years alike.
const newestFirst = (codes: Iterable<string>) => [...new Set(codes)].sort().reverse();

/**
 * Choices per kind. `months`: months holding figures; `stored`: periods already used
 * by bulletins and assessment schemes (any kind; campaigns' labels are skipped);
 * `today`: the zone's date, whose current month is always offered.
 */
export function periodChoices(months: readonly string[], stored: readonly string[], today: IsoDate): PeriodChoices {
  const allMonths = [...months, currentMonth(today)];
  const out = {} as PeriodChoices;
  for (const kind of pickerKinds) {
    out[kind] = newestFirst([...allMonths.map((m) => periodOfMonth(kind, m)), ...stored.filter((p) => kindOf(p) === kind)]);
  }
  return out;
}

/** The picker's default: the current period of the kind. */
export const currentPeriod = (kind: PickerKind, today: IsoDate) => periodOfMonth(kind, currentMonth(today));
