// 领导批示 in a real browser (Xuzhou, pinned 2022-08-31): the supervisor drafts a
// bulletin; the leader writes an instruction on it (经发局 牵头, 大庙街道 配合); 经发局
// finds it in 批示待办, signs it, reports progress and reports it done; the supervisor
// closes it (办结); the leader sees it 已办结 in 我的批示.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { chooseOption } from './pages/antd';
import { countOf, textOf } from './pages/waits';

const TEXT = '请经发局牵头、大庙街道配合，本周内拿出固定资产投资赶超方案。';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The row of our instruction in the page's instruction table. */
const row = (page: Page) => page.getByTestId('in-table').locator('tr.ant-table-row', { hasText: TEXT });

describe('领导批示 in the browser', () => {
  it('leader writes on a bulletin → unit signs and reports → supervisor closes → leader sees 已办结', async () => {
    // The supervisor drafts the month's bulletin.
    const sup = await h.signedIn('supervisor');
    await sup.goto('/bulletins');
    await sup.getByTestId('bu-new').click();
    await sup.getByTestId('bu-draft-ok').click();
    await sup.getByTestId('bu-detail').waitFor({ timeout: 60_000 });
    const bulletinPath = new URL(sup.url()).pathname;
    // Nobody has written on it: the office sees no block (it may not write one).
    await expect.poll(countOf(sup.getByTestId('in-block'))).toBe(0);

    // The leader reads it and writes an instruction.
    const leader = await h.signedIn('leader');
    await leader.goto(bulletinPath);
    await leader.getByTestId('in-block').waitFor();
    await leader.getByText('暂无领导批示').waitFor();
    await leader.getByTestId('in-write').click();
    await leader.getByTestId('in-text-input').fill(TEXT);
    await chooseOption(leader, 'leadUnitId', '经发局');
    await chooseOption(leader, 'supportingUnitIds', '大庙街道');
    await leader.keyboard.press('Escape');
    // A date before the zone's date cannot be picked; type a later one.
    await leader.locator('#deadline').click();
    await leader.locator('#deadline').fill('2022-09-05');
    await leader.keyboard.press('Enter');
    await h.screenshot(leader, 'instructions-01-write');
    await leader.getByTestId('in-write-ok').click();
    await row(leader).waitFor();
    await expect.poll(textOf(row(leader))).toContain('待签收');
    await h.screenshot(leader, 'instructions-02-on-bulletin');

    // 经发局 finds it in its to-do: signs, reports progress, reports it done.
    const unit = await h.signedIn('xz-jingfa');
    await unit.goto('/instructions/todo');
    await row(unit).waitFor();
    await row(unit).locator('[data-testid^="in-accept-"]').click();
    await expect.poll(textOf(row(unit))).toContain('落实中');
    await row(unit).locator('[data-testid^="in-note-"]').click();
    await unit.getByTestId('in-text').fill('已梳理在建项目26个，形成赶超方案，报区领导审定。');
    await unit.getByTestId('in-text-ok').click();
    await unit.getByTestId('in-text').waitFor({ state: 'detached' });
    await row(unit).locator('[data-testid^="in-report_done-"]').click();
    await expect.poll(textOf(row(unit))).toContain('待办结');
    await h.screenshot(unit, 'instructions-03-unit-todo');

    // Another unit sees none of it.
    const other = await h.signedIn('xz-donghuan');
    await other.goto('/instructions');
    await other.getByTestId('in-page').waitFor();
    await expect.poll(countOf(other.getByText(TEXT))).toBe(0);

    // The supervisor closes it (办结).
    await sup.goto('/instructions');
    await row(sup).waitFor();
    await row(sup).locator('[data-testid^="in-verify-"]').click();
    await expect.poll(textOf(row(sup))).toContain('已办结');

    // The leader sees it 已办结 in 我的批示, with the day it was closed (the zone's date).
    await leader.goto('/instructions');
    await leader.getByText('我的批示').first().waitFor();
    await expect.poll(textOf(row(leader))).toContain('已办结');
    await expect.poll(textOf(row(leader))).toContain('2022-08-31办结');
    await expect.poll(textOf(leader.getByTestId('in-counts'))).toContain('共4件');
    await h.screenshot(leader, 'instructions-04-mine');
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the instructions on an indicator in the cockpit drill-down of its month', async () => {
    const leader = await h.signedIn('leader');
    await leader.goto('/cockpit?period=2022-07');
    await leader.getByTestId('ind-fai-value').click();
    const block = leader.getByTestId('drill-drawer').getByTestId('in-block');
    await block.waitFor();
    await expect.poll(textOf(block)).toContain('固定资产投资慢于序时进度');
    await expect.poll(textOf(block)).toContain('已办结');
    await block.scrollIntoViewIfNeeded();
    await h.screenshot(leader, 'instructions-05-indicator', { keepScroll: true });
    expect(h.pageErrors).toEqual([]);
  });
});
