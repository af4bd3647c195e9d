// The frame of a signed-in page: the menu, the header (zone, user, role, language, sign-out).
import type { Page } from 'playwright-core';

export class ShellPage {
  constructor(readonly page: Page) {}

  async waitUntilSignedIn(): Promise<this> {
    await this.page.getByTestId('main-menu').waitFor();
    return this;
  }

  /** The labels of the sider menu, in order. */
  async menu(): Promise<string[]> {
    const items = this.page.getByTestId('main-menu').locator('.ant-menu-item');
    return (await items.allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  }

  async openModule(label: string): Promise<void> {
    await this.page.getByTestId('main-menu').locator('.ant-menu-item', { hasText: label }).click();
  }

  async role(): Promise<string> {
    return (await this.page.getByTestId('header-role').innerText()).trim();
  }

  async zone(): Promise<string> {
    return (await this.page.getByTestId('header-zone').innerText()).trim();
  }

  /** Picks the language and waits until the switch shows it (saved on the account first). */
  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    const shown = this.page.getByTestId('lang-switch').filter({ hasText: lang === 'en' ? 'English' : '中文' });
    // A click that lands while the menu is still sliding in can miss on a loaded machine: try again.
    for (let attempt = 1; ; attempt++) {
      await this.page.getByTestId('lang-switch').click();
      await this.page.getByTestId(`lang-${lang}`).click();
      try {
        await shown.waitFor({ timeout: 10_000 });
        return;
      } catch (err) {
        if (attempt === 3) throw err;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.page.locator('#login_username').waitFor();
  }
}
