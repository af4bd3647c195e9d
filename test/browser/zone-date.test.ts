// The zone's date in a real browser, on the real clock (whatever the machine's
// calendar says): the demo zone xuzhou replays 2022 as of 2022-08-31, says so in a
// quiet banner, opens the battle map on 2022 with its projects, judges the 督办
// tasks as of that day, and the administrator can clear and re-pin the date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../src/shared/calendar';
import { startHarness, type Harness } from './harness';
import { textOf } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const count = async (page: Awaited<ReturnType<Harness['signedIn']>>, key: string) =>
  Number(await page.getByTestId(`sv-count-${key}`).locator('.ant-statistic-content-value').innerText());

describe('the zone date in the browser', () => {
  it('opens the xuzhou Gantt on 2022 with its projects, without choosing a year', async () => {
    const page = await h.signedIn('leader');
    await expect.poll(() => page.getByTestId('zone-date-banner').innerText()).toBe('演示数据 · 业务日期 2022-08-31');
    await page.goto('/projects/map');
    await page.getByTestId('gantt').waitFor();
    const counts = page.getByTestId('status-counts');
    await expect.poll(() => counts.innerText()).toContain('业务日期 2022-08-31');
    await expect.poll(textOf(counts)).toContain('项目总数 11');
    // Not every project is 滞后 (behind): the plan is judged as of the zone's date.
    const behind = Number((await counts.innerText()).match(/滞后\s*(\d+)/)![1]);
    expect(behind).toBeLessThan(11);
    // The year picker offers the data's year and shows it chosen.
    await page.getByTestId('filter-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2022' }).first().waitFor();
    await page.keyboard.press('Escape');
    await h.screenshot(page, 'zone-date-01-xuzhou-gantt');
  });

  it('shows the 督办 tasks as of the zone date: not all red, no thousand-day overdue', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/supervision/tasks');
    await page.getByTestId('sv-tasks').locator('tr.ant-table-row').first().waitFor();
    const total = await count(page, 'total');
    const late = await count(page, 'late');
    expect(total).toBeGreaterThan(10);
    expect(late).toBeLessThan(total / 2);
    expect(await page.locator('body').innerText()).not.toMatch(/逾期\d{3,}天/);
    await h.screenshot(page, 'zone-date-02-supervision-tasks');
  });

  it('lets the administrator clear and re-pin the date; the banner follows', async () => {
    const page = await h.signedIn('admin');
    await page.goto('/system/zone');
    await expect.poll(() => page.getByTestId('zone-date-current').innerText()).toBe('固定于 2022-08-31');
    await page.getByTestId('zone-date-clear').click();
    await expect.poll(() => page.getByTestId('zone-date-current').innerText()).toBe(`实时（今天） ${today()}`);
    await page.getByTestId('zone-date-banner').waitFor({ state: 'detached' });
    const input = page.locator('input[data-testid="zone-date-input"]:visible, [data-testid="zone-date-input"] input:visible').first();
    await input.click();
    await input.fill('2022-08-31');
    await input.press('Enter');
    await page.getByTestId('zone-date-pin').click();
    await expect.poll(() => page.getByTestId('zone-date-current').innerText()).toBe('固定于 2022-08-31');
    await expect.poll(() => page.getByTestId('zone-date-banner').innerText()).toBe('演示数据 · 业务日期 2022-08-31');
    await h.screenshot(page, 'zone-date-03-admin');
    expect(h.pageErrors).toEqual([]);
  });
});
