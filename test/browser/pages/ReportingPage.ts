// 指标目标 › 月度填报 and 审核: a unit's figures of a month (value, previous year, note, state,
// the live 同比/完成率/序时 and the checks while typing), xlsx import, the 旬报 panel; and the
// supervisor's review with approve and lock.
import type { Locator, Page } from 'playwright-core';

export class ReportingPage {
  constructor(readonly page: Page) {}

  /** Opens 月度填报 of `period` (e.g. 2023-05) and waits until `readyCode`'s field is there. */
  async open(period: string, readyCode = 'gbr'): Promise<this> {
    await this.page.goto(`/targets/report?period=${period}`);
    await this.value(readyCode).waitFor();
    return this;
  }

  value(code: string): Locator {
    return this.page.getByTestId(`rp-value-${code}`);
  }
  prevYear(code: string): Locator {
    return this.page.getByTestId(`rp-prev-${code}`);
  }
  note(code: string): Locator {
    return this.page.getByTestId(`rp-note-${code}`);
  }
  /** The state tag of a row (草稿, 已报送, 已审核…). */
  state(code: string): Locator {
    return this.page.getByTestId(`rp-state-${code}`);
  }
  /** 同比, 完成率 and 序时 of what is typed. */
  live(code: string): Locator {
    return this.page.getByTestId(`rp-live-${code}`);
  }
  warning(code: string): Locator {
    return this.page.getByTestId(`rp-warn-${code}`);
  }
  /** Why a value is refused (not a number…). */
  reason(code: string): Locator {
    return this.page.getByTestId(`rp-reason-${code}`);
  }
  get submit(): Locator {
    return this.page.getByTestId('rp-submit');
  }
  get save(): Locator {
    return this.page.getByTestId('rp-save');
  }
  get importResult(): Locator {
    return this.page.getByTestId('rp-import-result');
  }

  /** Imports a filled template (the upload beside 导入). */
  async importFile(path: string): Promise<void> {
    await this.page.getByTestId('rp-import').locator('..').locator('input[type=file]').setInputFiles(path);
  }

  // 旬报
  get dekadPanel(): Locator {
    return this.page.getByTestId('dk-panel');
  }
  dekadValue(code: string, dekad: 1 | 2 | 3): Locator {
    return this.page.getByTestId(`dk-value-${code}-${dekad}`);
  }
  dekadProgress(code: string, dekad: 1 | 2 | 3): Locator {
    return this.page.getByTestId(`dk-progress-${code}-${dekad}`);
  }
  async saveDekad(code: string, dekad: 1 | 2 | 3, value: string): Promise<void> {
    await this.dekadValue(code, dekad).fill(value);
    await this.page.getByTestId(`dk-save-${code}-${dekad}`).click();
  }
}

export class ReviewPage {
  constructor(readonly page: Page) {}

  async open(period: string): Promise<this> {
    await this.page.goto(`/targets/review?period=${period}`);
    await this.table.locator('.ant-table-row').first().waitFor();
    return this;
  }

  get table(): Locator {
    return this.page.getByTestId('rv-table');
  }
  /** Checks every row and approves them; waits for 已处理 n 项. */
  async approveAll(n: number): Promise<void> {
    await this.table.locator('thead .ant-checkbox-input').check();
    await this.page.getByTestId('rv-approve').click();
    await this.page.getByText(`已处理 ${n} 项`).waitFor();
  }
}
