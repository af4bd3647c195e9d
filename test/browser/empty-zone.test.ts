// A brand-new zone in the browser (issue 10): every main page says what to do next
// and links there — never zeros, red lights, "0.00亿元 滞后" or "无逾期任务".
// Screenshots of a few pages go to /tmp/shots-periods as well as screenshots/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyZone } from '../helpers/emptyZone';
import { startHarness, type Harness } from './harness';
import { countOf, textOf, waitForText } from './pages/waits';

let h: Harness;
const SHOTS = '/tmp/shots-periods';

beforeAll(async () => {
  h = await startHarness({ prepare: (handle) => createEmptyZone(handle, 'newzone').then(() => undefined) });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => h?.close());

/** Opens a page, waits until its empty state says `words`, and checks the page claims no standing. */
async function emptyState(page: Page, path: string, words: string): Promise<void> {
  await page.goto(path);
  await waitForText(page.getByTestId('zone-empty-text'), words);
  // Read once the final state is shown (the words above): a negative check.
  const body = await page.locator('main, .ant-layout-content, body').first().innerText();
  for (const claim of ['0.00亿元', '滞后', '无逾期', '明显滞后', '第1名']) expect({ path, claim, shown: body.includes(claim) }).toEqual({ path, claim, shown: false });
  // No status light of any colour.
  await expect.poll(countOf(page.locator('.gj-pj-dot, .ant-badge-status-dot, .gj-sv-counts'))).toBe(0);
}

async function shot(page: Page, name: string) {
  await h.screenshot(page, `empty-zone-${name}`);
  await page.screenshot({ path: `${SHOTS}/empty-${name}.png` });
}

describe('a brand-new zone in the browser', () => {
  it('the leader’s cockpit and big screen say what comes first and lead there', async () => {
    const page = await h.signedIn('leader', 'newzone');
    await emptyState(page, '/cockpit', '尚无已审核的填报数据。请先在“指标目标”中设置指标与年度目标');
    await shot(page, 'cockpit');
    await emptyState(page, '/cockpit/screen', '尚无已审核的填报数据');
    await shot(page, 'bigscreen');
  });

  it('every page of the supervisor says what to do next, never zeros or red lights', async () => {
    const page = await h.signedIn('supervisor', 'newzone');
    const pages: [string, string][] = [
      ['/cockpit', '尚无已审核的填报数据'],
      ['/targets/catalogue', '本区尚未设置指标。请先在“指标目录”中新建或导入指标'],
      ['/projects/map', '尚无项目。请在“项目清单”中新建项目或从Excel导入'],
      ['/projects/list', '尚无项目'],
      ['/supervision/tasks', '尚无督办任务。请在“任务分解”中上传会议讲话提取任务'],
      ['/enterprises/register', '尚无企业。请在“企业名录”中新建企业或从Excel导入名录'],
      ['/enterprises/pools', '尚无企业'],
      ['/enterprises/plans', '尚无企业'],
      ['/enterprises/stats', '尚无企业'],
      ['/attraction/board', '尚无招商线索'],
      ['/attraction/counts', '尚无招商线索'],
      ['/assessment', '尚无考核方案'],
      ['/bulletins', '尚无已审核的填报数据，暂不能生成通报'],
    ];
    for (const [path, words] of pages) await emptyState(page, path, words);
    await page.goto('/projects/map');
    await page.getByTestId('zone-empty-text').waitFor();
    await shot(page, 'projects-gantt');
    await page.goto('/supervision/tasks');
    await page.getByTestId('zone-empty-text').waitFor();
    await shot(page, 'supervision');

    // The cockpit's button leads to the page that does the first step.
    await page.goto('/cockpit');
    await page.getByTestId('zone-empty-action').click();
    await page.waitForURL('**/targets/catalogue');
    // There, the step is this very page: the text stays, the button does not.
    // (The URL changes before React draws the new page: wait for its own words.)
    await expect.poll(textOf(page.getByTestId('zone-empty-text'))).toContain('本区尚未设置指标');
    await expect.poll(countOf(page.getByTestId('zone-empty-action'))).toBe(0);
    // The attraction page's button opens the new-lead form itself.
    await page.goto('/attraction/board');
    await page.getByTestId('zone-empty-action').click();
    await page.locator('.ant-modal').first().waitFor();
  });

  it('raised no error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
