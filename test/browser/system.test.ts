// 系统管理 in a real browser: sign-in (and its errors), the admin's units, a new
// unit and its audit entry, a reporter without 系统管理, and the English view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startHarness, type Harness } from './harness';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { SystemPage } from './pages/SystemPage';
import { textOf, textsOf } from './pages/waits';

const XUZHOU = '徐州经济技术开发区';
const TERRITORIAL = ['大庙街道', '大黄山街道', '东环街道', '金山桥街道', '金龙湖街道', '徐庄镇'];

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('系统管理 in the browser', () => {
  it('sends a signed-out visitor to the sign-in page, in Chinese', async () => {
    const page = await h.newPage();
    await page.goto('/system/units');
    await page.locator('#login_username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const login = new LoginPage(page);
    await expect.poll(() => login.heading()).toBe('账号登录');
    await expect.poll(textOf(page.locator('.gj-brand-name'))).toBe('攻坚');
    await h.screenshot(page, '01-login');
  });

  it('shows the server’s Chinese message on a wrong password', async () => {
    const page = await h.newPage();
    const login = await new LoginPage(page).open();
    await login.signIn('admin', 'wrong-password-9', XUZHOU);
    await expect.poll(() => login.error()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await h.screenshot(page, '02-login-wrong-password');
  });

  it('lets the admin see the units, create one and find it in the audit log', async () => {
    const page = await h.newPage();
    await new LoginPage(page).open().then((l) => l.signIn('admin', DEMO_PASSWORD, XUZHOU));
    const shell = await new ShellPage(page).waitUntilSignedIn();
    await shell.openModule('系统管理');
    await page.waitForURL('**/system/units');
    await expect.poll(() => shell.menu()).toContain('系统管理');
    await expect.poll(() => shell.role()).toBe('系统管理员');
    await expect.poll(() => shell.zone()).toContain(XUZHOU);

    const system = new SystemPage(page);
    await page.getByTestId('units-page').waitFor();
    await expect.poll(() => system.tabs()).toEqual(['单位', '用户', '审计日志', '业务日期']);
    const names = await system.unitNames();
    for (const n of TERRITORIAL) expect(names).toContain(n);
    const rows = await system.unitRows();
    expect(rows.find((r) => r[1] === '徐庄镇')?.[3]).toBe('镇');
    expect(rows.find((r) => r[1] === '大庙街道')?.[4]).toBe('属地板块');
    expect(rows.find((r) => r[1] === '经发局')?.[3]).toBe('部门');
    await h.screenshot(page, '03-units');

    // Saved empty, the dialog names what is missing and stays (no uncaught rejection: see the last test).
    expect(await system.saveEmptyNewUnit()).toEqual(expect.arrayContaining(['请输入单位名称']));
    await system.fillNewUnit({ name: '高新技术产业园', code: 'gaoxin', kind: '功能区' });
    await h.screenshot(page, '04a-unit-form');
    // The message lasts 3 s and the dialog's close is polled: wait for it from before the save.
    await Promise.all([page.getByText('已新建单位“高新技术产业园”').waitFor(), system.saveDialog()]);
    await page.getByTestId('units-page').locator('tr', { hasText: '高新技术产业园' }).waitFor();
    const created = (await system.unitRows()).find((r) => r[1] === '高新技术产业园');
    expect(created?.slice(2, 6)).toEqual(['gaoxin', '功能区', '职能部门', '启用']);
    // Its order left empty, it goes last.
    expect(Number(created?.[0])).toBe(Math.max(...rows.map((r) => Number(r[0]))) + 10);
    await h.screenshot(page, '04-unit-created');

    // A unit with accounts cannot go: the server's 409 message is shown as it is.
    expect(await system.deleteUnit('大庙街道')).toBe('大庙街道仍在使用中，不能删除');
    expect(await system.unitNames()).toContain('大庙街道');

    await system.openTab('users');
    const users = await system.userRows();
    expect(users.some((r) => r[1] === 'xz-damiao' && r[2] === '单位填报员' && r[3] === '大庙街道')).toBe(true);
    await h.screenshot(page, '05-users');

    await system.openTab('audit');
    const audit = await system.auditRows();
    expect(audit[0]?.[2]).toBe('新建');
    expect(audit[0]?.[3]).toBe('单位 · 高新技术产业园');
    expect(audit[0]?.[1]).toContain('admin');
    const drawer = await system.openAuditEntry('高新技术产业园');
    const diff = await system.auditDiff(drawer);
    expect(diff).toContainEqual(['名称\nname', '—', '高新技术产业园']);
    expect(diff).toContainEqual(['类型\nkind', '—', '功能区']);
    await h.screenshot(page, '06-audit-drawer');
  });

  it('gives a unit reporter a home page and no 系统管理', async () => {
    const page = await h.newPage();
    // A reporter belongs to one zone: the zone may be left out.
    await new LoginPage(page).open().then((l) => l.signIn('xz-damiao', DEMO_PASSWORD));
    const shell = await new ShellPage(page).waitUntilSignedIn();
    // The role shown and the menu drawn first (positive), then what the menu lacks.
    await expect.poll(() => shell.role()).toBe('单位填报员');
    await expect.poll(() => shell.menu()).not.toEqual([]);
    expect(await shell.menu()).not.toContain('系统管理');
    // A deep link to 系统管理 leads back to the reporter's start page.
    const start = new URL(page.url()).pathname;
    expect(start).not.toContain('/system');
    await page.goto('/system/units');
    await page.waitForURL((url) => url.pathname === start);
    // The home page names the reporter's unit.
    await page.goto('/home');
    await expect.poll(textOf(page.getByTestId('home-unit-card'))).toContain('大庙街道');
    await h.screenshot(page, '07-reporter-home');
  });

  it('switches to English and keeps it', async () => {
    const page = await h.newPage();
    await new LoginPage(page).open().then((l) => l.signIn('admin', DEMO_PASSWORD, XUZHOU));
    const shell = await new ShellPage(page).waitUntilSignedIn();
    await shell.openModule('系统管理');
    await page.waitForURL('**/system/units');
    await shell.switchLanguage('en');
    await page.getByTestId('main-menu').getByText('Administration').waitFor();
    await expect.poll(() => shell.menu()).toContain('Administration');
    await expect.poll(() => shell.role()).toBe('Administrator');
    const system = new SystemPage(page);
    await page.getByTestId('units-page').waitFor();
    await expect.poll(() => system.tabs()).toEqual(['Units', 'Users', 'Audit log', 'Business date']);
    await expect.poll(textsOf(page.getByTestId('units-page').locator('.ant-table-thead th'))).toEqual(expect.arrayContaining(['Name', 'Code', 'Kind', 'Ranking group', 'Status', 'Actions']));
    await expect.poll(async () => (await system.unitRows()).find((r) => r[1] === '徐庄镇')?.[3]).toBe('Town');
    await h.screenshot(page, '08-english-units');

    // Saved on the account: a reload stays in English.
    await page.reload();
    await page.getByTestId('main-menu').getByText('Administration').waitFor();
    await system.openTab('audit');
    await system.openAuditEntry('Update');
    await h.screenshot(page, '09-english-audit-drawer');
    await system.closeDrawer();

    // The sign-in page follows too.
    await shell.signOut();
    await expect.poll(() => new LoginPage(page).heading()).toBe('Sign in');
    await h.screenshot(page, '10-english-login');
  });

  it('raised no error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
