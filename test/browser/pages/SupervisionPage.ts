// 督查督办: the task list with its lights and counts, the summaries by unit or leader, the
// breakdown of a speech into a draft, a task's detail (progress, delays, notices), settings.
import type { Locator, Page } from 'playwright-core';

export class SupervisionPage {
  constructor(readonly page: Page) {}

  /** Opens the task list and waits for its first row. */
  async openTasks(): Promise<this> {
    await this.page.goto('/supervision/tasks');
    await this.taskRows.first().waitFor();
    return this;
  }

  get taskRows(): Locator {
    return this.page.getByTestId('sv-tasks').locator('tr.ant-table-row');
  }
  get summary(): Locator {
    return this.page.getByTestId('sv-summary');
  }
  /** The first column of the summary: units, or leaders. */
  get summaryNames(): Locator {
    return this.summary.locator('tr.ant-table-row td:first-child');
  }
  /** A count above the list (total, late, closed…), as a number. */
  async count(key: string): Promise<number> {
    return Number(await this.page.getByTestId(`sv-count-${key}`).locator('.ant-statistic-content-value').innerText({ timeout: 2_000 }));
  }

  get draft(): Locator {
    return this.page.getByTestId('sv-draft');
  }
  /** The draft row whose task text is exactly `text`. */
  draftRow(text: string): Locator {
    return this.draft.locator('tr.ant-table-row').filter({ has: this.page.locator(`textarea:text-is("${text}")`) }).first();
  }
}
