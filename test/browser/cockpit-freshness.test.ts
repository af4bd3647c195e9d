// 驾驶舱 right after a write: the previous complete answer is shown at once with a mark
// (数据更新中 · 显示的是 HH:mm:ss 的数据) while the current one is computed, and the page asks
// again until it is current, when the mark goes and the write shows. The write is made
// straight in the database, as another API process would: this server learns of it from
// the zone's data version, so the first read after it meets the computation it starts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { CockpitPage } from './pages/CockpitPage';
import { countOf, textOf } from './pages/waits';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.signedIn('leader', 'xuzhou');
});
afterAll(async () => h?.close());

/** The freshness mark's text and 一般公共预算收入's card as one frame shows them, or null while unmarked. */
const MARKED_FRAME = `(() => {
  const mark = document.querySelector('[data-testid="ck-freshness"]');
  const gbr = document.querySelector('[data-testid="ind-gbr"]');
  return mark && gbr ? { mark: mark.innerText.trim(), gbr: gbr.innerText.trim() } : null;
})()`;

describe('驾驶舱 after a write', () => {
  it('marks the answer from before the write while the current one is computed, then shows the write unmarked', async () => {
    const cockpit = await new CockpitPage(page).open('2022-08');
    const mark = page.getByTestId('ck-freshness');
    const gbr = cockpit.indicator('gbr');
    const before = await textOf(gbr)();
    expect(await countOf(mark)()).toBe(0);
    await h.handle.query(
      `UPDATE figures SET value = value + 700 WHERE period = '2022-08'
         AND unit_id = (SELECT u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'xuzhou' AND u.code = 'damiao')
         AND indicator_id = (SELECT i.id FROM indicators i JOIN zones z ON z.id = i.zone_id WHERE z.code = 'xuzhou' AND i.code = 'gbr')`,
    );
    await page.getByRole('button', { name: /刷新/ }).click();
    // The mark and the figure are read in one frame of the page: both change when the
    // current answer comes, which on a loaded machine may be soon after the mark shows.
    const seen = await page.waitForFunction(MARKED_FRAME, undefined, { polling: 'raf', timeout: 20_000 });
    const shown = (await seen.jsonValue()) as { mark: string; gbr: string };
    expect(shown.mark).toMatch(/^数据更新中 · 显示的是 \d\d:\d\d:\d\d 的数据$/);
    // What is shown meanwhile is the answer from before the write.
    expect(shown.gbr).toBe(before);
    await expect.poll(countOf(mark)).toBe(0);
    await expect.poll(textOf(gbr)).not.toBe(before);
  });
});
