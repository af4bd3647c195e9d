// 一项目一专班, 包挂领导 and "五个一" in a real browser on the Xuzhou demo: the leader
// filters 我的包挂项目; 大庙街道's reporter opens 金阳硅业异质结基体材料, sees the stage
// rules ("765") and the service standard side by side, checks 一张问题清单, adds a
// liaison to the 专班 (a bad phone is refused in place), and the page reads in English.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { chooseOption, clickUntilShown, openModal } from './pages/antd';
import { ShellPage } from './pages/ShellPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { countOf, textOf } from './pages/waits';
import { CockpitPage } from './pages/CockpitPage';

let h: Harness;
let projectId = '';
const NAME = '金阳硅业异质结基体材料';
beforeAll(async () => {
  h = await startHarness();
  const [p] = await h.handle.query<{ id: string }>(`SELECT p.id FROM projects p JOIN zones z ON z.id = p.zone_id WHERE z.code = 'xuzhou' AND p.name = $1`, [NAME]);
  projectId = p!.id;
});
afterAll(async () => h?.close());

const progress = (page: Page) => textOf(new ProjectsPage(page).serviceProgress)();
const rows = (page: Page) => new ProjectsPage(page).listRows;

describe('专班, 包挂领导 and the service standard in the browser', () => {
  let unit: Page;

  it('the leader filters 我的包挂项目', async () => {
    const leader = await h.signedIn('leader');
    await leader.goto('/projects/list');
    await rows(leader).first().waitFor();
    const mine = leader.getByRole('checkbox', { name: '我的包挂项目' });
    const answer = leader.waitForResponse((r) => r.url().includes('/api/projects?') && r.url().includes('mine=true'));
    await mine.click();
    const body = (await (await answer).json()) as { items: { leaderUserId: string }[]; total: number };
    await expect.poll(() => mine.isChecked()).toBe(true);
    // Every demo project has 区领导 as its 包挂领导: the server answers them all, the list shows them.
    expect(body.total).toBeGreaterThan(0);
    expect(new Set(body.items.map((p) => p.leaderUserId)).size).toBe(1);
    await expect.poll(() => rows(leader).count()).toBe(Math.min(body.total, body.items.length));
    await h.screenshot(leader, 'task-force-mine');
    // The supervisor is no leader: no such filter for them.
    const sup = await h.signedIn('supervisor');
    await sup.goto('/projects/list');
    await rows(sup).first().waitFor();
    await expect.poll(countOf(sup.getByTestId('filter-mine'))).toBe(0);
  });

  it('the cockpit shows the leader 我的包挂项目 with each light, stage and lateness; a leader of none sees no card', async () => {
    const leader = await h.signedIn('leader');
    const answer = leader.waitForResponse((r) => r.url().includes('/api/projects?') && r.url().includes('mine=true'));
    await leader.goto('/cockpit');
    await new CockpitPage(leader).lower();
    const body = (await (await answer).json()) as { items: { name: string; status: string; stage: string }[]; total: number };
    const card = leader.getByTestId('ck-my-projects');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('ck-my-project').count()).toBe(body.total);
    const first = card.getByTestId('ck-my-project').first();
    const labels: Record<string, string> = { done: '已完成', on_time: '按期', at_risk: '有风险', behind: '滞后' };
    const stages: Record<string, string> = { negotiating: '在谈', signed: '签约', started: '开工', producing: '投产', at_capacity: '达效' };
    await expect.poll(() => first.innerText()).toContain(body.items[0]!.name);
    await expect.poll(textOf(first.getByTestId('status-tag'))).toBe(labels[body.items[0]!.status]);
    await expect.poll(textOf(first)).toContain(stages[body.items[0]!.stage]);
    await card.scrollIntoViewIfNeeded();
    await h.screenshot(leader, 'cockpit-my-projects', { keepScroll: true });
    // A project's name opens it.
    await first.getByRole('link').first().click();
    await leader.waitForURL(/\/projects\/p\//);

    // The same leader in Huai'an, 包挂领导 of no project: the answer is empty and no card is drawn.
    const ha = await h.signedIn('leader', 'huaian');
    const none = ha.waitForResponse((r) => r.url().includes('/api/projects?') && r.url().includes('mine=true'));
    await ha.goto('/cockpit');
    await new CockpitPage(ha).lower();
    expect(((await (await none).json()) as { total: number }).total).toBe(0);
    await ha.getByTestId('ck-hazards').waitFor();
    await expect.poll(countOf(ha.getByTestId('ck-my-projects'))).toBe(0);
    // A supervisor is no 包挂领导: not even asked.
    const sup = await h.signedIn('supervisor');
    let asked = false;
    sup.on('request', (r) => {
      if (r.url().includes('mine=true')) asked = true;
    });
    await sup.goto('/cockpit');
    await new CockpitPage(sup).lower();
    await sup.getByTestId('ck-hazards').waitFor();
    expect(asked).toBe(false);
    await expect.poll(countOf(sup.getByTestId('ck-my-projects'))).toBe(0);
  });

  it('the project shows the stage rules and the "五个一" checklist side by side; the unit checks an item', async () => {
    unit = await h.signedIn('xz-damiao');
    await unit.goto(`/projects/p/${projectId}`);
    await unit.getByTestId('service-checklist').waitFor();
    await unit.getByTestId('stage-rules').waitFor();
    await expect.poll(() => progress(unit)).toBe('已落实3/5项');
    await expect.poll(() => unit.getByTestId('project-task-force').innerText()).toContain('刘雷（组长）');
    await h.screenshot(unit, 'task-force-detail');

    const item = unit.getByTestId('svc-one_list');
    await item.getByTestId('svc-check').click();
    const modal = openModal(unit);
    await modal.getByTestId('svc-note').fill('已建立问题清单，限时销号');
    await modal.getByTestId('svc-save').click();
    await expect.poll(() => progress(unit)).toBe('已落实4/5项');
    await expect.poll(() => item.getByTestId('svc-done').innerText()).toContain('已建立问题清单');
    await item.scrollIntoViewIfNeeded();
    await h.screenshot(unit, 'task-force-checked', { keepScroll: true });
  });

  it('the unit adds a liaison to the 专班; a bad phone is refused in place', async () => {
    await unit.getByTestId('tab-task-force').click();
    const tab = unit.getByTestId('task-force');
    await tab.locator('.ant-table-row').first().waitFor();
    const before = await tab.locator('.ant-table-row').count();
    await tab.getByTestId('tf-edit').click();
    const form = unit.getByTestId('tf-form');
    await form.waitFor();
    await form.getByTestId('tf-add').click();
    const row = form.getByTestId('tf-row').last();
    await row.getByTestId('tf-name').fill('张联络（演示）');
    await chooseOption(unit, `members_${before}_role`, '联络员');
    await row.getByTestId('tf-phone').fill('12345');
    await form.getByTestId('tf-save').click();
    await row.getByText('手机号11位，座机如0516-80001234').waitFor();
    await form.getByTestId('tf-save').scrollIntoViewIfNeeded();
    await h.screenshot(unit, 'task-force-edit', { keepScroll: true });
    await row.getByTestId('tf-phone').fill('0516-80009999');
    // The error's line folds away as the phone becomes valid, moving 保存 up: click once it
    // is gone, and again should a click land while it moved (seen at load 10: no save sent).
    await row.getByText('手机号11位，座机如0516-80001234').waitFor({ state: 'detached' });
    const save = form.getByTestId('tf-save');
    await clickUntilShown(async () => {
      if (await save.isVisible()) await save.click();
    }, tab.locator('.ant-table-row').nth(before), 15_000);
    await expect.poll(() => tab.locator('.ant-table-row').count()).toBe(before + 1);
    const last = tab.locator('.ant-table-row').last();
    await expect.poll(() => last.innerText()).toContain('张联络（演示）');
    await expect.poll(textOf(last)).toContain('0516-80009999');
    await expect.poll(textOf(last)).toContain('联络员');
    await last.scrollIntoViewIfNeeded();
    await h.screenshot(unit, 'task-force-saved', { keepScroll: true });
  });

  it('reads in English', async () => {
    await unit.goto(`/projects/p/${projectId}`);
    await unit.getByTestId('service-checklist').waitFor();
    await new ShellPage(unit).switchLanguage('en');
    await expect.poll(() => progress(unit)).toBe('4/5 in place');
    await expect.poll(() => unit.getByTestId('stage-rules').innerText()).toContain('Stage rules');
    await h.screenshot(unit, 'task-force-detail-en');
    await new ShellPage(unit).switchLanguage('zh');
    expect(h.pageErrors).toEqual([]);
  });
});
