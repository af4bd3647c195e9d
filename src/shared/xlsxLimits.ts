// An xlsx is a zip of XML parts; a small file can unpack to gigabytes and a million
// rows (a 7 MB upload once took 3.5 GB). Before ExcelJS parses anything, this reads
// the zip's own directory, refuses declared sizes over the limits, then unpacks each
// worksheet with a hard output cap and counts its rows and cells. Memory stays bounded
// by limits.importUnzippedBytes whatever the file claims.
import { inflateRawSync } from 'node:zlib';
import { AppError } from './errors';
import { limits } from './limits';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const unreadable = () => new AppError('import.unreadable');

const tooLarge = (zh: string, en: string, limit: number | string) => new AppError('import.too_large', { what: { zh, en }, limit });

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The central directory: every part's name, method and declared sizes. */
function zipEntries(data: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw unreadable();
    const nameLen = data.readUInt16LE(p + 28);
    entries.push({
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      name: data.toString('utf8', p + 46, p + 46 + nameLen),
      localOffset: data.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return entries;
}

/** A part's bytes, unpacked, never more than `cap` of them. */
function unpack(data: Buffer, e: Entry, cap: number): Buffer {
  const p = e.localOffset;
  if (p + 30 > data.length || data.readUInt32LE(p) !== 0x04034b50) throw unreadable();
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  const raw = data.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (raw.length > cap) throw tooLarge('解压后大小', 'unpacked size', mb(limits.importUnzippedBytes));
    return raw;
  }
  if (e.method !== 8) throw unreadable();
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('解压后大小', 'unpacked size', mb(limits.importUnzippedBytes));
    throw unreadable();
  }
}

/** Matches of a global regex, counted up to just past max. */
function countUpTo(xml: string, re: RegExp, max: number): number {
  let n = 0;
  re.lastIndex = 0;
  while (n <= max && re.exec(xml)) n++;
  return n;
}

/** Throws import.too_large (413) or import.unreadable (400) before any parsing. */
export function assertWorkbookWithinLimits(data: Buffer): void {
  if (data.length > limits.importFileBytes) throw tooLarge('文件大小', 'file size', mb(limits.importFileBytes));
  const entries = zipEntries(data);
  // 0xffffffff marks a ZIP64 size: far beyond any limit here.
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > limits.importUnzippedBytes) throw tooLarge('解压后大小', 'unpacked size', mb(limits.importUnzippedBytes));
  let budget = limits.importUnzippedBytes;
  let rows = 0;
  let cells = 0;
  for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name))) {
    const xml = unpack(data, e, budget).toString('latin1'); // tags are ASCII; text is not needed
    budget -= xml.length;
    rows += countUpTo(xml, /<(?:\w+:)?row[\s/>]/g, limits.importRows - rows);
    cells += countUpTo(xml, /<(?:\w+:)?c[\s/>]/g, limits.importCells - cells);
    if (rows > limits.importRows) throw tooLarge('行数', 'rows', limits.importRows);
    if (cells > limits.importCells) throw tooLarge('单元格数', 'cells', limits.importCells);
  }
}
