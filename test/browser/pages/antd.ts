// Small helpers for Ant Design widgets, which are not native form controls.
import type { Locator, Page } from 'playwright-core';

/** Opens an antd Select (by its input's id) and picks the option showing `text`. */
export async function chooseOption(page: Page, selectInputId: string, text: string): Promise<void> {
  // The Select box itself, clicked once it is stable: inside a dialog that is still
  // zooming in, an early click can land before the Select listens.
  const select = page.locator(`.ant-select:has(#${selectInputId})`).first();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await dropdown.waitFor({ timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
  await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click();
}

/** The rows of an antd table inside `scope`, as the visible text of their cells. */
export async function tableRows(scope: Locator): Promise<string[][]> {
  const rows = scope.locator('.ant-table-tbody tr.ant-table-row');
  const n = await rows.count();
  const out: string[][] = [];
  for (let i = 0; i < n; i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((s) => s.trim()));
  return out;
}

/** The open modal dialog. */
export const openModal = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();
