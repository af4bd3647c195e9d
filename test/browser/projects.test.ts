// 项目 in a real browser, on the demo's day (2022-08-20, clock pinned on the server):
// a supervisor creates 弘元新材料光伏基地 (120亿元) and 中能4.6万吨颗粒硅 (4.7亿美元)
// from seed 003 with a target date and a location picked on the zone map, sees the
// backward plan, approves it; the task force records a milestone and raises a
// problem that 征迁办 rectifies and the supervisor closes; the battle map's Gantt
// (exported as PNG), map and board show it all.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zones } from '../../src/db/schema';
import { buildDemo } from '../../src/domains/demo/build';
import { seeders } from '../../src/domains/demo/seeders';
import { demoZones } from '../../src/domains/demo/zones';
import { seedProjects, seedProjectSettings } from '../../src/domains/demo/projects';
import { workdayOnOrAfter, workdaysBetween } from '../../src/shared/calendar';
import { DEMO_PASSWORD, startHarness, type Harness } from './harness';
import { chooseIn, clickUntilShown, selectOf } from './pages/antd';
import { ProjectsPage } from './pages/ProjectsPage';
import { countOf, textOf, valueOf, waitForText } from './pages/waits';

const choose = (page: Page, testId: string, text: string) => new ProjectsPage(page).choose(testId, text);
const pickDate = (page: Page, testId: string, date: string) => new ProjectsPage(page).pickDate(testId, date);

let h: Harness;
let zoneId: string;

beforeAll(async () => {
  h = await startHarness({
    clock: () => new Date('2022-08-20T02:00:00Z'),
    // The zone starts without the demo projects: the supervisor enters the two of the issue by hand.
    start: 'migrated',
    async prepare(handle) {
      const i = seeders.indexOf(seedProjects);
      if (i >= 0) seeders.splice(i, 1);
      await buildDemo(handle, DEMO_PASSWORD);
      zoneId = (await handle.db.select({ id: zones.id }).from(zones).where(eq(zones.code, 'xuzhou')))[0]!.id;
      await seedProjectSettings(handle, zoneId);
    },
  });
});
afterAll(async () => h?.close());

async function createProject(
  page: Page,
  p: { name: string; total: string; usd?: boolean; unit: string; target: string; mapAt: [number, number] },
  /** What to do in the filled form before saving (e.g. accept the compressed plan). */
  beforeSave?: () => Promise<void>,
) {
  await page.goto('/projects/list');
  await page.getByTestId('new-project').click();
  const form = page.getByTestId('project-form');
  await form.getByLabel('项目名称').fill(p.name);
  await page.getByTestId('form-total').fill(p.total);
  if (p.usd) {
    await chooseIn(page, selectOf(form.getByLabel('币种')), '亿美元');
  }
  await form.getByLabel('1号工程').check();
  await choose(page, 'form-unit', p.unit);
  await chooseIn(page, selectOf(form.getByLabel('包挂领导')), '区领导');
  await choose(page, 'form-taskforce', '重大办填报员');
  await page.keyboard.press('Escape');
  await pickDate(page, 'form-target', p.target);
  // The location: a click on the zone outline (again if it missed: a second click sets the same place).
  const map = page.getByTestId('zone-map');
  await clickUntilShown(() => map.click({ position: { x: p.mapAt[0], y: p.mapAt[1] } }), page.getByText(/已选位置/).first(), 7_000);
  if (beforeSave) await beforeSave();
  else await h.screenshot(page, `projects-01-create-${p.usd ? 'zhongneng' : 'hongyuan'}`);
  await page.getByTestId('project-save').click();
  await page.getByTestId('project-detail').waitFor();
  await page.getByTestId('plan-gantt').waitFor();
}

describe('项目 in the browser', () => {
  let hongyuanUrl = '';

  it('a supervisor creates 弘元 and 中能 from seed 003 and sees the backward plan in working days', async () => {
    const page = await h.signedIn('supervisor');
    await createProject(page, { name: '弘元新材料光伏基地', total: '120', unit: '金龙湖街道', target: '2022-12-30', mapAt: [330, 200] });
    hongyuanUrl = new URL(page.url()).pathname;
    await expect.poll(textOf(page.getByTestId('project-name'))).toBe('弘元新材料光伏基地');
    await expect.poll(textOf(page.getByTestId('project-total'))).toContain('120.00亿元');
    const rows = new ProjectsPage(page).milestones;
    await expect.poll(countOf(rows)).toBe(28);
    await expect.poll(textOf(rows.last())).toContain('2022-12-30');
    await page.getByTestId('approve-plan').click();
    await page.getByText('计划已审定').first().waitFor();
    await h.screenshot(page, 'projects-02-hongyuan-plan');

    await createProject(page, { name: '中能4.6万吨颗粒硅', total: '4.7', usd: true, unit: '徐庄镇', target: '2023-06-30', mapAt: [420, 300] });
    await expect.poll(textOf(page.getByTestId('project-total'))).toContain('4.70亿美元（折合31.61亿元）');
    await page.getByTestId('approve-plan').click();
    await page.getByText('计划已审定').first().waitFor();
  });

  it('a target date too near: 工期不足 with the shortfall in working days, the compressed plan accepted, nothing planned before the zone date', async () => {
    const page = await h.signedIn('supervisor');
    await createProject(page, { name: '工期校验光伏组件', total: '3', unit: '金龙湖街道', target: '2022-11-30', mapAt: [360, 240] }, async () => {
      const panel = page.getByTestId('plan-shortfall');
      await panel.waitFor();
      const shortfall = /^工期不足：按节点工期须从(\d{4}-\d{2}-\d{2})开始，比业务日期（2022-08-20）早(\d+)个工作日$/;
      const title = await waitForText(panel.locator('.ant-alert-title, .ant-alert-message').first(), shortfall);
      const m = shortfall.exec(title);
      expect(m, title).not.toBeNull();
      // The shortfall is counted in working days from the straight plan's start to the zone's first working day.
      expect(Number(m![2])).toBe(workdaysBetween(m![1]!, workdayOnOrAfter('2022-08-20')));
      expect(Number(m![2])).toBeGreaterThan(100);
      await expect.poll(textOf(panel)).toContain('压缩方案：以下节点按比例压缩');
      await expect.poll(countOf(page.getByTestId('plan-compressed').locator('li'))).toBeGreaterThan(5);
      await page.getByTestId('plan-accept-compressed').check();
      await expect.poll(() => page.getByTestId('plan-accept-compressed').isChecked()).toBe(true);
      await panel.scrollIntoViewIfNeeded();
      await h.screenshot(page, 'projects-05-shortfall', { keepScroll: true });
    });
    // Laid compressed: every planned date on or after the zone's date, none waiting for confirmation.
    const rows = new ProjectsPage(page).milestones;
    await expect.poll(countOf(rows)).toBe(28);
    // All 28 are drawn (counted above): read their dates.
    const dates = (await rows.allInnerTexts()).flatMap((r) => r.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
    expect(dates.length).toBeGreaterThanOrEqual(28);
    for (const d of dates) expect(d >= '2022-08-20', d).toBe(true);
    await expect.poll(textOf(rows.last())).toContain('2022-11-30');
    await expect.poll(countOf(page.locator('[data-testid^="to-confirm-"]'))).toBe(0);
  });

  it('the task force records progress and raises a problem; 征迁办 rectifies; the supervisor closes it', async () => {
    const tf = await h.signedIn('xz-zhongda');
    await tf.goto(hongyuanUrl);
    await tf.getByTestId('record-signing').click();
    await pickDate(tf, 'milestone-end', '2022-01-26');
    await tf.getByTestId('milestone-save').click();
    await tf.getByText('节点已更新').waitFor();
    await tf.getByTestId('tab-problems').click();
    await tf.getByTestId('raise-problem').click();
    await tf.getByTestId('problem-title').fill('二期地块征迁扫尾未完成，影响净地交付');
    await choose(tf, 'problem-category', '征迁');
    await tf.getByTestId('problem-save').click();
    await tf.getByTestId('problems').getByText('二期地块征迁扫尾').waitFor();

    const sup = await h.signedIn('supervisor');
    await sup.goto(hongyuanUrl);
    await sup.getByTestId('tab-problems').click();
    await sup.getByTestId('problems').getByText('二期地块征迁扫尾').click();
    await choose(sup, 'act-assignee', '征迁办');
    await pickDate(sup, 'act-deadline', '2022-08-31');
    await sup.getByTestId('act-assign').click();
    await sup.getByTestId('problem-drawer').getByText('已交办').first().waitFor();
    // The history starts with the problem put forward (提出), not a resubmission.
    const firstEvent = sup.getByTestId('problem-drawer').locator('.ant-timeline-item').first();
    await expect.poll(textOf(firstEvent.locator('b'))).toBe('提出');
    await h.screenshot(sup, 'projects-03-problem-assigned');
    await sup.keyboard.press('Escape');

    const dept = await h.signedIn('xz-zhengqian');
    await dept.goto(hongyuanUrl);
    await dept.getByTestId('tab-problems').click();
    await dept.getByTestId('problems').getByText('二期地块征迁扫尾').click();
    await dept.getByTestId('act-accept').click();
    // 报结 is offered before 签收 too; wait for the accepted state so it carries the new version.
    await dept.getByTestId('problem-drawer').getByText('整改中').first().waitFor();
    await dept.getByTestId('act-report_done').click();
    await dept.getByTestId('problem-drawer').getByText('待复核').first().waitFor();

    await sup.reload();
    await sup.getByTestId('tab-problems').click();
    await sup.getByTestId('problems').getByText('二期地块征迁扫尾').click();
    await sup.getByTestId('act-verify').click();
    await sup.getByTestId('problem-drawer').getByText('已销号').first().waitFor();
    await sup.keyboard.press('Escape');
    await sup.reload();
    await sup.getByTestId('tab-problems').click();
    await expect.poll(textOf(sup.getByTestId('problem-state').first())).toBe('已销号');
    await sup.getByTestId('light-done').first().waitFor();
    await h.screenshot(sup, 'projects-04-problem-closed');
    const head = await waitForText(new ProjectsPage(sup).head, '实际 2022-01-26');
    expect(head).toContain('签约');
  });

  it('the battle map shows the Gantt (exported as PNG), the map and the board', async () => {
    // The rest of seed 003's projects join (the two entered above are left as they are).
    await seedProjects(h.handle, demoZones.find((z) => z.code === 'xuzhou')!, zoneId);
    const page = await h.signedIn('leader');
    const map = await new ProjectsPage(page).openMap();
    // Seed 003's eleven and the 工期不足 project laid compressed above.
    const counts = await waitForText(map.statusCounts, '项目总数 12');
    expect(counts).toContain('业务日期 2022-08-20');
    await h.screenshot(page, 'projects-05-battle-gantt');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const path = `screenshots/projects-06-gantt-export.png`;
    await download.saveAs(path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1400); // twice the screen resolution

    await map.view('地图');
    await page.getByTestId('zone-map').waitFor();
    await expect.poll(textOf(page.getByTestId('map-demo-note'))).toContain('演示数据');
    await h.screenshot(page, 'projects-07-battle-map');
    const [mapDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    await mapDownload.saveAs('screenshots/projects-08-map-export.png');

    await map.view('看板');
    await expect.poll(textOf(map.board('signed'))).toContain('弘元新材料光伏基地');
    await expect.poll(textOf(map.board('started'))).toContain('金阳硅业异质结基体材料');
    await h.screenshot(page, 'projects-09-battle-board');

    await choose(page, 'filter-unit', '徐庄镇');
    await map.view('甘特图');
    await expect.poll(textOf(map.statusCounts)).toContain('项目总数 2');
  });

  it('a supervisor sets the USD rate and stage rules and uploads the zone outline; a wrong file changes nothing', async () => {
    const page = await h.signedIn('supervisor');
    await page.goto('/projects/settings');
    await page.getByTestId('project-settings').waitFor();
    await expect.poll(valueOf(page.getByTestId('rate-value').locator('input').or(page.getByTestId('rate-value')).first())).toBe('6.7261');
    await expect.poll(countOf(page.getByTestId('stage-rule'))).toBe(2);
    // A point is not an outline: refused with the reason, the demo outline stays.
    const dir = mkdtempSync(join(tmpdir(), 'gj-geo-'));
    writeFileSync(join(dir, 'point.geojson'), JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [117.4, 34.3] } }));
    await page.locator('.ant-upload input[type=file]').first().setInputFiles(join(dir, 'point.geojson'));
    await page.getByText('边界文件须为含面要素的GeoJSON').first().waitFor();
    // The surveyed outline (here: two parts, a MultiPolygon and a Polygon).
    const outline = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '高新片区' }, geometry: { type: 'Polygon', coordinates: [[[117.26, 34.26], [117.36, 34.34], [117.42, 34.30], [117.33, 34.2], [117.26, 34.26]]] } },
        { type: 'Feature', properties: { name: '徐庄片区' }, geometry: { type: 'MultiPolygon', coordinates: [[[[117.42, 34.30], [117.48, 34.27], [117.46, 34.21], [117.40, 34.22], [117.42, 34.30]]]] } },
      ],
    };
    writeFileSync(join(dir, 'zone.geojson'), JSON.stringify(outline));
    await page.locator('.ant-upload input[type=file]').first().setInputFiles(join(dir, 'zone.geojson'));
    await page.getByText('边界已更新：2个面').first().waitFor();
    await page.getByText('当前为演示边界').waitFor({ state: 'detached' });
    await h.screenshot(page, 'projects-10-settings');
    await new ProjectsPage(page).openMap().then((m) => m.view('地图'));
    await page.getByTestId('zone-map').waitFor();
    await expect.poll(countOf(page.getByTestId('map-demo-note'))).toBe(0);
    await h.screenshot(page, 'projects-11-map-uploaded-outline');
  });

  it('raised no error in any page', () => {
    writeFileSync('screenshots/.projects-errors.txt', h.pageErrors.join('\n'));
    expect(h.pageErrors).toEqual([]);
  });
});
