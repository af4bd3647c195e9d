// 考核: schemes, the ranking with explained points and 流动红旗, the editor, bonuses, publish
// and recompute.
import type { Locator, Page } from 'playwright-core';

export class AssessmentPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/assessment');
    await this.page.getByTestId('as-new').or(this.page.locator('[data-testid^="as-scheme-"]').first()).first().waitFor();
    return this;
  }
  /** Opens a scheme (e.g. 2022-Q3) and waits for its results. */
  async openScheme(key: string): Promise<void> {
    await this.page.getByTestId(`as-scheme-${key}`).click();
    await this.results.waitFor();
  }
  get results(): Locator {
    return this.page.getByTestId('as-results');
  }
  /** A unit's row of the ranking. */
  unit(name: string): Locator {
    return this.page.getByTestId(`as-unit-${name}`);
  }
  get redFlags(): Locator {
    return this.page.getByTestId('as-redflag');
  }
  get publish(): Locator {
    return this.page.getByTestId('as-publish');
  }
}
