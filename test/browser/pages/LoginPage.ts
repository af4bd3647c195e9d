// The sign-in page: zone, username, password, language.
import type { Page } from 'playwright-core';
import { textOf } from './waits';

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/login');
    await this.page.locator('#login_username').waitFor();
    return this;
  }

  async signIn(username: string, password: string, zoneName?: string): Promise<void> {
    if (zoneName) {
      // A native select: the option naming the zone, once the zones have arrived.
      const option = this.page.locator('#login_zone option', { hasText: zoneName }).first();
      await option.waitFor({ state: 'attached' });
      await this.page.locator('#login_zone').selectOption((await option.getAttribute('value')) ?? '');
    }
    await this.page.locator('#login_username').fill(username);
    await this.page.locator('#login_password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** The error shown after a refused sign-in, read afresh on each call (poll it). */
  error(): Promise<string> {
    return textOf(this.page.getByTestId('login-error'))();
  }

  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByTestId('lang-switch').click();
    await this.page.getByTestId(`lang-${lang}`).click();
  }

  /** The page's heading, read afresh on each call (poll it). */
  heading(): Promise<string> {
    return textOf(this.page.locator('.gj-login-title'))();
  }
}
