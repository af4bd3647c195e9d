// 隐患清零: the count tiles, the list, a hazard's detail with its actions, the counts by unit.
import type { Locator, Page } from 'playwright-core';
import { openModal, submitModal } from './antd';

/** The number on a hazard tile (remaining, rectified, overdue, major…) inside `scope`. */
export async function hazardTile(scope: Locator | Page, key: string): Promise<number> {
  const text = await scope.getByTestId(`hz-tile-${key}`).locator('.gj-hz-tile-value').innerText({ timeout: 2_000 });
  return Number(text);
}

export class HazardsPage {
  constructor(readonly page: Page) {}

  /** Opens the list and waits for its tiles. */
  async open(path = '/hazards'): Promise<this> {
    await this.page.goto(path);
    await this.page.getByTestId('hz-tile-remaining').waitFor();
    return this;
  }

  tile(key: string): Promise<number> {
    return hazardTile(this.page, key);
  }
  get table(): Locator {
    return this.page.getByTestId('hz-table');
  }
  get detail(): Locator {
    return this.page.getByTestId('hz-detail');
  }
  /** The state of the hazard open in the detail (已交办, 整改中, 待复核, 已销号). */
  get state(): Locator {
    return this.detail.getByTestId('hz-state');
  }
  /** An action button of the detail: accept, report_done, verify… */
  action(name: string): Locator {
    return this.page.getByTestId(`hz-act-${name}`);
  }
  /** Clicks an action and confirms its dialog (with `fill` run inside it first). */
  act(name: string, fill?: (modal: Locator) => Promise<void>): Promise<void> {
    return this.confirm(this.action(name), fill);
  }
  /** 补充整改材料 (shown while the hazard is open to those who may write it). */
  get addEvidenceButton(): Locator {
    return this.page.getByTestId('hz-add-evidence');
  }
  /** Adds evidence through its dialog, `fill` run inside it first. */
  addEvidence(fill: (modal: Locator) => Promise<void>): Promise<void> {
    return this.confirm(this.addEvidenceButton, fill);
  }
  private async confirm(button: Locator, fill?: (modal: Locator) => Promise<void>): Promise<void> {
    await button.click();
    const modal = openModal(this.page);
    await fill?.(modal);
    await submitModal(modal);
  }
  /** The row of `unit` on the counts tab. */
  unitCounts(unit: string): Locator {
    return this.page.getByTestId('hz-by-unit').locator('.ant-table-row', { hasText: unit });
  }
}
