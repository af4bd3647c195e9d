// Excel in and out, for every domain: a sheet is described once by its columns;
// the same description writes the template, exports the data and reads an
// import, all-or-nothing, with every bad cell reported in words a clerk understands.
import ExcelJS from 'exceljs';
import { AppError } from './errors';
import { dec } from './decimal';
import { isIsoDate } from './calendar';
import { decimalInput } from './input';
import { limits } from './limits';
import { assertWorkbookWithinLimits } from './xlsxLimits';

export interface Texts {
  zh: string;
  en: string;
}
export type CellResult<V> = { ok: true; value: V } | { ok: false; message: Texts };

export interface Column<Row, K extends keyof Row = keyof Row> {
  key: K;
  /** The header clerks see (Chinese); the English one is accepted on import too. */
  header: string;
  headerEn: string;
  width?: number;
  required?: boolean;
  /** Shown in the template's second row. */
  example?: string | number;
  parse: (raw: string) => CellResult<Row[K]>;
  /** How the value is written on export (defaults to String). */
  format?: (value: Row[K]) => string | number | Date | null;
  /** Excel number format of the row's cell (e.g. decimalsFmt(2)). */
  numFmt?: (row: Row) => string | undefined;
}

/** The Excel number format showing `decimals` places: 0 → '0', 2 → '0.00'. */
export const decimalsFmt = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

export interface RowError {
  /** The sheet's own row number, as Excel shows it. */
  row: number;
  column?: string;
  value?: string;
  message: Texts;
}

const ok = <V>(value: V): CellResult<V> => ({ ok: true, value });
const bad = (zh: string, en: string): CellResult<never> => ({ ok: false, message: { zh, en } });

/** Cell parsers shared by every import. */
export const cells = {
  text: (max = 200) => (raw: string) => (raw.length > max ? bad(`不能超过${max}个字`, `at most ${max} characters`) : ok(raw)),
  /**
   * A decimal kept as an exact string (amounts are numeric in the database), checked by
   * the same rule as the JSON API (decimalInput: digits, places), so an import stores
   * nothing the API would refuse.
   */
  decimal: (opts: { min?: number; places?: number; digits?: number } = {}) => (raw: string) => {
    const cleaned = raw.replace(/,/g, '').replace(/，/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return bad('应为数字', 'must be a number');
    const d = dec(cleaned);
    if (opts.min !== undefined && d.lt(opts.min)) return bad(`不能小于${opts.min}`, `must be at least ${opts.min}`);
    if (opts.places !== undefined && d.decimalPlaces() > opts.places) return bad(`最多${opts.places}位小数`, `at most ${opts.places} decimals`);
    const digits = opts.digits ?? 14;
    if (!decimalInput({ places: opts.places ?? 20, digits, min: null }).safeParse(cleaned).success) return bad(`整数部分最多${digits}位`, `at most ${digits} digits before the point`);
    return ok(d.toString());
  },
  integer: (opts: { min?: number; max?: number } = {}) => (raw: string) => {
    if (!/^-?\d+$/.test(raw)) return bad('应为整数', 'must be a whole number');
    const n = Number(raw);
    if (opts.min !== undefined && n < opts.min) return bad(`不能小于${opts.min}`, `must be at least ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) return bad(`不能大于${opts.max}`, `must be at most ${opts.max}`);
    return ok(n);
  },
  date: () => (raw: string) => {
    const m = raw.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
    const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : raw;
    return isIsoDate(iso) ? ok(iso) : bad('应为日期，如 2022-08-31', 'must be a date such as 2022-08-31');
  },
  /** One of a list, by its Chinese or English label. */
  oneOf: <V extends string>(choices: Record<V, Texts>) => (raw: string) => {
    for (const [value, label] of Object.entries(choices) as [V, Texts][]) {
      if (raw === label.zh || raw.toLowerCase() === label.en.toLowerCase() || raw === value) return ok(value);
    }
    const list = Object.values<Texts>(choices);
    return bad(`应为以下之一：${list.map((l) => l.zh).join('、')}`, `must be one of: ${list.map((l) => l.en).join(', ')}`);
  },
  yesNo: () => (raw: string) =>
    ['是', 'Y', 'y', 'yes', '1', 'true', '√'].includes(raw) ? ok(true) : ['否', 'N', 'n', 'no', '0', 'false', ''].includes(raw) ? ok(false) : bad('应为“是”或“否”', 'must be yes or no'),
};

/** A cell's value as the text a person sees in it. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
  }
  if (typeof v === 'number') return String(v);
  return String(v).trim();
}

export interface SheetSpec<Row> {
  name: string;
  columns: Column<Row>[];
  /** Rows of notes above the header (the template's instructions). */
  notes?: string[];
}

/** Writes a workbook: a header row, an optional example row, then the rows. */
export async function writeSheet<Row>(spec: SheetSpec<Row>, rows: Row[], opts: { example?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian 攻坚';
  addSheet(wb, spec, rows, opts);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet of a workbook with several, each from its own column spec (`sheetOf`). */
export interface SheetPart {
  addTo(wb: ExcelJS.Workbook): void;
}
export const sheetOf = <Row>(spec: SheetSpec<Row>, rows: Row[]): SheetPart => ({ addTo: (wb) => addSheet(wb, spec, rows) });

/**
 * Writes a workbook of several sheets, in order (an export with its details: the first
 * sheet is the one an import reads, so such a file still imports).
 */
export async function writeSheets(parts: SheetPart[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian 攻坚';
  for (const p of parts) p.addTo(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet<Row>(wb: ExcelJS.Workbook, spec: SheetSpec<Row>, rows: Row[], opts: { example?: boolean } = {}) {
  const ws = wb.addWorksheet(spec.name);
  for (const note of spec.notes ?? []) {
    const r = ws.addRow([note]);
    r.font = { color: { argb: 'FF888888' }, italic: true };
  }
  const header = ws.addRow(spec.columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC0392B' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  spec.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? Math.max(12, c.header.length * 2 + 4)));
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  if (opts.example) {
    const r = ws.addRow(spec.columns.map((c) => c.example ?? ''));
    r.font = { color: { argb: 'FF999999' } };
    r.getCell(1).note = '示例行，导入时请删除或覆盖 / example row: delete or overwrite';
  }
  for (const row of rows) {
    const r = ws.addRow(spec.columns.map((c) => (c.format ? c.format(row[c.key]) : ((row[c.key] ?? '') as string))));
    spec.columns.forEach((c, i) => {
      const fmt = c.numFmt?.(row);
      if (fmt) r.getCell(i + 1).numFmt = fmt;
    });
  }
}

/**
 * Reads every data row; all-or-nothing: either every row parses, or the whole
 * list of errors comes back and the caller writes nothing.
 */
export async function readSheet<Row>(
  spec: SheetSpec<Row>,
  data: Buffer,
): Promise<{ rows: { row: number; value: Row }[]; errors: RowError[] }> {
  assertWorkbookWithinLimits(data); // before ExcelJS holds the whole workbook in memory
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.unreadable');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('import.unreadable');
  // The header row is the first row naming a required column.
  const norm = (s: string) => s.replace(/[*＊\s]/g, '').toLowerCase();
  let headerRow = 0;
  const colIndex = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (headerRow) return;
    const texts = (row.values as ExcelJS.CellValue[]).map((v) => norm(cellText(v)));
    const hits = spec.columns.filter((c) => texts.includes(norm(c.header)) || texts.includes(norm(c.headerEn)));
    if (hits.length >= Math.max(1, Math.ceil(spec.columns.filter((c) => c.required).length / 2))) {
      headerRow = n;
      for (const c of spec.columns) {
        const i = texts.findIndex((t) => t === norm(c.header) || t === norm(c.headerEn));
        if (i > 0) colIndex.set(String(c.key), i);
      }
    }
  });
  const errors: RowError[] = [];
  if (!headerRow) {
    errors.push({ row: 1, message: { zh: '找不到表头，请使用下载的模板', en: 'No header row found; use the downloaded template' } });
    return { rows: [], errors };
  }
  for (const c of spec.columns) {
    if (c.required && !colIndex.has(String(c.key))) {
      errors.push({ row: headerRow, column: c.header, message: { zh: `缺少“${c.header}”列`, en: `Missing column "${c.headerEn}"` } });
    }
  }
  if (errors.length) return { rows: [], errors };

  const rows: { row: number; value: Row }[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const raw = spec.columns.map((c) => {
      const i = colIndex.get(String(c.key));
      return i ? cellText(row.getCell(i).value) : '';
    });
    if (raw.every((r) => r === '')) return;
    if (row.getCell(1).note && String(row.getCell(1).note).includes('示例行')) return;
    const value = {} as Row;
    spec.columns.forEach((c, i) => {
      const text = raw[i]!;
      if (text === '') {
        if (c.required) errors.push({ row: n, column: c.header, message: { zh: `“${c.header}”不能为空`, en: `"${c.headerEn}" is required` } });
        else (value as Record<string, unknown>)[String(c.key)] = null;
        return;
      }
      const r = c.parse(text);
      if (r.ok) (value as Record<string, unknown>)[String(c.key)] = r.value;
      else errors.push({ row: n, column: c.header, value: text.slice(0, limits.importErrorValueChars), message: { zh: `“${c.header}”${r.message.zh}`, en: `"${c.headerEn}" ${r.message.en}` } });
    });
    rows.push({ row: n, value });
  });
  if (rows.length === 0 && errors.length === 0) throw new AppError('import.empty');
  return { rows, errors };
}
