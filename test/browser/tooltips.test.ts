// Chart tooltips show stored names as text. A project named like an HTML element
// (with a script in onerror) is shown in the battle map's Gantt and map tooltips:
// the tooltip reads the name, holds no <img>, and the script never ran.
import type { Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../src/db/schema';
import { startHarness, type Harness } from './harness';
import { attrOf, countOf, textOf } from './pages/waits';

const EVIL = '<img src=x onerror=window.__xss=1>';
let h: Harness;
let page: Page;
let rowIndex: number;
let rows: number;

beforeAll(async () => {
  h = await startHarness({ clock: () => new Date('2022-08-20T02:00:00Z') });
  page = await h.signedIn('leader', 'xuzhou');
  const map = (await (await page.request.get('/api/projects/battle-map?year=2022')).json()) as {
    outline: { features: { geometry: { coordinates: unknown } }[] };
    projects: { id: string; milestones: unknown[] }[];
  };
  // The page's own filter is this year (2022). The project sits at the middle of the outline's box, which the map draws at its layout centre.
  const points = JSON.stringify(map.outline.features.map((f) => f.geometry.coordinates)).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number) as [number, number]);
  const mid = (xs: number[]) => (Math.min(...xs) + Math.max(...xs)) / 2;
  const planned = map.projects.filter((p) => p.milestones.length > 0);
  rows = planned.length;
  rowIndex = 0;
  await h.handle.db
    .update(projects)
    .set({ name: EVIL, lng: String(mid(points.map((p) => p[0]))), lat: String(mid(points.map((p) => p[1]))) })
    .where(eq(projects.id, planned[rowIndex]!.id));
});
afterAll(async () => h?.close());

/** Moves the mouse over the points until a tooltip mentioning the name shows; the tooltip. */
async function hoverUntilTooltip(page: Page, chart: Locator, points: [number, number][]): Promise<Locator> {
  const box = (await chart.boundingBox())!;
  // ECharts' tooltip is registered when a pointer first comes over a chart.
  await chart.hover();
  await expect.poll(attrOf(chart, 'data-tooltip')).toBe('ready');
  const tip = chart.locator('div', { hasText: 'onerror' }).last();
  for (const [x, y] of points) {
    await page.mouse.move(box.x + x, box.y + y);
    const shown = await tip.waitFor({ state: 'visible', timeout: 250 }).then(() => true, () => false);
    if (shown) return tip;
  }
  throw new Error('no tooltip with the project name appeared');
}

async function expectText(tip: Locator) {
  await expect.poll(textOf(tip)).toContain(EVIL);
  await expect.poll(countOf(tip.locator('img'))).toBe(0);
  await expect.poll(countOf(page.locator('img[src="x"]'))).toBe(0);
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
}

describe('a project named like markup', () => {
  it('the Gantt tooltip shows the name as text', async () => {
    await page.goto('/projects/map');
    const gantt = page.getByTestId('gantt');
    await gantt.locator('canvas').waitFor();
    const box = (await gantt.boundingBox())!;
    // Grid: 40 px above plus the dates of the top axis (~20 px), 30 below, one band per row, the first on top.
    const band = (box.height - 90) / rows;
    const y = 60 + (rowIndex + 0.5) * band;
    const xs = Array.from({ length: 60 }, (_, i) => box.width * 0.15 + i * ((box.width * 0.84) / 60));
    const tip = await hoverUntilTooltip(page, gantt, [0, -0.25, 0.25].flatMap((dy) => xs.map((x): [number, number] => [x, y + dy * band])));
    await expectText(tip);
    await h.screenshot(page, 'tooltip-gantt-markup-name');
  });

  it('the map tooltip shows the name as text', async () => {
    await page.getByTestId('view-switch').getByText('地图').click();
    const map = page.getByTestId('zone-map');
    await map.locator('canvas').waitFor();
    const box = (await map.boundingBox())!;
    const [cx, cy] = [box.width * 0.5, box.height * 0.48];
    const around: [number, number][] = [[cx, cy]];
    for (let r = 3; r <= 24; r += 3) for (let a = 0; a < 8; a++) around.push([cx + r * Math.cos((a * Math.PI) / 4), cy + r * Math.sin((a * Math.PI) / 4)]);
    const tip = await hoverUntilTooltip(page, map, around);
    await expectText(tip);
    await h.screenshot(page, 'tooltip-map-markup-name');
  });
});

it('raised no error in any page', () => expect(h.pageErrors).toEqual([]));
