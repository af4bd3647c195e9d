// 旬报 in a real browser (以旬保月), Xuzhou on 15 September 2022: 大庙街道's reporter
// finds the 旬报 of September above the month's form with only the 上旬 offered (the
// 中旬 not before 20 September), is refused a year to date below August's 下旬, saves
// one and sees its completion and 序时进度; August's dekads are there as the demo
// seeded them; the leader's cockpit shows 旬进度 without a partial total; on a
// 390 px phone nothing scrolls sideways.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startHarness, type Harness } from './harness';
import { ReportingPage } from './pages/ReportingPage';
import { countOf, textOf, valueOf, waitForText } from './pages/waits';

let h: Harness;
let page: Page;
let report: ReportingPage;
let augLast: number;
beforeAll(async () => {
  h = await startHarness({ clock: () => new Date('2022-09-15T02:00:00Z') });
  const [row] = await h.handle.query<{ v: string }>(
    `SELECT d.value::text AS v FROM dekad_figures d JOIN units u ON u.id = d.unit_id JOIN indicators i ON i.id = d.indicator_id
      WHERE u.code = 'damiao' AND i.code = 'fai' AND d.period = '2022-08' AND d.dekad = 3 AND u.zone_id = i.zone_id`,
  );
  augLast = Number(row!.v);
  page = await h.signedIn('xz-damiao');
  report = await new ReportingPage(page).open('2022-08');
  await report.dekadPanel.waitFor();
});
afterAll(async () => h?.close());

describe('旬报 in 月度填报', () => {
  it('offers September’s 上旬 only: no dekad after the zone’s date', async () => {
    await expect.poll(textOf(report.dekadPanel.locator('.ant-card-head-title'))).toContain('旬报 · 2022年9月');
    await report.dekadValue('fai', 1).waitFor();
    await expect.poll(countOf(page.getByTestId('dk-value-fai-2'))).toBe(0);
    await expect.poll(countOf(page.getByTestId('dk-value-fai-3'))).toBe(0);
    await expect.poll(textOf(page.getByTestId('dk-next-fai'))).toBe('中旬于9月20日后填报');
    // The zone's 规上工业增加值 is 经发局's to report: not on a sub-district's form.
    await expect.poll(countOf(page.getByTestId('dk-row-industrial_va'))).toBe(0);
    await expect.poll(textOf(page.getByTestId('dk-row-fai'))).toContain('8月下旬累计');
  });

  it('refuses a year to date below August’s 下旬, with the reason', async () => {
    await report.saveDekad('fai', 1, (augLast - 0.5).toFixed(2));
    await expect.poll(textOf(page.locator('.ant-message'))).toContain('低于8月下旬累计');
    await expect.poll(countOf(report.dekadProgress('fai', 1))).toBe(0);
  });

  it('saves the 上旬 and shows its completion and 序时进度', async () => {
    await report.saveDekad('fai', 1, (augLast + 0.8).toFixed(2));
    await expect.poll(countOf(report.dekadProgress('fai', 1))).toBe(1);
    // 10 September is day 253 of 365: 序时 69.3%.
    await expect.poll(textOf(report.dekadProgress('fai', 1))).toMatch(/^完成\d+\.\d% · 序时69\.3%$/);
    await h.screenshot(page, 'dekad-report');
  });

  it('shows August’s three dekads as reported', async () => {
    await page.getByTestId('dk-month').getByText('2022年8月').click();
    await expect.poll(valueOf(report.dekadValue('fai', 3))).toBe(augLast.toFixed(2));
    await expect.poll(countOf(page.getByTestId('dk-next-fai'))).toBe(0);
    await expect.poll(textOf(report.dekadProgress('fai', 3))).toContain('序时66.6%'); // 31 August: 243/365
  });
});

describe('旬进度 on the cockpit', () => {
  it('says how far the month has come by its latest dekad, without a partial total', async () => {
    const leader = await h.signedIn('leader');
    await leader.goto('/cockpit');
    await leader.getByTestId('ck-dekads').waitFor();
    await expect.poll(textOf(leader.getByTestId('ck-dekads').locator('.ant-card-head-title'))).toBe('旬进度 · 截至9月上旬（9月10日）');
    // Only 大庙街道 has reported September's 上旬 of 固定资产投资: no total, who is missing.
    const fai = await waitForText(leader.getByTestId('ck-dekad-fai'), '已报 1/6个单位');
    expect(fai).toContain('大黄山街道');
    expect(fai).not.toContain('累计');
    await h.handle.query(
      `INSERT INTO dekad_figures (zone_id, indicator_id, unit_id, period, dekad, value)
       SELECT i.zone_id, i.id, NULL, '2022-09', 1, 160.5 FROM indicators i JOIN zones z ON z.id = i.zone_id WHERE z.code = 'xuzhou' AND i.code = 'industrial_va'`,
    );
    await leader.reload();
    await expect.poll(textOf(leader.getByTestId('ck-dekad-industrial_va'))).toMatch(/截至上旬 累计 160\.50亿元，序时 69\.3%，完成 \d+\.\d%/);
    await leader.getByTestId('ck-dekads').scrollIntoViewIfNeeded();
    await h.screenshot(leader, 'dekad-cockpit', { keepScroll: true });
  });
});

describe('on a phone', () => {
  it('fits 390 px: nothing scrolls sideways', async () => {
    const phone = await h.signedIn('xz-damiao', 'xuzhou', PHONE);
    await phone.goto('/targets/report?period=2022-08');
    await phone.getByTestId('dk-value-fai-1').waitFor();
    await expect.poll(() => phone.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((v) => {
      const [sw, iw] = v as [number, number];
      return iw === 390 && sw <= iw;
    });
    // Every control of the 旬报 card is finger-sized (44 px, as the phone theme makes them).
    const heights = await phone.evaluate(`[...document.querySelectorAll('[data-testid=dk-panel] button, [data-testid=dk-panel] .ant-input, [data-testid=dk-panel] .ant-segmented-item')].map((el) => Math.round(el.getBoundingClientRect().height))`);
    expect((heights as number[]).length).toBeGreaterThanOrEqual(4);
    expect((heights as number[]).filter((x) => x < 43.5)).toEqual([]);
    await h.screenshot(phone, 'dekad-phone');
    const leader = await h.signedIn('leader', 'xuzhou', PHONE);
    await leader.goto('/cockpit');
    await leader.getByTestId('ck-dekads').waitFor();
    await expect.poll(() => leader.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((v) => {
      const [sw, iw] = v as [number, number];
      return iw === 390 && sw <= iw;
    });
  });
});
