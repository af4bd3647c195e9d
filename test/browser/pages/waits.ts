// Assertions that wait. A page answers a click with a request, a refetch and a repaint; on a
// loaded machine any of these can lag, so a test never reads the screen once and asserts:
// it polls the screen until the condition holds (expect.poll, 15 s in
// vitest.browser.config.ts) or waits on a locator, and fails naming what it last saw.
//
//   await expect.poll(textOf(cockpit.timeProgress)).toBe('41.4%');
//   await expect.poll(rowsOf(table)).toHaveLength(3);
//
// A negative check ("does not show 剩余") passes at once on a page not yet drawn: wait for
// a positive sign of the final state first, then assert the negative.
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { tableRows } from './antd';

/** A short per-read timeout, so that one poll of a missing element does not eat the whole wait. */
const READ = { timeout: 2_000 };

/** The visible text of `locator`, trimmed, read afresh on every poll. */
export const textOf = (locator: Locator) => async () => (await locator.innerText(READ)).trim();

/** The visible texts of every element `locator` matches, trimmed. */
export const textsOf = (locator: Locator) => async () => (await locator.allInnerTexts()).map((s) => s.trim());

/** An input's value, read afresh on every poll. */
export const valueOf = (locator: Locator) => () => locator.inputValue(READ);

/** An attribute of `locator`, read afresh on every poll. */
export const attrOf = (locator: Locator, name: string) => () => locator.getAttribute(name, READ);

/** How many elements `locator` matches now. */
export const countOf = (locator: Locator) => () => locator.count();

/** The rows of the antd table inside `scope`, as cell texts. */
export const rowsOf = (scope: Locator) => () => tableRows(scope);

/** Whether `locator` is disabled now. */
export const disabledOf = (locator: Locator) => () => locator.isDisabled(READ);

/**
 * Waits until `locator` shows `text` (a substring or a pattern) and returns the whole
 * text then: for a test that goes on to check more of the same text.
 */
export async function waitForText(locator: Locator, text: string | RegExp, timeout?: number): Promise<string> {
  let seen = '';
  const read = async () => (seen = (await locator.innerText(READ)).trim());
  const poll = expect.poll(read, { timeout, message: `${String(locator)} never showed ${String(text)}` });
  await (typeof text === 'string' ? poll.toContain(text) : poll.toMatch(text));
  return seen;
}
