// One row per measured figure, printed as one Markdown table: the figure, its aim,
// whether the aim is met, and its ratio to the reference measured in the same run.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Row {
  /** What is measured, e.g. 'cockpit after a write p95'. */
  what: string;
  /** pglite, postgres, chromium, node… */
  engine: string;
  value: number;
  unit: 'ms' | 's' | 'KB' | 'req/s';
  /** The aim, as a bound the value must stay under (or, for req/s, reach), when there is one. */
  aim?: { max?: number; min?: number };
  /** The reference measured beside it in the same run (raw SQL, a bare route…). */
  reference?: { what: string; value: number };
  note?: string;
}

export const median = (xs: number[]) => pct(xs, 50);

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const num = (x: number, unit: Row['unit']) =>
  unit === 'req/s' || unit === 'KB' ? Math.round(x).toLocaleString('en') : x < 10 ? x.toFixed(2) : x.toFixed(1);

function aimText(r: Row): string {
  if (!r.aim) return '—';
  const bound = r.aim.max !== undefined ? `≤ ${num(r.aim.max, r.unit)}` : `≥ ${num(r.aim.min!, r.unit)}`;
  const met = (r.aim.max === undefined || r.value <= r.aim.max) && (r.aim.min === undefined || r.value >= r.aim.min);
  return `${bound} ${r.unit} — ${met ? '**met**' : '**not met**'}`;
}

export function renderTable(rows: Row[]): string {
  const lines = rows.map((r) => {
    const ref = r.reference ? `${r.reference.what}: ${num(r.reference.value, r.unit)} ${r.unit}` : '—';
    const ratio = r.reference && r.reference.value > 0 ? `${(r.value / r.reference.value).toFixed(2)}×` : '—';
    return `| ${r.what} | ${r.engine} | ${num(r.value, r.unit)} ${r.unit} | ${aimText(r)} | ${ref} | ${ratio} | ${r.note ?? ''} |`;
  });
  return ['| figure | engine | measured | aim | reference (same run) | ratio | note |', '|---|---|---|---|---|---|---|', ...lines].join('\n');
}

export function machine(): string {
  const [l1, l5] = loadavg();
  return `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, load average ${l1!.toFixed(1)} / ${l5!.toFixed(1)} (1 / 5 min) at the end`;
}
