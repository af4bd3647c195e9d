import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cells, readSheet, writeSheet, type SheetSpec } from './xlsx';

interface Row {
  unit: string;
  value: string;
  kind: 'a' | 'b';
  due: string | null;
}
const spec: SheetSpec<Row> = {
  name: '测试',
  notes: ['说明：带*为必填'],
  columns: [
    { key: 'unit', header: '单位', headerEn: 'Unit', required: true, parse: cells.text(20), example: '大庙街道' },
    { key: 'value', header: '累计值', headerEn: 'Value', required: true, parse: cells.decimal({ places: 4 }), example: '18.56' },
    { key: 'kind', header: '类别', headerEn: 'Kind', required: true, parse: cells.oneOf({ a: { zh: '甲', en: 'A' }, b: { zh: '乙', en: 'B' } }) },
    { key: 'due', header: '日期', headerEn: 'Date', parse: cells.date() },
  ],
};

async function sheet(rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx', () => {
  it('round-trips what it writes, decimals exact', async () => {
    const rows: Row[] = [
      { unit: '大庙街道', value: '18.56', kind: 'a', due: '2022-08-31' },
      { unit: '徐庄镇', value: '0.1', kind: 'b', due: null },
    ];
    const buf = await writeSheet(spec, rows, { example: true });
    const back = await readSheet(spec, buf);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => r.value)).toEqual(rows);
  });

  it('reports every bad cell with its Excel row, and nothing else', async () => {
    const buf = await sheet([
      ['单位*', '累计值*', '类别*', '日期'],
      ['大庙街道', '12.5', '甲', '2022/8/31'],
      ['', 'abc', '丙', '8月底'],
      ['东环街道', '1.23456', '乙', ''],
    ]);
    const { rows, errors } = await readSheet(spec, buf);
    expect(rows[0]!.value).toEqual({ unit: '大庙街道', value: '12.5', kind: 'a', due: '2022-08-31' });
    expect(errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
      [3, '单位', '“单位”不能为空'],
      [3, '累计值', '“累计值”应为数字'],
      [3, '类别', '“类别”应为以下之一：甲、乙'],
      [3, '日期', '“日期”应为日期，如 2022-08-31'],
      [4, '累计值', '“累计值”最多4位小数'],
    ]);
  });

  it('names a missing column, and refuses what is not a workbook', async () => {
    const buf = await sheet([['单位', '类别'], ['大庙街道', '甲']]);
    const { errors } = await readSheet(spec, buf);
    expect(errors[0]!.message.zh).toBe('缺少“累计值”列');
    await expect(readSheet(spec, Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'import.unreadable' });
  });
});
