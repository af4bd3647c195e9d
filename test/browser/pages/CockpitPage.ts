// 驾驶舱: the indicator cards of a period, time progress, ranking, the units behind, the
// campaign countdown, the supervision, hazard, dekad and 我的包挂项目 cards (all but the dekad
// card below the charts: `lower()` first), and the drill-down.
import type { Locator, Page } from 'playwright-core';
import { hazardTile } from './HazardsPage';

export class CockpitPage {
  constructor(readonly page: Page) {}

  /** Opens the cockpit (of `period`, e.g. 2022-08) and waits for the indicator cards. */
  async open(period?: string, readyCode = 'gbr'): Promise<this> {
    await this.page.goto(`/cockpit${period ? `?period=${period}` : ''}`);
    await this.indicator(readyCode).waitFor();
    return this;
  }

  /** A chart's card (chart-gbr, chart-zone…), scrolled to until its chart is drawn (ECharts loads when near). */
  async chart(testId: string): Promise<Locator> {
    const card = this.page.getByTestId(testId);
    await card.scrollIntoViewIfNeeded();
    await card.locator('canvas').first().waitFor();
    return card;
  }
  /**
   * Scrolls to the part below the charts (ranking, campaigns, the supervision, hazard and
   * 我的包挂项目 cards, units behind), which loads only when the page nears it, and waits
   * until it is drawn.
   */
  async lower(): Promise<this> {
    await this.page.getByTestId('ck-lower').scrollIntoViewIfNeeded();
    await this.page.getByTestId('ck-lower-loading').waitFor({ state: 'detached' });
    return this;
  }

  get periodLabel(): Locator {
    return this.page.getByTestId('ck-period-label');
  }
  get timeProgress(): Locator {
    return this.page.getByTestId('ck-time-progress');
  }
  get ranking(): Locator {
    return this.page.getByTestId('ck-ranking');
  }
  get behind(): Locator {
    return this.page.getByTestId('ck-behind');
  }
  get countdown(): Locator {
    return this.page.getByTestId('campaign-countdown').first();
  }
  get supervision(): Locator {
    return this.page.getByTestId('ck-supervision');
  }
  get hazards(): Locator {
    return this.page.getByTestId('ck-hazards');
  }
  get dekads(): Locator {
    return this.page.getByTestId('ck-dekads');
  }
  get myProjects(): Locator {
    return this.page.getByTestId('ck-my-projects');
  }

  /** An indicator's card (data-status: ahead, behind…, incomplete). */
  indicator(code: string): Locator {
    return this.page.getByTestId(`ind-${code}`);
  }
  /** One figure of an indicator's card: value, yoy, completion, expected. */
  figure(code: string, what: 'value' | 'yoy' | 'completion' | 'expected'): Locator {
    return this.page.getByTestId(`ind-${code}-${what}`);
  }
  /** The figure shown on the cockpit's hazard card (remaining, major…), as a number. */
  hazardTile(key: string): Promise<number> {
    return hazardTile(this.hazards, key);
  }

  /** Clicks an indicator's value: the drill-down of its units (zone) or months (a unit's view). */
  async drill(code: string): Promise<void> {
    await this.figure(code, 'value').click();
  }
  get drillUnits(): Locator {
    return this.page.getByTestId('drill-units');
  }
  get drillMonths(): Locator {
    return this.page.getByTestId('drill-months');
  }
  get drillDrawer(): Locator {
    return this.page.getByTestId('drill-drawer');
  }
}
