// 数据大屏: the tiles (in pages that take turns), the chart and its pager, the ranking, the
// units behind, the hazard panel; and the wall's own checks (nothing clipped, no empty column).
import type { Locator, Page } from 'playwright-core';

/** Everything on the wall that does not fit: overflowing boxes, boxes past the window's edge, ellipses. */
// Run in the page (as source text: the test's TypeScript has no DOM types).
const CLIPPED = `(() => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollHeight > innerHeight || root.scrollWidth > innerWidth) out.push('page ' + root.scrollWidth + '×' + root.scrollHeight);
  const wall = document.querySelector('[data-testid="big-screen"]');
  const what = (el) => (el.className || el.tagName) + ' «' + (el.innerText || '').slice(0, 30) + '»';
  for (const el of [wall, ...wall.querySelectorAll('*')]) {
    if (el.closest('[data-testid="screen-chart"]') && el.getAttribute('data-testid') !== 'screen-chart') continue; // ECharts' own layers
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.top < -0.5 || r.left < -0.5) out.push('outside: ' + what(el) + ' ' + JSON.stringify(r));
    const style = getComputedStyle(el);
    if (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible') out.push('cut at the bottom: ' + what(el));
    if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') out.push('cut at the side: ' + what(el));
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) out.push('ellipsis: ' + what(el));
  }
  return out;
})()`;

const EMPTY_COLUMNS = `(() => {
  const out = [];
  for (const sel of ['.gj-screen-tiles', '.gj-screen-chart', '.gj-screen-side']) {
    const col = document.querySelector(sel);
    if (!col) continue;
    const box = col.getBoundingClientRect();
    const bottom = Math.max(...[...col.children].map((c) => c.getBoundingClientRect().bottom));
    if (bottom < box.top + box.height * 0.8) out.push(sel + ': content ends at ' + Math.round(bottom - box.top) + ' of ' + Math.round(box.height) + ' px');
  }
  return out;
})()`;

export class BigScreenPage {
  constructor(readonly page: Page) {}

  /** Opens the wall (of `period`) and waits for the first tile and the chart. */
  async open(period?: string): Promise<this> {
    await this.page.goto(`/cockpit/screen${period ? `?period=${period}` : ''}`);
    await this.tiles.locator('.gj-screen-tile').first().waitFor();
    await this.page.getByTestId('screen-chart').locator('canvas').waitFor();
    return this;
  }

  get wall(): Locator {
    return this.page.getByTestId('big-screen');
  }
  get tiles(): Locator {
    return this.page.getByTestId('screen-tiles');
  }
  tile(code: string): Locator {
    return this.page.getByTestId(`tile-${code}`);
  }
  get tilePager(): Locator {
    return this.page.getByTestId('screen-tile-pager');
  }
  get chartPager(): Locator {
    return this.page.getByTestId('screen-chart-pager');
  }
  get ranking(): Locator {
    return this.page.getByTestId('screen-ranking');
  }
  get hazardPanel(): Locator {
    return this.page.getByTestId('screen-hazard-panel');
  }

  /** The hazard tile's five figures as drawn. */
  async hazardFigures() {
    const n = async (k: string) => Number(await this.page.getByTestId(`screen-hz-${k}`).locator('b').innerText({ timeout: 2_000 }));
    return { added: await n('added'), rectified: await n('rectified'), remaining: await n('remaining'), majorRemaining: await n('major'), overdue: await n('overdue') };
  }

  /** The number of chart slides the pager says there are ("3/64" → 64). */
  async chartSlides(): Promise<number> {
    const m = /\/(\d+)/.exec(await this.chartPager.innerText({ timeout: 2_000 }));
    return m ? Number(m[1]) : 0;
  }

  /** Everything on the wall that does not fit (empty when it all fits). */
  clipped(): Promise<string[]> {
    return this.page.evaluate(CLIPPED) as Promise<string[]>;
  }

  /** The columns (tiles, chart, side) filled to less than four fifths of their height. */
  emptyColumns(): Promise<string[]> {
    return this.page.evaluate(EMPTY_COLUMNS) as Promise<string[]>;
  }
}
