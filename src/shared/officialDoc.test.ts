import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { bodyPara, dataTable, officialDocx, TABLE_STYLES } from './officialDoc';

async function parts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  return { document: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string') };
}

describe('data tables of official documents', () => {
  it('declares the cell styles once in styles.xml and has every cell name one, with no fonts of its own', async () => {
    const buf = await officialDocx({
      title: 't',
      creator: 'c',
      children: [
        bodyPara('正文'),
        dataTable(
          ['单位', '完成率（%）'],
          [
            ['甲街道', '98.5'],
            ['乙&丙<局>', ''],
          ],
          [3, 1],
        ),
      ],
    });
    const { document, styles } = await parts(buf);
    const style = (id: string) => styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`))?.[0] ?? '';
    // 黑体 五号 headings, 仿宋 小四 cells, both centred, at least 16 pt a line, 28 characters to a line's spacing.
    expect(style(TABLE_STYLES.head)).toContain('w:eastAsia="黑体"');
    expect(style(TABLE_STYLES.head)).toContain('<w:sz w:val="21"/>');
    expect(style(TABLE_STYLES.text)).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style(TABLE_STYLES.text)).toContain('<w:sz w:val="24"/>');
    for (const id of Object.values(TABLE_STYLES)) {
      expect(style(id)).toContain('<w:jc w:val="center"/>');
      expect(style(id)).toContain('<w:spacing w:line="320" w:lineRule="atLeast"/>');
      expect(style(id)).toContain('<w:spacing w:val="-5"/>');
    }

    const table = document.match(/<w:tbl>.*<\/w:tbl>/)?.[0] ?? '';
    const cells = table.match(/<w:tc>.*?<\/w:tc>/g) ?? [];
    expect(cells).toHaveLength(6);
    expect(cells.slice(0, 2).every((c) => c.includes(`<w:pStyle w:val="${TABLE_STYLES.head}"/>`))).toBe(true);
    expect(cells.slice(2).every((c) => c.includes(`<w:pStyle w:val="${TABLE_STYLES.text}"/>`))).toBe(true);
    expect(table).not.toContain('<w:rPr>');
    expect(table).not.toContain('<w:tcMar>');
    // Cell margins, rules, the repeated heading row, rows kept whole.
    expect(table).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar>');
    expect(table).toContain('<w:insideV w:val="single" w:color="auto" w:sz="4"/>');
    expect(table.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(table.match(/<w:cantSplit\/>/g)).toHaveLength(2);
    // The unit in brackets on its own line; text escaped; an empty cell stays a cell.
    expect(cells[1]).toContain('<w:t xml:space="preserve">完成率</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">（%）</w:t>');
    expect(table.replace(/<[^>]+>/g, '')).toBe('单位完成率（%）甲街道98.5乙&amp;丙&lt;局&gt;');
    // Widths 3 : 1 of the whole width: pct in fiftieths of a percent (5000 = 100 %), the grid the type area's twips.
    const [a, b] = [...table.matchAll(/<w:tcW w:type="pct" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect([a, b]).toEqual([3750, 1250]);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid[0]! + grid[1]!).toBeCloseTo((156 / 25.4) * 1440, -1);
  });
});
