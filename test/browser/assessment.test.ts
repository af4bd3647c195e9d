// 考核 in a real browser: the demo's 2022 Q3 competition of Xuzhou's six towns and
// sub-districts ranks them with explained points and a red flag; the supervisor
// drafts a scheme with the editor, adds a bonus and publishes it; a recomputation
// of a published scheme shows its differences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { chooseIn, chooseOption, popconfirm } from './pages/antd';
import { attrOf, countOf, textOf } from './pages/waits';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('考核 in the browser', () => {
  it('ranks the quarterly competition with explained points and a red flag (leader, read-only)', async () => {
    const page = await h.signedIn('leader');
    await page.goto('/assessment');
    await page.getByTestId('as-scheme-2022-Q3').click();
    await page.getByTestId('as-results').waitFor();
    const first = page.getByTestId('as-unit-大庙街道');
    await first.waitFor();
    await expect.poll(textOf(first)).toContain('86.67');
    await expect.poll(countOf(page.getByTestId('as-redflag'))).toBe(1);
    await expect.poll(countOf(first.getByTestId('as-redflag'))).toBe(1);
    await expect.poll(countOf(page.getByTestId('as-publish'))).toBe(0);
    await first.click(); // expands the items with their explanations and records
    const tasks = page.getByTestId('as-expl-tasks').first();
    await tasks.waitFor();
    await expect.poll(textOf(tasks)).toContain('督办任务按时完成3项/共3项，按时率100.0%，得60.00分');
    await expect.poll(countOf(page.locator('.gj-as-up'))).toBeGreaterThan(0);
    await h.screenshot(page, 'assessment-01-q3-ranking');
  });

  it('the supervisor drafts a scheme, adds a bonus, publishes, and recomputes a published one', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/assessment');
    await page.getByTestId('as-new').click();
    await page.getByTestId('as-f-name').fill('2022年8月督办考核（浏览器）');
    // The period kind: month; the period is picked from those holding data.
    await chooseIn(page, page.locator('.ant-modal .ant-select').first(), '月度');
    await chooseOption(page, 'as-f-period', '2022年8月');
    // The item is picked, not coded: kind, weight, and a name (the kind's own by default).
    const item = page.getByTestId('as-item-0');
    await expect.poll(countOf(item.getByText('代码'))).toBe(0);
    await item.locator('.ant-input-number input').fill('100');
    await expect.poll(attrOf(page.getByTestId('as-item-0-name'), 'placeholder')).toBe('督办任务按时办结');
    await page.getByTestId('as-item-0-name').fill('督办任务按时办结');
    await h.screenshot(page, 'assessment-02-editor');
    await page.getByTestId('as-save').click();
    await page.getByTestId('as-results').waitFor();
    await page.getByTestId('as-unit-东环街道').waitFor();
    // A bonus with its reason.
    await chooseOption(page, 'as-adj_unitId', '东环街道');
    await page.locator('input[data-testid=as-adj-points], [data-testid=as-adj-points] input').first().fill('1.5');
    await page.getByTestId('as-adj-reason').fill('承办全市现场会');
    await page.getByTestId('as-adj-add').click();
    await page.getByTestId('as-unit-东环街道').getByText('+1.50').waitFor();
    await h.screenshot(page, 'assessment-03-draft-with-bonus');
    await popconfirm(page, page.getByTestId('as-publish'), page.getByText('已发布，结果已冻结'));
    await expect.poll(countOf(page.getByTestId('as-adj-add'))).toBe(0);
    await page.getByTestId('as-recompute').click();
    await page.locator('.ant-modal-title', { hasText: '重新计算与已发布结果的差异' }).waitFor();
    await expect.poll(countOf(page.getByText('重新计算结果与已发布结果一致'))).toBe(1);
    await h.screenshot(page, 'assessment-04-published-recompute');
  });

  it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
});
