import { describe, expect, it } from 'vitest';
import { progressBar } from './cliProgress';

const sink = (isTTY: boolean) => {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, columns: 60, write: (c: string) => chunks.push(c) } };
};

describe('progressBar', () => {
  it('redraws one line on a terminal and ends it once', async () => {
    const { chunks, out } = sink(true);
    const bar = progressBar('备份 backup', out);
    await bar(0, 'zones');
    await bar(50, 'figures');
    await bar(150, 'done');
    bar.done();
    expect(chunks.slice(0, 3).every((c) => c.startsWith('\r\x1b[2K'))).toBe(true);
    expect(chunks[1]).toContain('[############------------]  50% figures');
    expect(chunks[2]).toContain('100%'); // clamped
    expect(chunks.at(-1)).toBe('\n');
    expect(chunks.every((c) => c.replace('\r\x1b[2K', '').length <= 59)).toBe(true);
  });

  it('writes one plain line per new step when not a terminal', async () => {
    const { chunks, out } = sink(false);
    const bar = progressBar('restore', out);
    await bar(10, 'zones');
    await bar(12, 'zones');
    await bar(40, 'figures');
    bar.done();
    expect(chunks).toEqual(['restore  10% zones\n', 'restore  40% figures\n']);
  });
});
