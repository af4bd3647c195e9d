// 领导批示: the block on a bulletin (or indicator, problem, appeal) where a leader writes one,
// the instruction tables (我的批示, 批示待办, all) with each row's 签收 / 反馈 / 报请办结 / 办结.
import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './antd';

export class InstructionsPage {
  constructor(readonly page: Page) {}

  async open(path: '/instructions' | '/instructions/todo' = '/instructions'): Promise<this> {
    await this.page.goto(path);
    await this.page.getByTestId('in-page').waitFor();
    return this;
  }

  get block(): Locator {
    return this.page.getByTestId('in-block');
  }
  get counts(): Locator {
    return this.page.getByTestId('in-counts');
  }
  /** The row of the instruction whose text shows `text`. */
  row(text: string): Locator {
    return this.page.getByTestId('in-table').locator('tr.ant-table-row', { hasText: text });
  }
  /** A row's action: accept, note, report_done, verify. */
  action(text: string, name: string): Locator {
    return this.row(text).locator(`[data-testid^="in-${name}-"]`);
  }

  /** Writes an instruction in the block: lead and supporting units, deadline. */
  async write(i: { text: string; lead: string; supporting: string; deadline: string }): Promise<void> {
    await this.page.getByTestId('in-write').click();
    await this.page.getByTestId('in-text-input').fill(i.text);
    await chooseOption(this.page, 'leadUnitId', i.lead);
    await chooseOption(this.page, 'supportingUnitIds', i.supporting);
    await this.page.keyboard.press('Escape');
    await this.page.locator('#deadline').click();
    await this.page.locator('#deadline').fill(i.deadline);
    await this.page.keyboard.press('Enter');
  }
}
