// The frame of a signed-in page: the menu, the header (zone, user, role, language, sign-out).
import type { Page } from 'playwright-core';
import { clickUntilShown } from './antd';
import { textOf, textsOf } from './waits';

export class ShellPage {
  constructor(readonly page: Page) {}

  async waitUntilSignedIn(): Promise<this> {
    await this.page.getByTestId('main-menu').waitFor();
    return this;
  }

  /** The labels of the sider menu, in order, read afresh on each call (poll it). */
  async menu(): Promise<string[]> {
    return (await textsOf(this.page.getByTestId('main-menu').locator('.ant-menu-item'))()).filter(Boolean);
  }

  async openModule(label: string): Promise<void> {
    await this.page.getByTestId('main-menu').locator('.ant-menu-item', { hasText: label }).click();
  }

  /** The role in the header, read afresh on each call (poll it). */
  role(): Promise<string> {
    return textOf(this.page.getByTestId('header-role'))();
  }

  /** The zone in the header, read afresh on each call (poll it). */
  zone(): Promise<string> {
    return textOf(this.page.getByTestId('header-zone'))();
  }

  /** Picks the language and waits until the switch shows it (saved on the account first). */
  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    const shown = this.page.getByTestId('lang-switch').filter({ hasText: lang === 'en' ? 'English' : '中文' });
    const pick = async () => {
      await this.page.getByTestId('lang-switch').click();
      await this.page.getByTestId(`lang-${lang}`).click();
    };
    await clickUntilShown(pick, shown, 10_000, () => this.page.keyboard.press('Escape'));
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.page.locator('#login_username').waitFor();
  }
}
