// 数据未齐 in a real browser: Xuzhou with September 2022 approved for one unit only.
// The leader still opens on August (complete); September is one click away, marked
// 未齐, and there 一般公共预算收入 shows 已报 1/n个单位 with no colour and no ranks.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { clickUntilShown, tableRows } from './pages/antd';
import { attrOf, countOf, rowsOf, textOf } from './pages/waits';
import { CockpitPage } from './pages/CockpitPage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    clock: () => new Date('2022-10-12T02:00:00Z'),
    // 东环街道's September revenue, approved; the other units have not reported.
    prepare: async (db) => {
      await db.query(`INSERT INTO figures (zone_id, indicator_id, unit_id, period, value, prev_year, state, approved_at)
        SELECT z.id, i.id, u.id, '2022-09', 6.72, 5.9, 'approved', now()
          FROM zones z JOIN indicators i ON i.zone_id = z.id AND i.code = 'gbr' JOIN units u ON u.zone_id = z.id AND u.code = 'donghuan'
         WHERE z.code = 'xuzhou'`);
    },
  });
});
afterAll(async () => h?.close());

describe('驾驶舱 of a partial month', () => {
  let page: Page;
  beforeAll(async () => {
    page = await h.signedIn('leader', 'xuzhou');
  });

  it('opens on the latest complete month and offers the newer one, marked 未齐', async () => {
    await page.goto('/cockpit');
    await page.getByTestId('ind-gbr').waitFor();
    await expect.poll(textOf(page.getByTestId('ck-period-label'))).toContain('2022年1—8月');
    await expect.poll(attrOf(page.getByTestId('ind-gbr'), 'data-status')).not.toBe('incomplete');
    await expect.poll(countOf(page.getByTestId('ck-incomplete'))).toBe(0);
    const newer = page.getByTestId('ck-newer');
    await expect.poll(textOf(newer)).toContain('未齐');
    await newer.click();
    await expect.poll(textOf(page.getByTestId('ck-period-label'))).toContain('2022年1—9月');
  });

  it('shows 已报 1/n个单位, no colour, no rank, and names the missing units', async () => {
    const card = page.getByTestId('ind-gbr');
    await expect.poll(attrOf(card, 'data-status')).toBe('incomplete');
    await expect.poll(textOf(page.getByTestId('ind-gbr-coverage'))).toMatch(/^已报 1\/\d+个单位$/);
    await expect.poll(textOf(page.getByTestId('ind-gbr-incomplete'))).toBe('未齐');
    await expect.poll(textOf(card)).not.toMatch(/慢于序时|快于序时|明显滞后|基本同步/);
    await expect.poll(textOf(page.getByTestId('ck-incomplete'))).toContain('大庙街道');
    await new CockpitPage(page).lower();
    await page.getByTestId('ck-ranking').waitFor();
    await expect.poll(rowsOf(page.getByTestId('ck-ranking'))).toEqual([]);
    await h.screenshot(page, 'cockpit-partial-month');
    await page.getByTestId('ind-gbr-value').click();
    await page.getByTestId('drill-incomplete').waitFor();
    await expect.poll(textOf(page.getByTestId('drill-incomplete'))).toContain('大庙街道');
    // At least one unit, and no rank in a field of one: the rank column holds only '—'.
    await expect.poll(async () => [...new Set((await tableRows(page.getByTestId('drill-units'))).map((r) => r[6]))]).toEqual(['—']);
    await h.screenshot(page, 'cockpit-partial-drill');
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-units').waitFor({ state: 'detached' });
  });

  it('goes back to the latest complete month in one click', async () => {
    // The drawer may still be fading out: click until August (with its 未齐 newer month offered) is shown.
    await clickUntilShown(() => page.getByTestId('ck-latest-complete').click(), page.getByTestId('ck-newer'), 5000);
    await expect.poll(textOf(page.getByTestId('ck-period-label'))).toContain('2022年1—8月');
  });
});

it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
