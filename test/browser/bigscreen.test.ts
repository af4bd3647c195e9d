// 数据大屏 on a 1920×1080 wall: Xuzhou (six towns and sub-districts ranked), Huai'an
// (figures by departments, no ranking) and Huai'an again with 60 more indicators of
// long names. Nothing may be clipped or cut — the page never scrolls, no box overflows,
// no name ends in an ellipsis — on every page of tiles, and no column is left empty.
import type { Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures, indicators, targets, units, zones } from '../../src/db/schema';
import { DEMO_PASSWORD, startHarness, type Harness } from './harness';
import { LoginPage } from './pages/LoginPage';
import { BigScreenPage } from './pages/BigScreenPage';
import { ShellPage } from './pages/ShellPage';
import { attrOf, countOf, textOf } from './pages/waits';

const WALL = { width: 1920, height: 1080 };
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** The hazard summary the wall read, as the leader's API answers it. */
type HazardSummary = { to: string; total: { added: number; rectified: number; remaining: number; majorRemaining: number; overdue: number }; clearance: { status: string } };

async function openWall(zone: string, name: string, period?: string): Promise<{ page: Page; wall: BigScreenPage; pages: number; tiles: Set<string>; noYoy: string[]; hazards: HazardSummary }> {
  const page = await h.signedIn('leader', zone, { viewport: WALL });
  const summary = page.waitForResponse((r) => r.url().includes('/api/hazards/summary'));
  const wall = await new BigScreenPage(page).open(period);
  // The hazard tile comes with its own answer: wait for it (or, with no hazard registered, for the answer that says so).
  const hazards = (await (await summary).json()) as HazardSummary;
  if (hazards.clearance.status !== 'unregistered') await page.getByTestId('screen-hazards').waitFor();
  const pages = Number(await wall.tiles.getAttribute('data-pages'));
  const tiles = new Set<string>();
  const noYoy: string[] = [];
  for (let n = 1; n <= pages; n++) {
    if (pages > 1) {
      await wall.tilePager.getByRole('button', { name: String(n), exact: true }).click();
      await expect.poll(attrOf(wall.tiles, 'data-page')).toBe(String(n));
    }
    for (const id of await wall.tiles.locator('.gj-screen-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))) tiles.add(id);
    noYoy.push(...(await page.locator('[data-testid$="-yoy"]', { hasText: '同比 —' }).evaluateAll((els) => els.map((e) => e.className))));
    // Polled: a panel arriving late (the hazard tile) makes the units behind measure again.
    await expect.poll(async () => ({ page: n, clipped: await wall.clipped() })).toEqual({ page: n, clipped: [] });
    if (n === 1) {
      await expect.poll(() => wall.emptyColumns()).toEqual([]);
      await h.screenshot(page, name);
    }
  }
  return { page, wall, pages, tiles, noYoy, hazards };
}

describe('数据大屏 at 1920×1080', () => {
  it('Xuzhou fits: full names, every tile on a page, a missing 同比 in a neutral colour', async () => {
    const { wall, tiles, noYoy, hazards } = await openWall('xuzhou', 'big-screen-xuzhou');
    // 隐患动态清零: the cockpit card's summary at the zone's date (one 重大 overdue in the demo).
    expect(hazards.to).toBe('2022-08-31');
    await expect.poll(() => wall.hazardFigures()).toEqual(hazards.total);
    expect(hazards.total.majorRemaining).toBeGreaterThan(0);
    await expect.poll(textOf(wall.hazardPanel)).toContain('截至2022-08-31');
    expect(tiles.size).toBeGreaterThan(12);
    await expect.poll(countOf(wall.ranking.locator('tr'))).toBe(6);
    // Tiles without a previous-year figure say so in grey, neither red nor green.
    expect(noYoy.length).toBeGreaterThan(0);
    expect(new Set(noYoy)).toEqual(new Set(['gj-screen-small']));
  });

  it('Huai’an fits with no column left empty: nothing to rank and nobody behind, so no side column', async () => {
    const { page, wall, hazards } = await openWall('huaian', 'big-screen-huaian');
    await expect.poll(() => wall.hazardFigures()).toEqual(hazards.total);
    await expect.poll(countOf(page.locator('.gj-screen-side'))).toBe(0);
    await expect.poll(textOf(page.locator('.gj-screen-chart [data-testid="screen-behind"]'))).toContain('没有慢于序时进度');
    await expect.poll(countOf(page.locator('.gj-screen-chart').getByTestId('campaign-countdown'))).toBe(1);
  });

  it('reads in English with every amount whole ("2.496 billion yuan", not "2.496 billion yu…")', async () => {
    const page = await h.signedIn('leader', 'xuzhou', { viewport: WALL });
    await new ShellPage(page).switchLanguage('en');
    try {
      const wall = await new BigScreenPage(page).open();
      await expect.poll(textOf(wall.tiles)).toContain('billion yuan');
      await expect.poll(() => wall.clipped()).toEqual([]);
      await h.screenshot(page, 'big-screen-xuzhou-en');
    } finally {
      await page.goto('/cockpit');
      await new ShellPage(page).switchLanguage('zh');
    }
  });

  it('a zone with 60 more indicators of long names fits on pages that take turns', async () => {
    const db = h.handle.db;
    const [zone] = await db.select({ id: zones.id }).from(zones).where(eq(zones.code, 'huaian'));
    const zoneUnits = await db.select({ id: units.id }).from(units).where(and(eq(units.zoneId, zone!.id), eq(units.active, true)));
    const before = (await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.zoneId, zone!.id))).length;
    for (let n = 1; n <= 60; n++) {
      const [ind] = await db
        .insert(indicators)
        .values({ zoneId: zone!.id, code: `wall_${n}`, name: `第${n}项新签约亿元以上先进制造业项目协议引资额`, measure: '亿元', kind: 'flow', decimals: 2, sortOrder: 1000 + n })
        .returning({ id: indicators.id });
      await db.insert(targets).values(zoneUnits.map((u) => ({ zoneId: zone!.id, indicatorId: ind!.id, unitId: u.id, year: 2023, floor: '100' })));
      // The last indicator misses one unit's figure: its zone sum is incomplete.
      await db.insert(figures).values(
        zoneUnits.slice(0, n === 60 ? -1 : undefined).map((u, i) => ({ zoneId: zone!.id, indicatorId: ind!.id, unitId: u.id, period: '2023-06', value: String(20 + ((n * 7 + i * 13) % 60)), prevYear: n % 3 ? '30' : null, state: 'approved' as const })),
      );
    }
    // …and no hazard registered: no hazard tile, never "0处" that no data supports.
    await h.handle.query(`DELETE FROM hazards WHERE zone_id = $1`, [zone!.id]);
    const { page, wall, pages, tiles, hazards } = await openWall('huaian', 'big-screen-60-indicators', '2023-06');
    expect(hazards.clearance.status).toBe('unregistered');
    await expect.poll(countOf(wall.hazardPanel)).toBe(0);
    // Units now rank and fall behind: the side is back, the units behind filling it as far as they fit.
    await expect.poll(countOf(page.locator('.gj-screen-side [data-testid="screen-behind"] tr'))).toBeGreaterThan(0);
    expect(tiles.size).toBeGreaterThanOrEqual(60);
    expect(pages).toBe(Math.ceil(tiles.size / 12));
    expect(before + 60).toBeGreaterThanOrEqual(tiles.size);
    for (let n = 1; n <= 60; n++) expect(tiles.has(`tile-wall_${n}`)).toBe(true);
    // The incomplete one says how many units reported, in grey, and is not judged.
    await wall.tilePager.getByRole('button', { name: String(pages), exact: true }).click();
    await expect.poll(textOf(page.getByTestId('tile-wall_60-coverage'))).toBe(`已报${zoneUnits.length - 1}/${zoneUnits.length}个单位`);
    await expect.poll(attrOf(wall.tile('wall_60'), 'data-status')).toBe('none');
    await expect.poll(attrOf(page.getByTestId('tile-wall_60-coverage'), 'class')).toContain('gj-screen-small');
    // The charts take turns too: each of the 60 indicators' units, then the zone's indicators 15 at a time.
    const pager = wall.chartPager;
    await expect.poll(() => wall.chartSlides()).toBeGreaterThan(60);
    await pager.getByRole('button', { name: '‹' }).click(); // back from the first: the last slide, the zone's last indicators
    await expect.poll(() => page.getByTestId('screen-chart-panel').locator('.gj-screen-panel-title').innerText()).toMatch(/（(\d+)\/\1）$/);
    await expect.poll(() => wall.clipped()).toEqual([]);
    await h.screenshot(page, 'big-screen-60-indicators-zone-chart');
  });
});

// A wall is opened from its address: signing in on the form must land on the wall asked
// for, not on the leader's cockpit (the sign-in page once re-rendered signed in and
// sent everyone to their first module before its own navigation ran).
it('a signed-out visitor of /cockpit/screen lands on the wall after signing in', async () => {
  const page = await h.newPage({ viewport: WALL });
  await page.goto('/cockpit/screen');
  await page.locator('#login_username').waitFor();
  await new LoginPage(page).signIn('leader', DEMO_PASSWORD, '徐州');
  await page.getByTestId('screen-chart').locator('canvas').waitFor();
  expect(new URL(page.url()).pathname).toBe('/cockpit/screen');
  expect(await page.locator('[data-testid^="chart-"]').count()).toBe(0); // none of the cockpit's charts
});

it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
