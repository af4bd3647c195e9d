// 指标目标 › 报送与通知 in the browser (issue 11): the supervisor changes the share of an
// unusual move that needs a note, is told why a red threshold below the amber one is refused,
// and gives 徐庄镇 its own group robot, whose address comes back masked and can be removed.
// A reporter has no such tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { popconfirm } from './pages/antd';
import { countOf, textOf, valueOf } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const settings = async () => (await h.handle.query<{ move_warn_percent: string; red_points: string }>(`SELECT move_warn_percent, red_points FROM target_settings s JOIN zones z ON z.id = s.zone_id WHERE z.code = 'xuzhou'`))[0];
const robots = async () => (await h.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM unit_webhooks w JOIN units u ON u.id = w.unit_id WHERE u.code = 'xuzhuang'`))[0]!.n;

describe('报送与通知', () => {
  it('lets the supervisor set the rules; a red threshold below the amber one is explained and not saved', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/targets/settings');
    const rules = page.getByTestId('tg-settings-rules');
    await rules.waitFor();
    const move = page.getByTestId('tg-set-move');
    await expect.poll(valueOf(move)).toBe('50');

    await move.fill('30');
    await page.getByTestId('tg-set-save').click();
    await page.getByText('已保存').first().waitFor();
    await expect.poll(async () => (await settings())?.move_warn_percent).toMatch(/^30(\.0+)?$/);

    // Red below amber: the form says why and sends nothing.
    const before = (await settings())?.red_points;
    const red = rules.locator('#redPoints');
    await red.fill('5');
    await page.getByTestId('tg-set-save').click();
    await rules.getByText('慢于序时进度达到此值为红色，须不小于黄色阈值').last().waitFor();
    await expect.poll(countOf(rules.locator('.ant-form-item-explain-error'))).toBeGreaterThan(0);
    expect((await settings())?.red_points).toBe(before);
    await h.screenshot(page, 'report-settings-rules');
  });

  it('gives 徐庄镇 its own group robot, shown masked, and removes it', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/targets/settings');
    await page.getByTestId('tg-settings-robots').waitFor();
    await page.getByTestId('tg-robot-edit-xuzhuang').click();
    const url = page.getByTestId('tg-robot-url');
    await url.waitFor();
    // Not https: the dialog says so.
    await url.fill('http://example.com/hook');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('请填写以 https:// 开头的完整地址').waitFor();
    expect(await robots()).toBe(0);

    await url.fill('https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789abcdef');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('已保存“徐庄镇”的群机器人').waitFor();
    const shown = page.getByTestId('tg-robot-xuzhuang');
    await shown.waitFor();
    // The secret never comes back whole.
    await expect.poll(textOf(shown)).not.toContain('abcdef0123456789abcdef');
    expect(await robots()).toBe(1);
    await h.screenshot(page, 'report-settings-robots');

    await popconfirm(page, page.getByTestId('tg-robot-remove-xuzhuang'), page.getByText('已清除“徐庄镇”的群机器人'));
    await expect.poll(robots).toBe(0);
  });

  it('shows a unit reporter no such tab', async () => {
    const page = await h.signedIn('xz-xuzhuang');
    await page.goto('/targets');
    await page.getByTestId('tg-tab-catalogue').waitFor();
    await expect.poll(countOf(page.getByTestId('tg-tab-settings'))).toBe(0);
  });

  it('raised no error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
