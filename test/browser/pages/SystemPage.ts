// 系统管理: the units, users and audit-log tabs.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chooseOption, confirmPop, openModal, submitModal, tableRows } from './antd';
import { textsOf } from './waits';

export interface NewUnit {
  name: string;
  code: string;
  /** The kind as the form shows it, e.g. 功能区. */
  kind: string;
}

export class SystemPage {
  constructor(readonly page: Page) {}

  async openTab(tab: 'units' | 'users' | 'audit'): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
    await this.page.getByTestId(`${tab}-page`).waitFor();
    await this.settled(this.page.getByTestId(`${tab}-page`));
  }

  /** Waits until the table in `scope` has stopped loading. */
  async settled(scope: Locator): Promise<void> {
    await scope.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await scope.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  }

  /** The tab labels, read afresh on each call (poll it). */
  tabs(): Promise<string[]> {
    return textsOf(this.page.locator('.ant-tabs-tab'))();
  }

  async unitRows(): Promise<string[][]> {
    const scope = this.page.getByTestId('units-page');
    await this.settled(scope);
    return tableRows(scope);
  }

  /** The unit names in the table (second column). */
  async unitNames(): Promise<string[]> {
    return (await this.unitRows()).map((r) => r[1] ?? '');
  }

  /** Opens 新建单位 and fills it in, without saving. */
  async fillNewUnit(u: NewUnit): Promise<Locator> {
    await this.page.getByTestId('unit-create').click();
    const modal = openModal(this.page);
    await modal.waitFor();
    await this.page.locator('#unit_name').fill(u.name);
    await this.page.locator('#unit_code').fill(u.code);
    await chooseOption(this.page, 'unit_kind', u.kind);
    return modal;
  }

  /** Opens 新建单位, saves it empty and returns the messages beside the fields; the dialog is cancelled. */
  async saveEmptyNewUnit(): Promise<string[]> {
    await this.page.getByTestId('unit-create').click();
    const modal = openModal(this.page);
    await modal.waitFor();
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const errors = modal.locator('.ant-form-item-explain-error');
    await errors.first().waitFor();
    const texts = (await errors.allInnerTexts()).map((s) => s.trim());
    await modal.locator('.ant-modal-footer .ant-btn').first().click();
    await modal.waitFor({ state: 'hidden' });
    return texts;
  }

  /** Saves the open form dialog and waits until it closes. */
  async saveDialog(): Promise<void> {
    const modal = openModal(this.page);
    await submitModal(modal);
  }

  async createUnit(u: NewUnit): Promise<void> {
    await this.fillNewUnit(u);
    await this.saveDialog();
  }

  /** Deletes the unit named `name` through its confirm; returns the message that follows. */
  async deleteUnit(name: string): Promise<string> {
    const row = this.page.getByTestId('units-page').locator('.ant-table-tbody tr.ant-table-row', { hasText: name }).first();
    // A message still showing from the step before (已新建单位…) is not this answer.
    const notices = this.page.locator('.ant-message-notice');
    const before = new Set((await notices.allInnerTexts()).map((t) => t.trim()));
    await row.locator('.ant-btn-dangerous').click();
    await confirmPop(this.page);
    let answer = '';
    await expect
      .poll(async () => (answer = (await notices.allInnerTexts()).map((t) => t.trim()).find((t) => !before.has(t)) ?? ''), { timeout: 20_000 })
      .not.toBe('');
    return answer;
  }

  async closeDrawer(): Promise<void> {
    await this.page.locator('.gj-audit-drawer .ant-drawer-close').click();
    await this.page.locator('.gj-audit-drawer .ant-drawer-section').waitFor({ state: 'hidden' });
  }

  async userRows(): Promise<string[][]> {
    const scope = this.page.getByTestId('users-page');
    await this.settled(scope);
    return tableRows(scope);
  }

  async auditRows(): Promise<string[][]> {
    const scope = this.page.getByTestId('audit-page');
    await this.settled(scope);
    return tableRows(scope);
  }

  /** Opens the audit entry whose row shows `text`; returns the drawer. */
  async openAuditEntry(text: string): Promise<Locator> {
    await this.page.getByTestId('audit-page').locator('.ant-table-tbody tr.ant-table-row', { hasText: text }).first().click();
    const drawer = this.page.locator('.gj-audit-drawer .ant-drawer-section');
    await drawer.waitFor();
    return drawer;
  }

  /** The before/after rows of the open drawer: [field, before, after]. */
  async auditDiff(drawer: Locator): Promise<string[][]> {
    return tableRows(drawer.getByTestId('audit-diff'));
  }
}
