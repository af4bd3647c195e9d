// 企业 in a real browser, on the demo's day (2022-08-20, clock pinned on the server):
// the supervisor imports a register of 3,000 enterprises from xlsx — first a sheet
// with bad credit codes (row errors, nothing imported), then a good one; the 四上
// count follows the register; a pool suggests candidates and the supervisor adds
// one; 徐工集团's enterprise user raises an appeal, 经发局 handles and answers it,
// the supervisor closes it, the enterprise rates it, and the statistics show it.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/domains/enterprises/uscc';
import { startHarness, type Harness } from './harness';
import { chooseIn, openModal, selectOf, submitModal } from './pages/antd';
import { EnterprisesPage } from './pages/EnterprisesPage';
import { countOf, textOf, waitForText } from './pages/waits';

const ROWS = 3000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock: () => new Date('2022-08-20T02:00:00Z') });
});
afterAll(async () => h?.close());

const code = (n: number) => {
  const first17 = `91320301MC${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
};

/** A register sheet as clerks fill it: the template's header, then the rows. */
async function registerXlsx(bad: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业库');
  ws.addRow(['企业名称*', '统一社会信用代码*', '所在镇街*', '产业链', '包挂领导', '年份', '产值(万元)', '税收(万元)', '从业人数', '标签']);
  for (let i = 0; i < ROWS; i++) {
    let c = code(i + 1);
    if (bad && i === 10) c = c.slice(0, 17) + (c.endsWith('0') ? '1' : '0'); // wrong check character
    if (bad && i === 1500) c = '91320301MC12345'; // too short
    if (bad && i === 2999) c = 'ABCDEFGHIJKLMNOPQR';
    const output = 800 + ((i * 37) % 1400);
    ws.addRow([`徐州浏览器测试企业${i + 1}有限公司`, c, i % 2 ? '东环街道' : '大庙街道', '新能源新材料', '', 2022, `${output}.00`, String(Math.round(output * 0.04)), 20 + (i % 80), i % 10 === 0 ? '四上(2022-05-01)' : '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}


describe('企业 in the browser', () => {
  let sup: Page;
  let ents: EnterprisesPage;
  let appealUrl = '';
  const title = '二期厂房用地指标需尽快落实';

  it('the supervisor imports a register: bad credit codes give row errors and import nothing; a good sheet imports 3,000', async () => {
    sup = await h.signedIn('supervisor');
    ents = new EnterprisesPage(sup);
    await ents.openPools();
    await expect.poll(() => ents.poolCount('net_four_above')).toBeGreaterThan(0);
    const before4 = await ents.poolCount('net_four_above');
    await ents.openRegister();
    await expect.poll(() => ents.total()).toBeGreaterThan(0);
    const before = await ents.total();
    await h.screenshot(sup, 'enterprises-register');

    await ents.upload('企业库-有错.xlsx', await registerXlsx(true));
    const alert = sup.getByTestId('ent-import-errors');
    await alert.waitFor({ timeout: 60_000 });
    const text = await waitForText(alert, '未导入任何企业');
    for (const row of [12, 1502, 3001]) expect(text).toContain(`第${row}行`);
    expect(text).toContain('校验');
    await h.screenshot(sup, 'enterprises-import-errors');
    await ents.openRegister();
    await expect.poll(() => ents.total()).toBe(before);

    const started = Date.now();
    await ents.upload('企业库.xlsx', await registerXlsx(false));
    await sup.getByTestId('ent-import-progress').waitFor();
    await h.screenshot(sup, 'enterprises-import-progress');
    await sup.locator('.ant-message', { hasText: '导入完成' }).waitFor({ timeout: 90_000 });
    console.log(`browser import of ${ROWS} rows: ${Date.now() - started} ms`);
    await expect.poll(() => ents.total()).toBe(before + ROWS);

    await ents.search('浏览器测试企业11有限公司');
    await expect.poll(() => ents.total()).toBe(1);
    await h.screenshot(sup, 'enterprises-register-search');

    // Every tenth row gained 四上 on 2022-05-01: the zone's net count follows the register.
    await ents.openPools();
    await expect.poll(() => ents.poolCount('net_four_above')).toBe(before4 + ROWS / 10);
    await h.screenshot(sup, 'enterprises-pools');
  }, 240_000);

  it('a pool suggests candidates by its rules and the supervisor adds one; its progress shows', async () => {
    await sup.getByTestId('pool-to-above-size').click();
    const candidates = sup.getByTestId('pool-candidates');
    await candidates.locator('.ant-table-row').first().waitFor();
    const first = candidates.locator('.ant-table-row').first();
    const name = await textOf(first.locator('td').first())();
    expect(name).not.toBe('');
    await first.getByRole('button').click();
    await sup.getByTestId('pool-members').locator('.ant-table-row', { hasText: name }).waitFor();
    await expect.poll(countOf(candidates.locator('.ant-table-row', { hasText: name }))).toBe(0);
    await h.screenshot(sup, 'enterprises-pool-detail');
  });

  it('the enterprise user lands on its own enterprise, sees nothing else, and raises an appeal', async () => {
    const ent = await h.signedIn('ent-xcmg');
    await ent.waitForURL('**/enterprises/my');
    await ent.getByTestId('my-enterprise-name').waitFor();
    await expect.poll(textOf(ent.getByTestId('my-enterprise-name'))).toBe('徐工集团');
    await ent.goto('/enterprises/register');
    await ent.waitForURL('**/enterprises/my');
    await ent.getByTestId('my-appeal-new').click();
    const form = ent.getByTestId('appeal-form');
    await chooseIn(ent, selectOf(ent.getByTestId('appeal-category')), '用地');
    await form.getByTestId('appeal-title').fill(title);
    await form.getByTestId('appeal-detail').fill('二期智能制造基地需新增工业用地约120亩，请协调用地指标与供地时序。');
    await h.screenshot(ent, 'enterprises-my-appeal-form');
    await submitModal(openModal(ent));
    const row = ent.getByTestId('my-appeals').locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await expect.poll(textOf(row)).toContain('待交办');
    await h.screenshot(ent, 'enterprises-my');
  });

  it('the supervisor assigns it to 经发局 with the service standard’s deadline', async () => {
    await sup.goto('/enterprises/appeals');
    await sup.getByTestId('appeal-table').locator('.ant-table-row', { hasText: title }).click();
    await sup.getByTestId('appeal-detail').waitFor();
    appealUrl = new URL(sup.url()).pathname;
    await sup.getByTestId('appeal-act-assign').click();
    await chooseIn(sup, selectOf(sup.getByTestId('appeal-assignee')), '经发局');
    await submitModal(openModal(sup));
    await expect.poll(textOf(ents.appealState)).toBe('已交办');
    await h.screenshot(sup, 'enterprises-appeal-assigned');
  });

  it('经发局’s reporter accepts it, answers the enterprise and reports it done', async () => {
    const dept = await h.signedIn('xz-jingfa');
    const appeal = new EnterprisesPage(dept);
    await dept.goto(appealUrl);
    await appeal.appealAct('accept');
    await expect.poll(textOf(appeal.appealState)).toBe('办理中');
    await dept.getByTestId('appeal-answer-input').fill('已纳入第三季度用地计划，自然资源分局9月上旬完成组卷报批。');
    await dept.getByTestId('appeal-answer-submit').click();
    await dept.getByTestId('appeal-answer').waitFor();
    await appeal.appealAct('report_done');
    await expect.poll(textOf(appeal.appealState)).toBe('待复核');
    await h.screenshot(dept, 'enterprises-appeal-handled');
  });

  it('the supervisor closes it; the enterprise rates it 满意; the statistics show it by department', async () => {
    const before = await ents.statsOf('经发局');
    await sup.goto(appealUrl);
    await ents.appealAct('verify');
    await expect.poll(textOf(ents.appealState)).toBe('已办结');

    const ent = await h.signedIn('ent-xcmg');
    await ent.getByTestId('my-appeals').locator('.ant-table-row', { hasText: title }).click();
    await ent.getByTestId('appeal-rate').waitFor();
    await ent.getByTestId('appeal-rate').getByText('满意', { exact: true }).click();
    await ent.getByTestId('appeal-rate-submit').click();
    await expect.poll(() => ent.getByTestId('appeal-satisfaction').innerText()).toBe('满意');
    await h.screenshot(ent, 'enterprises-my-appeal-rated');

    // Polled: the statistics page is read afresh until it counts the rating.
    await expect.poll(() => ents.statsOf('经发局')).toEqual({ total: before.total, open: before.open - 1, closed: before.closed + 1, satisfied: before.satisfied + 1 });
    await h.screenshot(sup, 'enterprises-stats');
  });

  it('the supervisor reports a plan month, then corrects it: each save sends the month’s version it read', async () => {
    const plan = (await h.handle.query<{ id: string }>(`SELECT p.id FROM enterprise_plans p JOIN enterprises e ON e.id = p.enterprise_id JOIN zones z ON z.id = p.zone_id WHERE z.code = 'xuzhou' AND e.name = '徐工集团' AND p.year = 2022`))[0]!;
    await sup.goto(`/enterprises/plans/${plan.id}`);
    const detail = sup.getByTestId('plan-detail');
    for (const [output, note] of [['7300000', '浏览器测试：八月'], ['7400000', '浏览器测试：八月更正']] as const) {
      await detail.getByRole('button', { name: '填报月度累计' }).click();
      const modal = sup.locator('.ant-modal');
      // August: offered as the next month the first time, picked again the second.
      await chooseIn(sup, modal.locator('.ant-select').first(), '8');
      await modal.locator('#output').fill(output);
      await modal.locator('#note').fill(note);
      await submitModal(openModal(sup));
      await detail.getByText(note, { exact: true }).waitFor();
    }
  });

  it('the supervisor marks a held tag lost, with the tag’s version', async () => {
    const e = (await h.handle.query<{ id: string }>(
      `SELECT t.enterprise_id AS id FROM enterprise_tags t JOIN zones z ON z.id = t.zone_id WHERE z.code = 'xuzhou' AND t.lost_on IS NULL AND t.gained_on < '2022-08-01' ORDER BY t.gained_on, t.id LIMIT 1`,
    ))[0]!;
    await sup.goto(`/enterprises/register/${e.id}`);
    const tags = sup.getByTestId('ent-tags');
    await tags.getByRole('button', { name: '记为失去' }).first().click();
    await sup.locator('.ant-modal .ant-picker').click();
    await sup.keyboard.type('2022-08-01');
    await sup.keyboard.press('Enter');
    await submitModal(openModal(sup));
    await tags.getByText('2022-08-01').first().waitFor();
  });

  it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
});
