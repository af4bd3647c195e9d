// The checks that run before ExcelJS sees an upload: generated workbooks, small on
// disk, over each limit; a zip that lies about its sizes; something that is no zip.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { limits } from './limits';
import { assertWorkbookWithinLimits } from './xlsxLimits';
import { readSheet, cells, type SheetSpec } from './xlsx';

async function workbook(rows: number, cols = 2): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(Array.from({ length: cols }, (_, i) => `列${i}`));
  for (let r = 1; r < rows; r++) ws.addRow(Array.from({ length: cols }, (_, i) => r * cols + i));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('assertWorkbookWithinLimits', () => {
  it('lets an ordinary workbook through', async () => {
    expect(() => assertWorkbookWithinLimits(Buffer.from([]))).toThrow(AppError);
    const ok = await workbook(500, 10);
    expect(() => assertWorkbookWithinLimits(ok)).not.toThrow();
  });

  it('refuses one row over the row limit, from a file of a few hundred KB', async () => {
    const data = await workbook(limits.importRows + 1, 1);
    expect(data.length).toBeLessThan(1024 * 1024);
    const e = refused(() => assertWorkbookWithinLimits(data));
    expect(e.code).toBe('import.too_large');
    expect(e.status).toBe(413);
    expect(e.localized('zh')).toContain(`行数超过上限${limits.importRows}`);
    expect(e.localized('en')).toContain(`rows over the limit of ${limits.importRows}`);
  });

  it('refuses more cells than the cell limit in fewer rows', async () => {
    const zip = await JSZip.loadAsync(await workbook(3));
    const row = `<row>${'<c t="n"><v>1</v></c>'.repeat(Math.ceil(limits.importCells / 100) + 1)}</row>`;
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${row.repeat(100)}</sheetData></worksheet>`);
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(refused(() => assertWorkbookWithinLimits(data)).localized('en')).toContain('cells over the limit');
  });

  it('refuses a zip whose parts unpack past the limit, before unpacking them', async () => {
    const zip = await JSZip.loadAsync(await workbook(3));
    zip.file('xl/media/padding.bin', Buffer.alloc(limits.importUnzippedBytes + 1));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(limits.importFileBytes);
    expect(refused(() => assertWorkbookWithinLimits(bomb)).localized('en')).toContain('unpacked size');
  });

  it('refuses a worksheet that unpacks past what its directory declared', async () => {
    const zip = await JSZip.loadAsync(await workbook(3));
    const sheet = Buffer.from(`<worksheet><sheetData>${'<x/>'.repeat(limits.importUnzippedBytes / 4 + 10)}</sheetData></worksheet>`);
    zip.file('xl/worksheets/sheet1.xml', sheet);
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Lie in the central directory: declare the sheet 1 KB unpacked.
    const cd = data.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(data.readUInt32LE(cd)).toBe(0x02014b50);
    data.writeUInt32LE(1024, cd + 24);
    expect(refused(() => assertWorkbookWithinLimits(data)).localized('en')).toContain('unpacked size');
  });

  it('refuses a file over the upload limit and something that is no zip', () => {
    expect(refused(() => assertWorkbookWithinLimits(Buffer.alloc(limits.importFileBytes + 1))).localized('zh')).toContain('文件大小');
    expect(refused(() => assertWorkbookWithinLimits(Buffer.from('not a spreadsheet at all, just text'))).code).toBe('import.unreadable');
  });
});

describe('readSheet', () => {
  const spec: SheetSpec<{ n: number }> = { name: 's', columns: [{ key: 'n', header: '列0', headerEn: 'n', required: true, parse: cells.integer() }] };

  it('checks the limits before parsing, and repeats a bad cell only in part', async () => {
    await expect(readSheet(spec, await workbook(limits.importRows + 1, 1))).rejects.toMatchObject({ code: 'import.too_large' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['列0']);
    ws.addRow(['x'.repeat(5000)]);
    const { errors } = await readSheet(spec, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.value!.length).toBe(limits.importErrorValueChars);
  });
});
