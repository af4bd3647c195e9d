// 统计来源 in the indicator catalogue (issue 15 item 6, issue 16 part 3): Xuzhou's
// supervisor sees which count fills each system-filled indicator, adds an indicator of
// the zone's own code and binds it to 竣工投产 by choosing a source; the binding is
// stored on the indicator (indicators.feed). A source is asked for only when the
// indicator is system-filled, and required then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { chooseOption, openModal, submitModal } from './pages/antd';
import { countOf, textOf } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const feedOf = async (code: string) =>
  (await h.handle.query<{ fill_method: string; feed: string | null }>(`SELECT i.fill_method, i.feed FROM indicators i JOIN zones z ON z.id = i.zone_id WHERE z.code = 'xuzhou' AND i.code = $1`, [code]))[0];

describe('choosing a data source in the catalogue', () => {
  it('shows the bound counts, and binds a new indicator of the zone’s own code', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/targets/catalogue');
    const table = page.getByTestId('ind-table');
    await table.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('ind-feed-started_projects').waitFor();
    await expect.poll(textOf(page.getByTestId('ind-feed-started_projects'))).toBe('新开工项目数');
    await expect.poll(textOf(page.getByTestId('ind-feed-net_hightech'))).toBe('净增高新技术企业');

    await page.getByTestId('ind-add').click();
    const modal = openModal(page);
    await modal.locator('#indicator_code').waitFor();
    await modal.locator('#indicator_code').fill('wancheng_touchan');
    await modal.locator('#indicator_name').fill('本区竣工投产项目');
    await modal.locator('#indicator_measure').fill('个');
    await chooseOption(page, 'indicator_kind', '计数');
    // Filled by hand: no source asked.
    await expect.poll(countOf(modal.locator('#indicator_feed'))).toBe(0);
    await chooseOption(page, 'indicator_fillMethod', '系统统计');
    await modal.locator('#indicator_feed').waitFor({ state: 'attached' });
    // Required once system-filled.
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await modal.getByText('必填').first().waitFor();
    expect(await feedOf('wancheng_touchan')).toBeUndefined();
    await chooseOption(page, 'indicator_feed', '竣工投产项目数（个）');
    await h.screenshot(page, 'feed-binding-modal');
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await page.getByTestId('ind-feed-wancheng_touchan').waitFor();
    await expect.poll(textOf(page.getByTestId('ind-feed-wancheng_touchan'))).toBe('竣工投产项目数');
    expect(await feedOf('wancheng_touchan')).toEqual({ fill_method: 'system', feed: 'projects.producing' });
    await page.getByTestId('ind-feed-wancheng_touchan').scrollIntoViewIfNeeded();
    await h.screenshot(page, 'feed-binding-table', { keepScroll: true });
  });

  it('drops the source when the indicator is switched to hand entry', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/targets/catalogue');
    const row = page.getByTestId('ind-table').locator('.ant-table-row', { has: page.getByTestId('ind-feed-wancheng_touchan') });
    await row.waitFor();
    await row.getByRole('button').click();
    const modal = openModal(page);
    await modal.locator('#indicator_feed').waitFor({ state: 'attached' });
    await chooseOption(page, 'indicator_fillMethod', '手工填报');
    await modal.locator('#indicator_feed').waitFor({ state: 'detached' });
    await submitModal(openModal(page));
    await expect.poll(() => feedOf('wancheng_touchan')).toEqual({ fill_method: 'manual', feed: null });
    await expect.poll(countOf(page.getByTestId('ind-feed-wancheng_touchan'))).toBe(0);
  });

  it('raised no error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
