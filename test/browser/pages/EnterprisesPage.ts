// 企业: the register (count, search, xlsx import), the cultivation pools, an enterprise
// account's own page, appeals with their closed loop, and the statistics by department.
import type { Locator, Page } from 'playwright-core';
import { openModal, submitModal } from './antd';

export class EnterprisesPage {
  constructor(readonly page: Page) {}

  async openRegister(): Promise<this> {
    await this.page.goto('/enterprises/register');
    await this.page.getByTestId('ent-total').waitFor();
    return this;
  }
  /** The register's count (共 n 家), as a number. */
  async total(): Promise<number> {
    return Number((await this.page.getByTestId('ent-total').innerText({ timeout: 2_000 })).replace(/\D/g, ''));
  }
  async search(text: string): Promise<void> {
    const input = this.page.getByTestId('ent-search').locator('input');
    await input.fill(text);
    await input.press('Enter');
  }
  async upload(name: string, buffer: Buffer): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  }

  async openPools(): Promise<this> {
    await this.page.goto('/enterprises/pools');
    await this.page.getByTestId('ent-count-net_four_above').waitFor();
    return this;
  }
  /** A count card of the pools page (net_four_above…), as a number. */
  async poolCount(key: string): Promise<number> {
    return Number(await this.page.getByTestId(`ent-count-${key}`).locator('.gj-ent-count-value').innerText({ timeout: 2_000 }));
  }

  // Appeals
  get appealState(): Locator {
    return this.page.getByTestId('appeal-state');
  }
  /** Clicks a loop action of the open appeal and confirms its dialog. */
  async appealAct(name: string): Promise<void> {
    await this.page.getByTestId(`appeal-act-${name}`).click();
    await submitModal(openModal(this.page));
  }
  myAppeal(title: string): Locator {
    return this.page.getByTestId('my-appeals').locator('.ant-table-row', { hasText: title });
  }

  /** A department's row of the appeal statistics: total, open, closed, satisfied. */
  async statsOf(unit: string): Promise<{ total: number; open: number; closed: number; satisfied: number }> {
    await this.page.goto('/enterprises/stats');
    const row = this.page.getByTestId('ent-stats-table').locator('.ant-table-row', { hasText: unit });
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    return { total: Number(cells[1]), open: Number(cells[2]), closed: Number(cells[3]), satisfied: Number(cells[8]!.split(' / ')[0]) };
  }
}
