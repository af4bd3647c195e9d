// 招商: the board of leads by stage, a lead's detail (contacts, moves, conversion to a project),
// and the counts by month and year to date with 重新同步.
import type { Locator, Page } from 'playwright-core';
import { openModal, submitModal } from './antd';

export class AttractionPage {
  constructor(readonly page: Page) {}

  async openBoard(): Promise<this> {
    await this.page.goto('/attraction/board');
    await this.page.getByTestId('at-board').waitFor();
    return this;
  }
  get stage(): Locator {
    return this.page.getByTestId('lead-stage');
  }
  /** Moves the open lead to `stage` (negotiating, signed…), confirming the dialog (after `fill`). */
  async move(stage: string, fill?: () => Promise<void>): Promise<void> {
    await this.page.getByTestId(`lead-move-${stage}`).click();
    await fill?.();
    await submitModal(openModal(this.page));
  }
  column(stage: string): Locator {
    return this.page.getByTestId(`at-col-${stage}`);
  }

  /** Opens the counts page; returns one month's row (1–12) of the table as cell texts. */
  async countsRow(month: number): Promise<string[]> {
    await this.page.goto('/attraction/counts');
    const row = this.page.getByTestId('at-counts-table').locator('.ant-table-row').nth(month - 1);
    await row.waitFor();
    return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
  }
}
