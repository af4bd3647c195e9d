// The sign-in page: zone, username, password, language.
import type { Page } from 'playwright-core';
import { chooseOption } from './antd';

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

  /** The error shown after a refused sign-in. */
  async error(): Promise<string> {
    const alert = this.page.getByTestId('login-error');
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.page.getByTestId('lang-switch').click();
    await this.page.getByTestId(`lang-${lang}`).click();
  }

  async heading(): Promise<string> {
    return (await this.page.locator('.gj-login-title').innerText()).trim();
  }
}
