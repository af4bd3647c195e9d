// The zone's date in a real browser, on the real clock (whatever the machine's
// calendar says): the demo zone xuzhou replays 2022 as of 2022-08-31, says so in a
// quiet banner, opens the battle map on 2022 with its projects, judges the 督办
// tasks as of that day, and the administrator can clear and re-pin the date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../src/shared/calendar';
import { startHarness, type Harness } from './harness';
import { ProjectsPage } from './pages/ProjectsPage';
import { SupervisionPage } from './pages/SupervisionPage';
import { ZoneDatePage } from './pages/ZoneDatePage';
import { textOf, waitForText } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());


describe('the zone date in the browser', () => {
  it('opens the xuzhou Gantt on 2022 with its projects, without choosing a year', async () => {
    const page = await h.signedIn('leader');
    await expect.poll(textOf(new ZoneDatePage(page).banner)).toBe('演示数据 · 业务日期 2022-08-31');
    const map = await new ProjectsPage(page).openMap();
    const counts = map.statusCounts;
    await expect.poll(textOf(counts)).toContain('业务日期 2022-08-31');
    await expect.poll(textOf(counts)).toContain('项目总数 11');
    // Not every project is 滞后 (behind): the plan is judged as of the zone's date.
    const behind = Number((await waitForText(counts, /滞后\s*\d+/)).match(/滞后\s*(\d+)/)![1]);
    expect(behind).toBeLessThan(11);
    // The year picker offers the data's year and shows it chosen.
    await page.getByTestId('filter-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2022' }).first().waitFor();
    await page.keyboard.press('Escape');
    await h.screenshot(page, 'zone-date-01-xuzhou-gantt');
  });

  it('shows the 督办 tasks as of the zone date: not all red, no thousand-day overdue', async () => {
    const page = await h.signedIn('supervisor');
    const sv = await new SupervisionPage(page).openTasks();
    // Both counts read together on each poll, so a late one is compared with the total it belongs to.
    await expect.poll(async () => ({ total: await sv.count('total'), late: await sv.count('late') })).toSatisfy(({ total, late }) => total > 10 && late < total / 2);
    // The list is drawn (its first row waited for above): no task reads as a thousand days late.
    expect(await page.locator('body').innerText()).not.toMatch(/逾期\d{3,}天/);
    await h.screenshot(page, 'zone-date-02-supervision-tasks');
  });

  it('lets the administrator clear and re-pin the date; the banner follows', async () => {
    const page = await h.signedIn('admin');
    const zd = await new ZoneDatePage(page).open();
    await expect.poll(textOf(zd.current)).toBe('固定于 2022-08-31');
    await zd.clear();
    await expect.poll(textOf(zd.current)).toBe(`实时（今天） ${today()}`);
    await zd.banner.waitFor({ state: 'detached' });
    await zd.pin('2022-08-31');
    await expect.poll(textOf(zd.current)).toBe('固定于 2022-08-31');
    await expect.poll(textOf(zd.banner)).toBe('演示数据 · 业务日期 2022-08-31');
    await h.screenshot(page, 'zone-date-03-admin');
    expect(h.pageErrors).toEqual([]);
  });
});
