// The zone's date: the quiet banner on every page, and 系统管理 › 业务日期 (clear, pin).
import type { Locator, Page } from 'playwright-core';

export class ZoneDatePage {
  constructor(readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByTestId('zone-date-banner');
  }
  async open(): Promise<this> {
    await this.page.goto('/system/zone');
    await this.current.waitFor();
    return this;
  }
  /** What the admin page says the date is now (固定于 …, 实时（今天） …). */
  get current(): Locator {
    return this.page.getByTestId('zone-date-current');
  }
  async clear(): Promise<void> {
    await this.page.getByTestId('zone-date-clear').click();
  }
  async pin(date: string): Promise<void> {
    const input = this.page.locator('input[data-testid="zone-date-input"]:visible, [data-testid="zone-date-input"] input:visible').first();
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await this.page.getByTestId('zone-date-pin').click();
  }
}
