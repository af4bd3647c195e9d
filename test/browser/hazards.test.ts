// 隐患动态清零 in a real browser, on the Xuzhou demo zone pinned at 2022-08-31: the
// supervisor registers a hazard for 大庙街道 (deadline from its level), the unit signs
// for it and reports it rectified with a photo, the supervisor verifies and closes it
// (销号), and the counts on the page and on the cockpit follow.
import { Resvg } from '@resvg/resvg-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { chooseOption, openModal, submitModal } from './pages/antd';
import { ShellPage } from './pages/ShellPage';
import { CockpitPage } from './pages/CockpitPage';
import { HazardsPage } from './pages/HazardsPage';
import { notify } from '../../src/shared/notify';
import { attrOf, countOf, textOf, textsOf } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const PHOTO = Buffer.from(
  new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#e3f2fd"/><rect x="40" y="150" width="240" height="50" fill="#90a4ae"/><path d="M110 110 L150 150 L220 70" stroke="#2e7d32" stroke-width="16" fill="none"/></svg>',
  )
    .render()
    .asPng(),
);
const TITLE = '配电房电缆沟积水未设挡鼠板';

describe('隐患清零 in the browser', () => {
  let sup: Page;
  let unit: Page;
  let url = '';
  let remaining = 0;
  let rectified = 0;

  it('the supervisor sees the counts and registers a hazard; the deadline follows from its level', async () => {
    sup = await h.signedIn('supervisor');
    const list = await new HazardsPage(sup).open();
    // The demo's four open hazards, one overdue: the counts that the steps below change.
    await expect.poll(() => list.tile('remaining')).toBe(4);
    await expect.poll(() => list.tile('overdue')).toBe(1);
    remaining = await list.tile('remaining');
    rectified = await list.tile('rectified');
    await list.table.locator('.ant-table-row').first().waitFor();
    await h.screenshot(sup, 'hazards-list');

    await sup.getByTestId('hz-new').click();
    const form = sup.getByTestId('hz-register-form');
    await form.waitFor();
    await form.getByTestId('hz-form-title').fill(TITLE);
    await chooseOption(sup, 'unitId', '大庙街道');
    await form.getByTestId('hz-form-location').fill('大庙街道某机械厂配电房');
    await form.getByTestId('hz-form-detail').fill('安全生产百日攻坚行动检查发现：电缆沟积水，配电房门口未设挡鼠板。');
    await h.screenshot(sup, 'hazards-register');
    await submitModal(openModal(sup));
    await list.detail.waitFor();
    await expect.poll(() => sup.getByTestId('hz-title').innerText()).toBe(TITLE);
    // Found on the zone's date, Wednesday 31 August: 10 working days, 中秋 (12 Sep) off.
    await expect.poll(textOf(sup.getByTestId('hz-deadline'))).toBe('2022-09-15');
    await expect.poll(textOf(list.state)).toBe('已交办');
    url = new URL(sup.url()).pathname;

    await list.open();
    await expect.poll(() => list.tile('remaining')).toBe(remaining + 1);
  });

  it('the unit signs for it and reports it rectified with a photo', async () => {
    unit = await h.signedIn('xz-damiao');
    await unit.goto(url);
    const hazard = new HazardsPage(unit);
    await hazard.act('accept');
    await expect.poll(textOf(hazard.state)).toBe('整改中');

    // 补充整改材料 on the way: a note with a photo in the history, the state unchanged.
    await hazard.addEvidence(async (modal) => {
      await modal.getByTestId('hz-act-note').fill('积水已抽排一半，挡鼠板已订购。');
      await modal.locator('input[type=file]').setInputFiles({ name: '整改中.png', mimeType: 'image/png', buffer: PHOTO });
      await modal.getByTestId('hz-chosen').waitFor();
      await h.screenshot(unit, 'hazards-add-evidence');
    });
    await expect.poll(countOf(unit.getByTestId('hz-history').getByTestId('hz-evidence'))).toBe(1);
    await expect.poll(textOf(unit.getByTestId('hz-history'))).toContain('积水已抽排一半，挡鼠板已订购。');
    await expect.poll(textOf(hazard.state)).toBe('整改中');

    await hazard.act('report_done', async (modal) => {
      await modal.getByTestId('hz-act-note').fill('已抽排积水并加装挡鼠板，电缆沟封堵完毕。');
      await modal.locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PHOTO });
      await modal.getByTestId('hz-chosen').waitFor();
      await h.screenshot(unit, 'hazards-report-done');
    });
    await expect.poll(textOf(hazard.state)).toBe('待复核');
    // The unit cannot close its own hazard: no 复核销号 for it.
    await expect.poll(countOf(hazard.action('verify'))).toBe(0);
  });

  it('the supervisor verifies and closes it (销号), and the counts follow', async () => {
    await sup.goto(url);
    const hazards = new HazardsPage(sup);
    await expect.poll(countOf(sup.getByTestId('hz-evidence'))).toBe(2);
    await hazards.act('verify');
    await expect.poll(textOf(hazards.state)).toBe('已销号');
    // A closed record keeps what it was closed on: no more evidence.
    await expect.poll(countOf(hazards.addEvidenceButton)).toBe(0);
    await h.screenshot(sup, 'hazards-closed');

    await hazards.open();
    await expect.poll(() => hazards.tile('remaining')).toBe(remaining);
    await expect.poll(() => hazards.tile('rectified')).toBe(rectified + 1);

    await sup.getByTestId('hz-tab-counts').click();
    const row = hazards.unitCounts('大庙街道');
    // 大庙街道: the demo's two (one 重大 overdue, one just assigned) plus this one, closed.
    await expect.poll(textsOf(row.locator('td'))).toEqual(['大庙街道', '3', '1', '2', '1', '1']);
    const campaign = sup.getByTestId('hz-campaign').first();
    await expect.poll(attrOf(campaign.getByTestId('hz-clearance'), 'data-status')).toBe('open');
    await h.screenshot(sup, 'hazards-counts');
  });

  it('the cockpit shows the open, 重大 and overdue hazards', async () => {
    await sup.goto('/cockpit');
    const cockpit = await new CockpitPage(sup).lower();
    await expect.poll(() => cockpit.hazardTile('remaining')).toBe(remaining);
    await expect.poll(() => cockpit.hazardTile('major')).toBe(1);
    await cockpit.hazards.scrollIntoViewIfNeeded();
    await h.screenshot(sup, 'hazards-cockpit', { keepScroll: true });
  });

  it('the bell labels the watch’s 隐患临期 and 隐患逾期 notices, and one opens its hazard', async () => {
    // What the daily watch sends (test/hazards.test.ts runs the watch itself): the unit is told, linked to the hazard.
    const [hz] = await h.handle.query<{ id: string; zone_id: string; unit_id: string; title: string }>(
      `SELECT h.id, h.zone_id, h.unit_id, l.title FROM hazards h JOIN loop_items l ON l.id = h.loop_item_id JOIN units u ON u.id = h.unit_id WHERE u.code = 'damiao' AND l.state <> 'closed' ORDER BY h.found_on LIMIT 1`,
    );
    const link = `/hazards/${hz!.id}`;
    await notify(h.handle.db, { zoneId: hz!.zone_id, unitId: hz!.unit_id, kind: 'hazard.due', level: 'warning', title: `隐患将于2022-09-02到期：${hz!.title}（一般隐患）`, link, dedupeKey: 'browser:hazard:due' });
    await notify(h.handle.db, { zoneId: hz!.zone_id, unitId: hz!.unit_id, kind: 'hazard.overdue', level: 'danger', title: `隐患逾期1天：${hz!.title}（一般隐患）`, link, dedupeKey: 'browser:hazard:overdue' });
    const page = await h.signedIn('xz-damiao');
    await page.getByTestId('notification-bell').click();
    const entries = page.getByTestId('notification-entry').filter({ hasText: hz!.title });
    await expect.poll(() => entries.count()).toBe(2);
    await expect.poll(async () => (await textsOf(entries.getByTestId('notification-kind'))()).sort()).toEqual(['隐患临期', '隐患逾期']);
    await h.screenshot(page, 'hazards-bell');
    await entries.filter({ hasText: '隐患逾期1天' }).click();
    await page.waitForURL(`**${link}`);
    await page.getByTestId('hz-detail').waitFor();
    await new ShellPage(page).switchLanguage('en');
    await page.getByTestId('notification-bell').click();
    await expect.poll(() => page.getByTestId('notification-kind').allInnerTexts()).toEqual(expect.arrayContaining(['Hazard due soon', 'Hazard overdue']));
    await new ShellPage(page).switchLanguage('zh');
  });

  it('reads in English', async () => {
    await sup.goto('/hazards/counts');
    await new ShellPage(sup).switchLanguage('en');
    await sup.getByText('Counts and clearance').waitFor();
    await expect.poll(textOf(sup.getByTestId('hz-tile-remaining'))).toContain('Open hazards');
    await expect.poll(textOf(sup.getByTestId('hz-campaign').first())).toContain('Not cleared');
    await h.screenshot(sup, 'hazards-counts-en');
    await new ShellPage(sup).switchLanguage('zh');
    expect(h.pageErrors).toEqual([]);
  });
});
