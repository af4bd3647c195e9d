// The report form's checks in a real browser (issue #11, items 4–5), Xuzhou on
// 8 October 2022 with September due: 东环街道's reporter types a year to date below
// August's (a warning, a note required before 报送), a word for a number (the
// reason shown, the grey button explained), sees 同比 / 完成 / 序时 while typing,
// and submits part of the month after confirming the list of what is left; the
// bell shows one overdue task once, with its count.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/shared/notify';
import { startHarness, type Harness } from './harness';
import { ReportingPage } from './pages/ReportingPage';
import { countOf, disabledOf, textOf, valueOf, waitForText } from './pages/waits';

let h: Harness;
let page: Page;
let report: ReportingPage;
beforeAll(async () => {
  h = await startHarness({ clock: () => new Date('2022-10-08T02:00:00Z') });
  page = await h.signedIn('xz-donghuan');
  report = await new ReportingPage(page).open('2022-09');
});
afterAll(async () => h?.close());

describe('the report form checks while the clerk types', () => {
  it('a year to date below last month’s is flagged and needs a note before it can be submitted', async () => {
    await report.value('gbr').fill('0.01');
    await expect.poll(textOf(report.warning('gbr'))).toContain('低于上月累计');
    await expect.poll(textOf(page.getByTestId('rp-why-note'))).toBe('1项须在备注中说明后才能报送');
    await expect.poll(disabledOf(page.getByTestId('rp-submit'))).toBe(true);
    await page.getByTestId('rp-note-gbr').fill('退库冲减');
    await expect.poll(() => page.getByTestId('rp-why-note').count()).toBe(0);
    await expect.poll(disabledOf(page.getByTestId('rp-submit'))).toBe(false);
  });

  it('a word for a number says why, and why the buttons are grey', async () => {
    await page.getByTestId('rp-value-tax').fill('abc');
    await expect.poll(() => page.getByTestId('rp-reason-tax').innerText()).toBe('请输入数字，如 12.34');
    await expect.poll(textOf(page.getByTestId('rp-why-invalid'))).toBe('1项不是有效数字');
    await expect.poll(disabledOf(page.getByTestId('rp-submit'))).toBe(true);
    await expect.poll(disabledOf(page.getByTestId('rp-save'))).toBe(true);
    await page.getByTestId('rp-value-tax').fill('');
    await expect.poll(() => page.getByTestId('rp-reason-tax').count()).toBe(0);
  });

  it('shows 同比, 完成率 and the gap to 序时进度 of what is typed', async () => {
    await report.value('gbr').fill('4');
    await report.prevYear('gbr').fill('2');
    const live = await waitForText(report.live('gbr'), '同比+100.0%');
    expect(live).toMatch(/完成\d+\.\d%/);
    expect(live).toMatch(/序时[+-]\d+\.\d/);
    await h.screenshot(page, 'reporting-checks-live');
  });

  it('a partial submission lists what is left and goes through once confirmed', async () => {
    await report.value('gbr').fill('0.01');
    await report.submit.click();
    const list = page.getByTestId('rp-partial-list');
    // The list is drawn once it names what is left; then it must not name what was filled.
    const left = await waitForText(list, '税收');
    expect(left).not.toContain('一般公共预算收入');
    await h.screenshot(page, 'reporting-checks-partial');
    await page.getByTestId('rp-partial-ok').click();
    await expect.poll(() => page.getByTestId('rp-state-gbr').innerText()).toBe('已报送');
    await expect.poll(valueOf(page.getByTestId('rp-value-tax'))).toBe('');
  });
});

describe('the bell', () => {
  it('shows one overdue task once, with the number of warnings about it', async () => {
    const [u] = await h.handle.query<{ zone_id: string; id: string }>(
      `SELECT u.zone_id, u.id FROM units u JOIN zones z ON z.id = u.zone_id WHERE z.code = 'xuzhou' AND u.code = 'donghuan'`,
    );
    const { zone_id: zoneId, id: unitId } = u!;
    const link = '/supervision/tasks/00000000-0000-4000-8000-00000000abcd';
    for (const d of [1, 2, 3]) {
      await notify(h.handle.db, { zoneId, unitId, kind: 'supervision.red', level: 'danger', title: `任务逾期${d}天：测试督办任务`, link, dedupeKey: `browser:${d}` });
    }
    await page.reload();
    await page.getByTestId('notification-bell').click();
    const entries = page.getByTestId('notification-entry').filter({ hasText: '测试督办任务' });
    await entries.first().waitFor();
    await expect.poll(countOf(entries)).toBe(1);
    await expect.poll(textOf(entries.first())).toContain('任务逾期3天：测试督办任务');
    await expect.poll(textOf(entries.first().getByTestId('notification-count'))).toBe('×3');
    await h.screenshot(page, 'notifications-grouped');
  });
});
