// 督查督办 in a real browser, the clock pinned to 5 September 2022 (the demo's
// day): seed 003 pasted in gives a draft whose dated tasks carry their dates,
// numbers and investments; the supervisor confirms two with units; the lead unit
// reports; the late one gets a 督办单; the other is reported done, verified and
// closed. The views and counts are checked on the demo data.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { unseal } from '../../src/shared/secrets';
import { chooseIn, selectOf } from './pages/antd';
import { SupervisionPage } from './pages/SupervisionPage';
import { attrOf, countOf, textOf, textsOf, valueOf, waitForText } from './pages/waits';

const NOW = new Date('2022-09-05T02:00:00Z'); // 10:00 in China
const SEED_003 = readFileSync(resolve('src/domains/demo/texts/seed-003.txt'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock: () => NOW });
});
afterAll(async () => h?.close());

/** Picks an option in an antd Select by typing its label. */
async function pick(page: Page, select: ReturnType<Page['locator']>, label: string) {
  await chooseIn(page, selectOf(select), label, true);
  // The menu fades out with its options still in the DOM: the next pick must not find them.
  await expect.poll(async () => page.locator('.ant-select-dropdown:visible').count(), { timeout: 20_000 }).toBe(0);
}


describe('督查督办 in the browser', () => {
  it('shows the supervisor the demo tasks with lights and counts by unit', async () => {
    const page = await h.signedIn('supervisor');
    const sv = await new SupervisionPage(page).openTasks();
    await expect.poll(() => sv.count('late')).toBe(1); // 8月底前 江苏汇智: overdue, with a notice
    await expect.poll(() => sv.count('closed')).toBe(1); // 10月底前 e窗: verified and closed
    await expect.poll(textsOf(sv.summaryNames)).toEqual(expect.arrayContaining(['大庙街道', '金龙湖街道', '经发局', '重大办']));
    // the late task is red and first in the list
    const first = sv.taskRows.first();
    await expect.poll(textOf(first)).toContain('江苏汇智');
    await expect.poll(attrOf(first.locator('.gj-sv-light'), 'data-light')).toBe('red');
    await h.screenshot(page, 'supervision-01-tasks-by-unit');
    await page.getByTestId('sv-views').getByText('按领导').click();
    await page.getByTestId('sv-summary').getByText('刘雷').waitFor();
    await page.getByTestId('sv-summary').getByText('刘雷').click();
    await page.getByTestId('sv-clear-group').waitFor();
    // The filtered list arrives after the filter chip: wait for it rather than read the old one.
    const rows = sv.taskRows;
    await expect.poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 0 && texts.every((r) => r.includes('大庙街道'));
    }).toBe(true);
    await h.screenshot(page, 'supervision-02-by-leader');
  });

  it('drafts seed 003, and the supervisor confirms two tasks with their units', async () => {
    const page = await h.signedIn('supervisor');
    const sv = new SupervisionPage(page);
    await page.goto('/supervision/breakdown');
    await page.getByTestId('sv-doc-title').fill('经开区党工委工作会议（浏览器测试）');
    await page.getByTestId('sv-doc-year').fill('2022');
    // the day the speech was given (the report says 8月14日 without a year)
    await page.getByTestId('sv-doc-date').click();
    await page.keyboard.type('2022-08-14');
    await page.keyboard.press('Enter');
    await page.getByTestId('sv-doc-body').fill(SEED_003);
    await page.getByTestId('sv-doc-submit').click();
    await sv.draft.waitFor();
    await page.getByText('（2022-08-14）').waitFor();
    const hz = sv.draftRow('积极搭建创新平台，8月底前完成江苏汇智高端工程机械创新中心建设');
    await expect.poll(valueOf(hz.locator('.ant-picker input'))).toBe('2022-08-31');
    const ewin = sv.draftRow('全力打造近悦远来的发展环境，不断深化“把企业家当自家人、把企业事当自家事”营商内涵，持续扩大“一网通办”“一次办结”覆盖面，10月底前将“e窗”平台应用范围拓展至450项，实现就近办、远程办、协同办');
    await expect.poll(valueOf(ewin.locator('.ant-picker input'))).toBe('2022-10-31');
    await expect.poll(textOf(ewin)).toContain('450项');
    // projects carry their investments
    const draftText = await waitForText(sv.draft, '弘元新材料光伏基地 · 总投资120亿元');
    expect(draftText).toContain('中能4.6万吨颗粒硅 · 总投资4.7亿美元');
    expect(draftText).toContain('50家以上');
    // highlighted in the source
    await expect.poll(countOf(page.getByTestId('sv-source-text').locator('mark'))).toBeGreaterThan(10);
    await h.screenshot(page, 'supervision-03-draft');

    // take only the two
    await page.getByTestId('sv-include-all').first().click(); // all on
    await page.getByTestId('sv-include-all').first().click(); // all off
    await hz.getByTestId('sv-include').click();
    await ewin.getByTestId('sv-include').click();
    await page.getByTestId('sv-confirm').click();
    await page.getByText('请为每项纳入的任务指定牵头单位和办结时限').first().waitFor();
    await pick(page, hz.getByTestId('sv-lead'), '经发局');
    await pick(page, ewin.getByTestId('sv-lead'), '经发局');
    await hz.locator('td').nth(7).locator('input').fill('张克');
    await page.getByTestId('sv-campaign').fill('冲刺100天');
    await h.screenshot(page, 'supervision-04-draft-assigned');
    await page.getByTestId('sv-confirm').click();
    await page.waitForURL('**/supervision/tasks?documentId=*');
    await expect.poll(countOf(sv.taskRows)).toBe(2);
    const late = await waitForText(sv.taskRows.first(), '江苏汇智');
    expect(late).toContain('逾期');
    await h.screenshot(page, 'supervision-05-confirmed');
  });

  it('lets the lead unit report, and the supervisor press the late task and close the done one', async () => {
    const docId = (await h.handle.query<{ id: string }>(`SELECT id FROM supervision_documents WHERE title = '经开区党工委工作会议（浏览器测试）'`))[0]!.id;
    const ids = await h.handle.query<{ id: string; text: string }>(`SELECT id, text FROM supervision_tasks WHERE document_id = $1`, [docId]);
    const hzId = ids.find((r) => r.text.includes('江苏汇智'))!.id;
    const ewinId = ids.find((r) => r.text.includes('450项'))!.id;

    const jingfa = await h.signedIn('xz-jingfa');
    await jingfa.goto(`/supervision/tasks/${ewinId}`);
    await jingfa.getByTestId('sv-report-body').fill('“e窗”平台已上线事项450项');
    await jingfa.getByTestId('sv-report-percent').fill('100');
    await jingfa.getByTestId('sv-report-reached').fill('450');
    await jingfa.getByTestId('sv-report-submit').click();
    await jingfa.getByTestId('sv-progress').getByText('“e窗”平台已上线事项450项').waitFor();
    await expect.poll(textOf(jingfa.getByTestId('sv-task-progress'))).toBe('450 / 450项 · 100%');
    await jingfa.getByTestId('sv-act-report_done').click();
    await jingfa.getByText('待复核').first().waitFor();
    await h.screenshot(jingfa, 'supervision-06-unit-reported');

    // The lead explains the late task, then words it again: each save sends the version it read.
    await jingfa.goto(`/supervision/tasks/${hzId}`);
    for (const reason of ['进口检测设备到货延迟', '进口检测设备到货延迟，预计9月中旬完成安装']) {
      await jingfa.getByTestId('sv-delay-reason').fill(reason);
      await jingfa.getByTestId('sv-delays').locator('button').click();
      await jingfa.getByTestId('sv-delays').getByText(reason, { exact: true }).waitFor();
    }
    // ... and asks the office to accept the explanation.
    const asked = jingfa.getByTestId('sv-requests');
    await asked.locator('textarea').fill('设备为进口件，到货时间不可控');
    await asked.getByRole('button', { name: '提出申请' }).click();
    await asked.getByText('设备为进口件，到货时间不可控').waitFor();

    // another sub-district cannot open it
    const donghuan = await h.signedIn('xz-donghuan');
    await donghuan.goto(`/supervision/tasks/${ewinId}`);
    await donghuan.getByText('未找到').first().waitFor();

    const sup = await h.signedIn('supervisor');
    await sup.goto(`/supervision/tasks/${hzId}`);
    await sup.getByTestId('sv-issue-notice').click();
    await sup.getByTestId('sv-notice-requirements').fill('倒排设备安装调试计划，明确到日\n9月15日前完成建设并报送验收材料');
    await sup.getByTestId('sv-notice-date').click();
    await sup.keyboard.type('2022-09-15');
    await sup.keyboard.press('Enter');
    await sup.locator('#sv-notice-ok').click();
    await sup.getByTestId('sv-notices').getByText('经开督〔2022〕2号').waitFor();
    await expect.poll(attrOf(sup.getByTestId('sv-notices').locator('a', { hasText: '下载督办单' }), 'href')).toMatch(/\/api\/supervision\/notices\/.+\/docx$/);
    await h.screenshot(sup, 'supervision-07-notice');
    // The office accepts the explanation, on the version of the request it read.
    const requests = sup.getByTestId('sv-requests');
    await requests.getByPlaceholder('决定意见').fill('情况属实，予以说明');
    await requests.getByRole('button', { name: /^同\s?意$/ }).click();
    await requests.getByText('已同意').waitFor();

    await sup.goto(`/supervision/tasks/${ewinId}`);
    await sup.getByTestId('sv-act-verify').click();
    await sup.getByTestId('sv-task').getByText('已销号').first().waitFor();
    await h.screenshot(sup, 'supervision-08-closed');
  });

  it('lets the supervisor set the amber lead time and the group robot; a bad address is refused', async () => {
    const sup = await h.signedIn('supervisor');
    await sup.goto('/supervision/settings');
    await sup.getByTestId('sv-settings').waitFor();
    const amber = sup.locator('input[data-testid="sv-set-amber"], [data-testid="sv-set-amber"] input').first();
    await expect.poll(valueOf(amber)).toBe('3');
    await sup.getByTestId('sv-set-webhook').fill('not a url');
    await sup.getByTestId('sv-set-save').click();
    await sup.locator('.ant-form-item-explain-error').first().waitFor();
    await amber.fill('5');
    await sup.getByTestId('sv-set-webhook').fill('https://oapi.dingtalk.com/robot/send?access_token=demo');
    await sup.getByTestId('sv-set-save').click();
    await sup.getByText('设置已保存').first().waitFor();
    await h.screenshot(sup, 'supervision-09-settings');
    const [zone] = await h.handle.query<{ settings: { webhookUrl?: string; supervision?: { amberDays?: number } } }>(`SELECT settings FROM zones WHERE code = 'xuzhou'`);
    expect(unseal(zone!.settings.webhookUrl!)).toBe('https://oapi.dingtalk.com/robot/send?access_token=demo');
    expect(zone!.settings.supervision?.amberDays).toBe(5);
  });

  it('raised no error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
