// Phones (issue 16, part 5): unit clerks, task handlers and enterprises work from
// 企业微信/钉钉 on a phone. At 390×844, in mobile emulation (touch, the page's meta
// viewport honoured), each page below is checked for two things — nothing scrolls
// sideways (the page is no wider than the screen) and every visible button, field and
// select in the page is at least 44 px high — and its main action is done with a finger:
// the reporting form (a unit clerk saves a figure), the task list and summary, a task's
// progress with a photo, an enterprise's appeals (raise one, rate it), the leader's
// cockpit, a hazard's 整改 evidence with a photo, and a unit's 签收 / 反馈进展 / 报请办结 on a
// 领导批示. Pictures in screenshots/phone-*.png.
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, PHONE, startHarness, type Harness } from './harness';
import { attrOf, countOf, textOf, textsOf, valueOf } from './pages/waits';
import { CockpitPage } from './pages/CockpitPage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

type Page = Awaited<ReturnType<Harness['signedIn']>>;
const phone = (username: string, zone = 'xuzhou') => h.signedIn(username, zone, PHONE);

/** The page is no wider than the screen: nothing scrolls sideways. */
async function noSidewaysScroll(page: Page) {
  await expect.poll(() => page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((v) => {
    const [sw, iw] = v as [number, number];
    return iw === 390 && sw <= iw;
  });
}

/**
 * Every visible control in `root` that a finger must hit, shorter than 44 px: buttons,
 * fields, selects, links styled as buttons. A field is measured by its box (antd wraps an
 * input in an affix, number or picker box), a checkbox or radio by its label (the label
 * takes the tap), a select by the select.
 */
const SHORT_TARGETS = (root: string) => `(() => {
  const out = [];
  for (const rootEl of document.querySelectorAll(${JSON.stringify(root)})) {
    for (const el of rootEl.querySelectorAll('button, input:not([type=hidden]):not([type=file]), select, textarea, [role=button], [role=combobox], a.ant-btn')) {
      const target =
        (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) ||
        el.closest('.ant-select, .ant-input-affix-wrapper, .ant-input-number, .ant-picker, .ant-input-search .ant-input-group') ||
        el;
      const r = target.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.display === 'none' || !target.checkVisibility({ opacityProperty: false })) continue;
      if (r.height < 43.5) out.push((target.getAttribute('data-testid') || target.className || target.tagName) + ' ' + (target.textContent || '').trim().slice(0, 20) + ' h=' + Math.round(r.height));
    }
  }
  return out;
})()`;
async function fingerSized(page: Page, root = '.gj-content') {
  // Polled: a dialog measured while it still opens (scaled) would read small.
  await expect.poll(() => page.evaluate(SHORT_TARGETS(root))).toEqual([]);
}

/** Signs `username` in over HTTP for set-up steps the phone user does not take. */
async function apiAs(username: string) {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, zone: 'xuzhou' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${h.baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

describe('the frame on a phone', () => {
  it('opens the menu from the header, goes to a module, and the drawer closes', async () => {
    const page = await phone('leader');
    await page.goto('/cockpit');
    await page.getByTestId('ind-gbr').waitFor();
    // No sider: the toggle stands for it.
    await expect.poll(countOf(page.locator('.gj-sider'))).toBe(0);
    const buttons = await page.locator('.gj-header .ant-btn').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...buttons)).toBeGreaterThanOrEqual(44);
    await page.getByTestId('menu-toggle').tap();
    const menu = page.getByTestId('main-menu');
    await menu.waitFor();
    await fingerSized(page, '.gj-menu-drawer');
    await h.screenshot(page, 'phone-01-menu');
    await menu.getByText('督查督办').tap();
    await page.waitForURL(/\/supervision/);
    await menu.waitFor({ state: 'hidden' });
  });

  it('keeps the desktop frame on a desktop', async () => {
    const page = await h.signedIn('leader');
    await page.goto('/cockpit');
    await page.getByTestId('main-menu').waitFor();
    await expect.poll(countOf(page.getByTestId('menu-toggle'))).toBe(0);
    // Desk sizes: the phone theme is not applied.
    const height = await page.getByTestId('ck-screen').evaluate((e) => e.getBoundingClientRect().height);
    expect(height).toBeLessThan(40);
  });
});

describe('a unit clerk reports the month on a phone', () => {
  // Huai'an's finance office, May 2023: not reported yet (Xuzhou's August is approved throughout).
  it('shows one card per indicator, saves a figure from the sticky bar', async () => {
    const page = await phone('ha-caizheng', 'huaian');
    await page.goto('/targets/report?period=2023-05');
    const cards = page.getByTestId('rp-cards');
    await cards.locator('.gj-rp-card').first().waitFor();
    await expect.poll(countOf(page.getByTestId('rp-table'))).toBe(0);
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-10-report');

    // The first figure the clerk may still enter.
    const input = cards.locator('input[data-testid^="rp-value-"]:not([disabled])').first();
    const code = (await input.getAttribute('data-testid'))!.slice('rp-value-'.length);
    const card = page.getByTestId(`rp-card-${code}`);
    await input.tap();
    await input.fill('12.5');
    await card.getByTestId(`rp-live-${code}`).or(card.locator('.gj-tg-warn, .gj-tg-reason')).first().waitFor();
    await card.getByTestId(`rp-note-${code}`).fill('手机填报');
    await h.screenshot(page, 'phone-11-report-typed', { keepScroll: true });

    // The save bar stays at the bottom of the screen while the list scrolls.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight / 3)');
    const bar = page.getByTestId('rp-actions');
    expect(await page.evaluate("getComputedStyle(document.querySelector('[data-testid=rp-actions]')).position")).toBe('sticky');
    await expect.poll(() => bar.evaluate((e) => Math.round(e.getBoundingClientRect().bottom))).toBeLessThanOrEqual(844);
    await expect.poll(() => bar.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(600);
    await page.getByTestId('rp-save').tap();
    await page.locator('.ant-message').getByText('已保存').waitFor();
    await expect.poll(textOf(page.getByTestId(`rp-state-${code}`))).toBe('草稿');
    await expect.poll(valueOf(page.getByTestId(`rp-value-${code}`))).toBe('12.5');
    await noSidewaysScroll(page);
    await h.screenshot(page, 'phone-12-report-saved', { keepScroll: true });
  });
});

describe('a task handler on a phone', () => {
  it('reads the summary and the task list as cards, and opens a task', async () => {
    const page = await phone('xz-jingfa');
    await page.goto('/supervision/tasks');
    const list = page.getByTestId('sv-tasks');
    await list.getByTestId('stacked-card').first().waitFor();
    await page.getByTestId('sv-summary').getByTestId('stacked-card').first().waitFor();
    await expect.poll(countOf(page.locator('.ant-table'))).toBe(0);
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-20-tasks');

    // A summary card filters the list, as its table row does on a desk.
    const group = page.getByTestId('sv-summary').getByTestId('stacked-card').first();
    const label = (await group.locator('.gj-stacked-title').innerText()).trim();
    await group.tap();
    await page.getByTestId('sv-clear-group').waitFor();
    await expect.poll(textOf(page.getByTestId('sv-clear-group'))).toContain(label);
    await list.getByTestId('stacked-card').first().locator('.gj-stacked-title a').waitFor();
    await list.evaluate((e) => e.scrollIntoView());
    await h.screenshot(page, 'phone-21-tasks-filtered', { keepScroll: true });
    await list.getByTestId('stacked-card').first().tap();
    await page.getByTestId('sv-task').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/supervision\/tasks\/[0-9a-f-]{36}$/);
  });

  it('reports progress with a photo taken or chosen on the phone', async () => {
    const [task] = await h.handle.query<{ id: string }>(
      `SELECT t.id FROM supervision_tasks t JOIN loop_items l ON l.id = t.loop_item_id JOIN units u ON u.id = l.assignee_unit_id JOIN zones z ON z.id = t.zone_id
        WHERE z.code = 'xuzhou' AND u.name = '经发局' AND l.state IN ('assigned', 'rectifying', 'returned') ORDER BY l.deadline LIMIT 1`,
    );
    expect(task).toBeDefined();
    const page = await phone('xz-jingfa');
    await page.goto(`/supervision/tasks/${task!.id}`);
    const form = page.getByTestId('sv-report-form');
    await form.waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-22-task');

    // The photo button: any image, camera or gallery (no `capture`, which would force the camera).
    const photo = page.getByTestId('sv-report-photo');
    await expect.poll(async () => (await textOf(photo)()).replace(/\s/g, '')).toBe('拍照或选照片');
    const file = photo.locator('xpath=ancestor::*[contains(@class,"ant-upload")][1]').locator('input[type=file]');
    await expect.poll(attrOf(file, 'accept')).toBe('image/*');
    await expect.poll(attrOf(file, 'capture')).toBeNull();

    const png = resolve('screenshots/phone-site-photo.png');
    writeFileSync(png, await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 300 } }));
    const body = '现场照片：厂房主体封顶，设备进场安装';
    await page.getByTestId('sv-report-body').fill(body);
    await page.getByTestId('sv-report-percent').fill('60');
    await file.setInputFiles(png);
    await page.getByTestId('sv-report-chosen').locator('img').waitFor();
    await form.evaluate((e) => e.scrollIntoView());
    await h.screenshot(page, 'phone-23-progress-photo', { keepScroll: true });
    await page.getByTestId('sv-report-submit').tap();
    const item = page.getByTestId('sv-progress').locator('.ant-list-item', { hasText: body });
    await item.waitFor();
    // The photo shows as a thumbnail that opens full size.
    const thumb = item.locator('.gj-sv-thumb img');
    await expect.poll(() => thumb.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await expect.poll(attrOf(item.locator('.gj-sv-thumb'), 'href')).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    await noSidewaysScroll(page);
    await item.evaluate((e) => e.scrollIntoView());
    await h.screenshot(page, 'phone-24-progress-reported', { keepScroll: true });
  });
});

describe('an enterprise on a phone', () => {
  const title = '手机提交：新增充电桩用电报装';
  it('sees its appeals as cards and raises one', async () => {
    const page = await phone('ent-xcmg');
    await page.waitForURL('**/enterprises/my');
    const list = page.getByTestId('my-appeals');
    await list.getByTestId('stacked-card').first().waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-30-my-appeals');

    await page.getByTestId('my-appeal-new').tap();
    const form = page.getByTestId('appeal-form');
    await form.waitFor();
    // On a loaded machine a tap can last long enough to count as a long press (no click):
    // tap again until the option is chosen.
    const category = page.getByTestId('appeal-category');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '水电气' });
    await expect
      .poll(
        async () => {
          if ((await category.innerText()).includes('水电气')) return true;
          if (!(await option.isVisible())) await category.tap();
          await option.tap({ timeout: 5_000 }).catch(() => undefined);
          return (await category.innerText()).includes('水电气');
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    await form.getByTestId('appeal-title').fill(title);
    await form.getByTestId('appeal-detail').fill('新建物流园区需报装充电桩用电约800千伏安，请协调供电公司加快办理。');
    await fingerSized(page, '.ant-modal');
    await noSidewaysScroll(page);
    await h.screenshot(page, 'phone-31-appeal-form');
    await page.locator('.ant-modal .ant-modal-footer .ant-btn-primary').tap();
    await list.getByTestId('stacked-card').filter({ hasText: title }).waitFor();
    await expect.poll(textOf(list.getByTestId('stacked-card').filter({ hasText: title }))).toContain('待交办');
  });

  it('rates the closed appeal with one of three finger-sized buttons', async () => {
    // The zone handles it meanwhile (at their desks): assigned to 经发局, done, verified.
    const sup = await apiAs('supervisor');
    const jingfa = await apiAs('xz-jingfa');
    const [row] = await h.handle.query<{ id: string; unit: string }>(
      `SELECT a.id, (SELECT u.id FROM units u WHERE u.zone_id = l.zone_id AND u.name = '经发局') AS unit
         FROM enterprise_appeals a JOIN loop_items l ON l.id = a.loop_item_id WHERE l.title = $1`,
      [title],
    );
    type Detail = { appeal: { id: string; version: number } };
    const step = async (as: typeof sup, body: Record<string, unknown>) => {
      const d = await as<Detail>('GET', `/api/enterprise-appeals/${row!.id}`);
      await as('POST', `/api/enterprise-appeals/${row!.id}/actions`, { ...body, version: d.appeal.version });
    };
    await step(sup, { action: 'assign', assigneeUnitId: row!.unit });
    await step(jingfa, { action: 'accept' });
    const d = await jingfa<Detail>('GET', `/api/enterprise-appeals/${row!.id}`);
    await jingfa('POST', `/api/enterprise-appeals/${row!.id}/answer`, { answer: '已协调供电公司上门勘查，本周内完成报装。', version: d.appeal.version });
    await step(jingfa, { action: 'report_done', note: '已送电。' });
    await step(sup, { action: 'verify' });

    const page = await phone('ent-xcmg');
    await page.waitForURL('**/enterprises/my');
    await page.getByTestId('my-appeals').getByTestId('stacked-card').filter({ hasText: title }).tap();
    const rate = page.getByTestId('appeal-rate');
    await rate.waitFor();
    const buttons = rate.locator('.ant-radio-button-wrapper');
    await expect.poll(textsOf(buttons)).toEqual(['满意', '基本满意', '不满意']);
    const boxes = await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ h: r.height, w: r.width, top: r.top })));
    for (const b of boxes) {
      expect(b.h).toBeGreaterThanOrEqual(44);
      expect(b.w).toBeGreaterThanOrEqual(88);
      expect(b.top).toBe(boxes[0]!.top); // side by side
    }
    await noSidewaysScroll(page);
    await fingerSized(page);
    await rate.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await buttons.filter({ hasText: /^满意$/ }).tap();
    await h.screenshot(page, 'phone-32-appeal-rate', { keepScroll: true });
    await page.getByTestId('appeal-rate-submit').tap();
    await expect.poll(textOf(page.getByTestId('appeal-satisfaction'))).toBe('满意');
    await h.screenshot(page, 'phone-33-appeal-rated');
  });
});

describe('a department on a phone', () => {
  it('reads the appeals it handles as cards', async () => {
    const page = await phone('xz-jingfa');
    await page.goto('/enterprises/appeals');
    const list = page.getByTestId('appeal-table');
    await list.getByTestId('stacked-card').first().waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-35-dept-appeals');
    await list.getByTestId('stacked-card').first().tap();
    await page.getByTestId('appeal-detail').waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-36-dept-appeal');
  });
});

/** A small picture standing for a photo from the phone's camera or gallery. */
async function sitePhoto(page: Page, name: string) {
  const png = resolve(`screenshots/${name}.png`);
  writeFileSync(png, await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 300 } }));
  return png;
}

describe('a unit’s hazard on a phone', () => {
  it('signs for it and reports it rectified with a photo taken or chosen on the phone', async () => {
    const [hz] = await h.handle.query<{ id: string; title: string; state: string }>(
      `SELECT h.id, l.title, l.state FROM hazards h JOIN loop_items l ON l.id = h.loop_item_id JOIN units u ON u.id = h.unit_id JOIN zones z ON z.id = h.zone_id
        WHERE z.code = 'xuzhou' AND u.code = 'damiao' AND l.state IN ('assigned', 'rectifying', 'returned') ORDER BY l.state = 'assigned' DESC, h.found_on LIMIT 1`,
    );
    expect(hz).toBeDefined();
    const page = await phone('xz-damiao');
    // The unit's list is cards; a tap opens the hazard.
    await page.goto('/hazards');
    await page.getByTestId('stacked-card').filter({ hasText: hz!.title }).first().waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-50-hazards');
    await page.goto(`/hazards/${hz!.id}`);
    await page.getByTestId('hz-detail').waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-51-hazard');
    const modal = page.getByRole('dialog');
    const ok = modal.locator('.ant-modal-footer .ant-btn-primary');
    // An assigned (or returned) hazard is signed for first; one already being rectified is not.
    if (hz!.state !== 'rectifying') {
      await page.getByTestId('hz-act-accept').tap();
      await ok.tap();
      await expect.poll(textOf(page.getByTestId('hz-detail').getByTestId('hz-state'))).toBe('整改中');
      await modal.waitFor({ state: 'hidden' });
    }
    await page.getByTestId('hz-act-report_done').tap();
    // The shared picker: any image, camera or gallery (no `capture`, which would force the camera).
    const photo = modal.getByTestId('hz-photo');
    await expect.poll(async () => (await textOf(photo)()).replace(/\s/g, '')).toBe('拍照或选照片');
    const file = photo.locator('xpath=ancestor::*[contains(@class,"ant-upload")][1]').locator('input[type=file]');
    await expect.poll(attrOf(file, 'accept')).toBe('image/*');
    await expect.poll(attrOf(file, 'capture')).toBeNull();
    await modal.getByTestId('hz-act-note').fill('已加装挡鼠板，积水已抽排');
    await file.setInputFiles(await sitePhoto(page, 'phone-hazard-photo'));
    await modal.getByTestId('hz-chosen').locator('img').waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page, '.ant-modal-body, .ant-modal-footer');
    await h.screenshot(page, 'phone-52-hazard-evidence');
    await ok.tap();
    await expect.poll(textOf(page.getByTestId('hz-detail').getByTestId('hz-state'))).toBe('待复核');
    // The evidence shows in the history as a thumbnail.
    const thumb = page.getByTestId('hz-history').getByTestId('hz-evidence').last();
    await expect.poll(() => thumb.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await noSidewaysScroll(page);
    await thumb.evaluate((e) => e.scrollIntoView());
    await h.screenshot(page, 'phone-53-hazard-reported', { keepScroll: true });
  });
});

describe('a unit’s 领导批示 on a phone', () => {
  it('signs (签收), reports progress (反馈进展) and reports it done (报请办结) from the cards of 批示待办', async () => {
    const [ids] = await h.handle.query<{ indicator: string; unit: string }>(
      `SELECT i.id AS indicator, u.id AS unit FROM indicators i JOIN zones z ON z.id = i.zone_id JOIN units u ON u.zone_id = z.id WHERE z.code = 'xuzhou' AND i.code = 'fai' AND u.code = 'damiao'`,
    );
    const text = '请大庙街道抓紧推进固定资产投资项目入库，月底前报送进展。';
    const leader = await apiAs('leader');
    const made = await leader<{ id: string }>('POST', '/api/instructions', { subjectType: 'indicator', subjectId: ids!.indicator, period: '2022-08', text, leadUnitId: ids!.unit, deadline: '2022-09-15' });
    const page = await phone('xz-damiao');
    await page.goto('/instructions/todo');
    const card = page.getByTestId('in-table').getByTestId('stacked-card').filter({ hasText: text });
    await card.waitFor();
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-55-instructions-todo');
    await card.getByTestId(`in-accept-${made.id}`).tap();
    await expect.poll(textOf(card.getByTestId(`in-state-${made.id}`))).toBe('落实中');
    await card.getByTestId(`in-note-${made.id}`).tap();
    await page.getByTestId('in-text').fill('已排出12个项目清单，逐一对接入库');
    await noSidewaysScroll(page);
    await fingerSized(page, '.ant-modal-body, .ant-modal-footer');
    await h.screenshot(page, 'phone-56-instruction-feedback');
    await page.getByTestId('in-text-ok').tap();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await card.getByTestId(`in-report_done-${made.id}`).tap();
    await expect.poll(textOf(card.getByTestId(`in-state-${made.id}`))).toBe('待办结');
    await noSidewaysScroll(page);
    await fingerSized(page);
    await h.screenshot(page, 'phone-57-instruction-reported');
  });
});

describe('the leader’s cockpit on a phone', () => {
  it('reads without sideways scrolling: charts fit the width, tables scroll in their own box', async () => {
    const page = await phone('leader');
    await page.goto('/cockpit');
    await page.getByTestId('ind-gbr').waitFor();
    await new CockpitPage(page).chart('chart-zone');
    await noSidewaysScroll(page);
    await fingerSized(page);
    // Every chart is no wider than the screen.
    const widest = await page.locator('canvas').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    await h.screenshot(page, 'phone-40-cockpit');

    // The ranking: a tap on a unit opens its indicators; the table scrolls inside its card.
    await new CockpitPage(page).lower();
    const ranking = page.getByTestId('ck-ranking');
    await ranking.evaluate((e) => e.scrollIntoView());
    await ranking.locator('.ant-table-row').first().tap();
    await ranking.locator('.ant-table-expanded-row').first().waitFor();
    await noSidewaysScroll(page);
    await h.screenshot(page, 'phone-41-cockpit-ranking', { keepScroll: true });
    const behind = page.getByTestId('ck-behind');
    await behind.evaluate((e) => e.scrollIntoView());
    await noSidewaysScroll(page);
    await h.screenshot(page, 'phone-42-cockpit-behind', { keepScroll: true });
  });
});
