// 驾驶舱 in a real browser on the demo zones: Xuzhou's August 2022 with the units'
// colours, charts against the time-progress line, ranks and rank changes, the units
// behind and the 冲刺100天 countdown; a drill-down to a unit's months; English.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { ShellPage } from './pages/ShellPage';
import { tableRows } from './pages/antd';
import { CockpitPage } from './pages/CockpitPage';
import { attrOf, rowsOf, textOf } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('驾驶舱 (Xuzhou 2022)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await h.signedIn('leader', 'xuzhou');
  });

  it('opens on the latest month with figures, with every colour among the units', async () => {
    const cockpit = await new CockpitPage(page).open();
    await expect.poll(textOf(cockpit.periodLabel)).toContain('2022年1—8月');
    await expect.poll(textOf(cockpit.timeProgress)).toBe('66.6%');
    // ECharts loads when the charts come near (at 1440×900 they begin below the first screen).
    const chart = await cockpit.chart('chart-gbr');
    // Its tooltip loads at the first hover, then shows a unit's share under the pointer.
    const plot = chart.locator('[data-tooltip]');
    await plot.hover();
    await expect.poll(attrOf(plot, 'data-tooltip')).toBe('ready');
    const size = (await plot.boundingBox())!;
    let nudge = 0;
    await expect
      .poll(async () => {
        nudge = 1 - nudge; // a move, so ECharts looks again
        await plot.hover({ position: { x: size.width / 2 + nudge, y: size.height / 2 } });
        return plot.innerText();
      })
      .toMatch(/\d%/);
    await page.mouse.move(0, 0);
    await h.screenshot(page, 'cockpit-xuzhou');
    await cockpit.lower();
    await cockpit.ranking.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await rowsOf(cockpit.ranking)()).length).toBeGreaterThanOrEqual(6);
    await h.screenshot(page, 'cockpit-xuzhou-ranking', { keepScroll: true });
    expect((await tableRows(cockpit.ranking))[0]![1]).toBe('1');
    await expect.poll(async () => (await rowsOf(cockpit.behind)()).length).toBeGreaterThan(0);
    await expect.poll(textOf(cockpit.countdown)).toContain('剩余');
    // The supervision lights of today: the counts, and the units to chase, each opening its tasks.
    const sv = cockpit.supervision;
    await sv.getByTestId('ck-sv-late').waitFor();
    await expect.poll(textOf(sv.getByTestId('ck-sv-late'))).toMatch(/^逾期 \d+$/);
    await sv.scrollIntoViewIfNeeded();
    await h.screenshot(page, 'cockpit-xuzhou-supervision', { keepScroll: true });
    const first = sv.locator('.ant-table-row a').first();
    const unit = await textOf(first)();
    expect(unit).not.toBe('');
    await first.click();
    await page.waitForURL('**/supervision/tasks?**');
    expect(decodeURIComponent(page.url())).toContain(`groupLabel=${unit}`);
    await cockpit.open();
  });

  it('drills down from a zone figure to its units and to a unit’s months', async () => {
    const cockpit = new CockpitPage(page);
    await cockpit.drill('gbr');
    await cockpit.drillUnits.locator('.ant-table-row').first().locator('button').click();
    const months = cockpit.drillMonths;
    await expect.poll(async () => (await rowsOf(months)()).map((r) => r[0])).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08']);
    expect((await tableRows(months))[0]![3]).toBe('已审核');
    await h.screenshot(page, 'cockpit-drill');
    await page.keyboard.press('Escape');
    await cockpit.drillMonths.waitFor({ state: 'detached' });
  });

  it('reads in English', async () => {
    await new ShellPage(page).switchLanguage('en');
    await page.getByText('Key indicators').waitFor();
    await expect.poll(textOf(new CockpitPage(page).periodLabel)).toContain('Jan–Aug 2022');
    await h.screenshot(page, 'cockpit-xuzhou-en');
    await new ShellPage(page).switchLanguage('zh');
  });
});

it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
