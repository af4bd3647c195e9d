// Small helpers for Ant Design widgets, which are not native form controls.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Opens an antd Select (by its input's id) and picks the option showing `text`. */
export async function chooseOption(page: Page, selectInputId: string, text: string): Promise<void> {
  // The Select box itself, clicked once it is stable (not forced on its hidden input).
  await chooseIn(page, page.locator(`.ant-select:has(#${selectInputId})`).first(), text);
}

/**
 * Picks `text` in the antd Select `select` (its root, .ant-select); `typeToFind` types the
 * text first, for a long (virtual) list. On a loaded machine a click on an option still
 * sliding in can select nothing: the box must show the choice, else it is chosen again.
 */
export async function chooseIn(page: Page, select: Locator, text: string, typeToFind = false): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  for (let attempt = 1; ; attempt++) {
    // Open this box unless it is open: a menu merely visible may be the closing one of the
    // Select picked just before.
    const open = (await select.getAttribute('class'))?.includes('ant-select-open') ?? false;
    if (!open) await clickUntilShown(() => select.click(), dropdown, 5_000);
    // What was typed stays in the search of a box left open: typed again only into one just
    // opened (no Escape between tries: it would close the dialog or drawer around the box).
    if (typeToFind && (attempt === 1 || !open)) await page.keyboard.type(text);
    try {
      await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click({ timeout: 5_000 });
      // (The dropdown lives in a portal: the box's own text is the value shown.)
      await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain(text);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * Confirms the open Popconfirm: clicks its OK until it has closed. A click landing while it
 * still zooms in can miss (seen at load 6: the confirm stayed open, nothing was sent); a
 * click that was taken closes it, or leaves its button loading, which ignores a second.
 * Closed means closed at two looks in a row: a confirm drawn again (a new popup for the same
 * open confirm) is briefly absent (seen at load 5: confirmed, said closed, open again).
 */
export async function confirmPop(page: Page): Promise<void> {
  const ok = page.locator('.ant-popconfirm:visible .ant-btn-primary');
  await ok.first().waitFor();
  let absent = 0;
  await expect
    .poll(
      async () => {
        if (await ok.first().isVisible()) await ok.first().click({ timeout: 2_000 }).catch(() => undefined);
        absent = (await ok.count()) === 0 ? absent + 1 : 0;
        return absent;
      },
      { timeout: 30_000, interval: 700 },
    )
    .toBeGreaterThanOrEqual(2);
}

/**
 * Clicks `trigger`, confirms its Popconfirm and waits for `done` (what the confirmed action
 * shows); does it all again, three times at most, while `done` has not shown. Under load a
 * click meant for the confirm's OK can land on the trigger beneath it as the confirm zooms in,
 * which closes it unconfirmed (seen at load 8: 审核发布 not published, its confirm open again).
 * A taken action is not asked twice: the trigger is clicked again only while it is shown,
 * not loading, and no confirm is open (a click on the trigger of an open confirm closes it);
 * a confirm still open five seconds on was never confirmed, and is confirmed then.
 */
export async function popconfirm(page: Page, trigger: Locator, done: Locator, timeout = 15_000): Promise<void> {
  const open = page.locator('.ant-popconfirm:visible');
  for (let attempt = 1; ; attempt++) {
    if (await done.isVisible()) return;
    // A confirm closing after a taken click is gone within the second; one still open after
    // five was never confirmed (seen at load 5: open again after its OK), and is confirmed now.
    const stillOpen = await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0).then(() => false, () => true);
    const ready = async () => (await trigger.isVisible()) && (await trigger.isEnabled()) && !((await trigger.getAttribute('class')) ?? '').includes('ant-btn-loading');
    if (stillOpen) await confirmPop(page);
    else if ((await ready()) && !(await done.isVisible())) {
      await trigger.click();
      await confirmPop(page);
    }
    try {
      await done.waitFor({ timeout });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * Clicks the OK of the dialog `modal` until the dialog has closed: a click landing while it
 * still zooms in can miss (seen at load 8: 报结's dialog stayed open, nothing sent). A taken
 * click leaves the button loading (every form dialog sets confirmLoading) or the dialog
 * leaving, and is not repeated. Only for dialogs that close when their action succeeds.
 */
export async function submitModal(modal: Locator): Promise<void> {
  const ok = modal.locator('.ant-modal-footer .ant-btn-primary').last();
  await ok.waitFor();
  await expect
    .poll(
      async () => {
        const classes = async (l: Locator) => (await l.getAttribute('class', { timeout: 1_000 }).catch(() => null)) ?? '';
        const busy = (await classes(modal)).includes('-leave') || (await classes(ok)).includes('ant-btn-loading');
        if (!busy && (await ok.isVisible())) await ok.click({ timeout: 2_000 }).catch(() => undefined);
        return modal.isVisible();
      },
      { timeout: 30_000, interval: 1_500 },
    )
    .toBe(false);
}

/** The antd Select (its root, .ant-select) holding `part`, or `part` itself when it is the root. */
export const selectOf = (part: Locator): Locator =>
  part.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');

/**
 * Clicks until `shown` appears, three tries at most: on a loaded machine a click that
 * lands while a menu or dialog is still animating in can miss. `between` undoes a
 * half-done try (e.g. closes a menu left open).
 */
export async function clickUntilShown(click: () => Promise<void>, shown: Locator, timeout: number, between?: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await click();
    try {
      await shown.waitFor({ timeout });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await between?.();
    }
  }
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
