// 招商 in a real browser, on the demo's day (2022-08-20, clock pinned on the server):
// 招商局's reporter records a lead, logs a contact and moves it 线索 → 在谈 → 签约;
// the supervisor makes the signed lead a project without retyping and lands on it;
// the counts by month and year to date take the signing once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { chooseIn, openModal, selectOf, submitModal } from './pages/antd';
import { AttractionPage } from './pages/AttractionPage';
import { attrOf, countOf, textOf, valueOf } from './pages/waits';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock: () => new Date('2022-08-20T02:00:00Z') });
});
afterAll(async () => h?.close());

/** August's year-to-date foreign-capital projects on the counts page (opened afresh). */
const augustForeignYtd = async (page: Page) => Number((await new AttractionPage(page).countsRow(8))[6]);

describe('招商 in the browser', () => {
  const NAME = '隆基高效光伏组件二期';
  let zs: Page;
  let sup: Page;
  let leadUrl = '';
  let foreignBefore = 0;

  it('招商局 records a lead and logs a contact', async () => {
    sup = await h.signedIn('supervisor');
    foreignBefore = await augustForeignYtd(sup);
    await h.screenshot(sup, 'attraction-counts-before');

    zs = await h.signedIn('xz-zhaoshang');
    await new AttractionPage(zs).openBoard();
    await zs.getByTestId('lead-new').click();
    const form = zs.getByTestId('lead-form');
    await form.getByTestId('lead-name').fill(NAME);
    await form.getByLabel('投资方').fill('隆基绿能科技股份有限公司');
    await form.getByLabel('来源').fill('以商招商');
    await form.getByLabel('招商组团').fill('新能源招商组');
    await form.getByTestId('lead-chain').fill('新能源新材料');
    await zs.locator('[data-testid="lead-investment"] input, input[data-testid="lead-investment"]').first().fill('2.3');
    await chooseIn(zs, selectOf(zs.getByTestId('lead-currency')), '亿美元');
    await form.getByLabel('外资').check();
    await h.screenshot(zs, 'attraction-lead-form');
    await submitModal(openModal(zs));
    await zs.getByTestId('lead-detail').waitFor();
    leadUrl = new URL(zs.url()).pathname;
    await expect.poll(textOf(zs.getByTestId('lead-stage'))).toBe('线索');

    await zs.getByTestId('lead-contact-note').fill('客商来区考察二期选址，对金龙湖片区地块意向明确。');
    await zs.getByTestId('lead-contact-submit').click();
    await zs.getByTestId('lead-contacts').getByText('对金龙湖片区地块意向明确').waitFor();
  });

  it('moves 线索 → 在谈 → 签约 with the signing date; the board shows it signed', async () => {
    const lead = new AttractionPage(zs);
    await lead.move('negotiating');
    await expect.poll(textOf(lead.stage)).toBe('在谈');
    await lead.move('signed', async () => {
      const date = zs.locator('input[data-testid="lead-signed-on"], [data-testid="lead-signed-on"] input').first();
      await date.click();
      await date.fill('2022-08-19');
      await date.press('Enter');
      await expect.poll(valueOf(date)).toBe('2022-08-19');
    });
    await expect.poll(textOf(lead.stage)).toBe('签约');
    await h.screenshot(zs, 'attraction-lead-signed');
    await lead.openBoard();
    await lead.column('signed').getByText(NAME).waitFor();
    await h.screenshot(zs, 'attraction-board');
  });

  it('the supervisor makes it a project without retyping and lands on the project', async () => {
    await sup.goto(leadUrl);
    await sup.getByTestId('lead-convert').click();
    await h.screenshot(sup, 'attraction-convert');
    await submitModal(openModal(sup));
    await sup.waitForURL('**/projects/p/**');
    await sup.getByText(NAME).first().waitFor();
    await h.screenshot(sup, 'attraction-project');
    await sup.goto(leadUrl);
    await expect.poll(textOf(new AttractionPage(sup).stage)).toBe('落地');
    await expect.poll(attrOf(sup.getByTestId('lead-project-link'), 'href')).toMatch(/^\/projects\/p\/[0-9a-f-]{36}$/);
    await h.screenshot(sup, 'attraction-lead-landed');
  });

  it('the counts take the signing once, in August and year to date', async () => {
    // Polled: each poll opens the counts afresh, until they take the signing.
    await expect.poll(() => augustForeignYtd(sup)).toBe(foreignBefore + 1);
    await h.screenshot(sup, 'attraction-counts');
  });

  it('重新同步 puts back a count changed behind the ledger’s back, then finds nothing to change', async () => {
    const xz = `(SELECT id FROM zones WHERE code = 'xuzhou')`;
    const changed = await h.handle.query(
      `UPDATE figures SET value = value + 5 WHERE zone_id = ${xz} AND period = '2022-08'
         AND indicator_id = (SELECT id FROM indicators WHERE zone_id = ${xz} AND code = 'foreign_projects') RETURNING id`,
    );
    expect(changed.length).toBeGreaterThan(0);
    // Each click's answer is a message that closes after 3 s: wait for the one with the
    // expected words (a count of messages races the previous one closing).
    const resync = async (answer: RegExp) => {
      // The confirm before must have closed: a click on its trigger while it is still open closes it.
      await expect.poll(countOf(sup.locator('.ant-popconfirm:visible'))).toBe(0);
      await sup.getByTestId('at-resync').click();
      await sup.locator('.ant-popconfirm:visible .ant-btn-primary').click();
      await sup.locator('.ant-message-notice', { hasText: answer }).first().waitFor({ timeout: 60_000 });
    };
    await sup.goto('/attraction/counts');
    await sup.getByTestId('at-resync').waitFor();
    await resync(/已重新同步2022年：[1-9]\d*条数据有变化/);
    await h.screenshot(sup, 'attraction-resync');
    await resync(/2022年的数据已与台账一致，无需更改/);
  });

  it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
});
