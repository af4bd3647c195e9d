// 通报: drafting a bulletin from a month's data, editing its parts, publishing, downloads.
import type { Locator, Page } from 'playwright-core';
import { chooseOption, popconfirm } from './antd';

export class BulletinsPage {
  constructor(readonly page: Page) {}

  /** Drafts a new bulletin (of `period`, as the picker shows it, e.g. 2023年6月) and waits for it. */
  async draft(period?: string): Promise<this> {
    await this.page.goto('/bulletins');
    await this.page.getByTestId('bu-new').click();
    if (period) await chooseOption(this.page, 'bu-period', period);
    await this.page.getByTestId('bu-draft-ok').click();
    // Drafting draws the charts on the server: slow on a loaded machine.
    await this.page.getByTestId('bu-detail').waitFor({ timeout: 60_000 });
    return this;
  }
  /** A field of the bulletin: lead, closing, copy-to, print-office, print-date, issue. */
  field(name: string): Locator {
    return this.page.getByTestId(`bu-${name}`);
  }
  get hazards(): Locator {
    return this.page.getByTestId('bu-hazards');
  }
  async saveEdits(): Promise<void> {
    await this.page.getByTestId('bu-save').click();
    await this.page.getByText('已保存').waitFor();
  }
  async publish(): Promise<void> {
    await popconfirm(this.page, this.page.getByTestId('bu-publish'), this.page.getByText('已发布，内容已冻结'));
  }
}
