// The sign-in page: zone, username, password, language.
import type { Page } from 'playwright-core';
import { chooseOption } from './antd';
import { textOf } from './waits';

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/login');
    await this.page.locator('#login_username').waitFor();
    return this;
  }

  async signIn(username: string, password: string, zoneName?: string): Promise<void> {
    if (zoneName) await chooseOption(this.page, 'login_zone', zoneName);
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
