// The web app's first load, as a leader meets it: sign in on the form, land on the
// cockpit (or, signed out on /cockpit/screen, on the big screen), in a fresh headless
// Chromium context each time (nothing cached). Figures, median of RUNS:
// - gzip JavaScript: the gzip size of every script the page loaded from opening the
//   sign-in page until its first screen was drawn (the aim's measure), and the bytes the
//   server actually sent for them (precompressed brotli, see vite.config.ts). The first
//   screen: the cockpit's indicator cards (at 1440×900 its charts begin below it, and
//   ECharts loads when they come near), the big screen's own chart;
// - interactive: from the click on 登录 to that first screen, plus the animation frame
//   that paints it (recorded in the page, Performance API clock);
// - the cockpit's JavaScript once scrolled to its first chart, drawn (no aim: what a
//   reader who scrolls on has loaded).
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { median, type Row } from './table';
import type { RunningServer } from './server';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);

/**
 * Installed in every document: the wall-clock time the first screen of the page measured
 * was painted — the big screen's own chart only, so a run that lands on the cockpit
 * instead (the page asked for lost at sign-in) never counts as the big screen.
 */
const FIRST_SCREEN = (sel: string) => `(() => {
  const sel = '${sel}';
  const seen = () => {
    if (window.__firstScreen || !document.querySelector(sel)) return;
    window.__firstScreen = -1;
    requestAnimationFrame(() => {
      // The scripts loaded by then: one arriving later is not the first screen's.
      window.__firstScreenScripts = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js'));
      window.__firstScreen = performance.timeOrigin + performance.now();
    });
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})()`;

export type FirstLoadPath = '/cockpit' | '/cockpit/screen';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** One first load in a fresh context: its time, and every script it loaded (file name, gzip bytes). */
export async function once(browser: Browser, server: RunningServer, path: FirstLoadPath) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: path === '/cockpit' ? { width: 1440, height: 900 } : { width: 1920, height: 1080 },
  });
  try {
    await context.addInitScript(FIRST_SCREEN(path === '/cockpit' ? '[data-testid^="ind-"]' : '[data-testid="screen-chart"] canvas'));
    await context.addInitScript("localStorage.setItem('gj_last_zone', 'xuzhou')");
    const page = await context.newPage();
    const scripts = new Map<string, Promise<number>>();
    const sent = new Map<string, Promise<number>>();
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script' || scripts.has(res.url())) return;
      // Read as they come; one still arriving when the context closes is never asked for.
      const body = res.body().then((b) => gzipSync(b).length);
      const size = res.request().sizes().then((s) => s.responseBodySize);
      body.catch(() => undefined);
      size.catch(() => undefined);
      scripts.set(res.url(), body);
      sent.set(res.url(), size);
    });
    await page.goto(path === '/cockpit' ? '/login' : path);
    await page.locator('#login_username').fill('leader');
    await page.locator('#login_password').fill(server.password);
    // The leader is in both demo zones: the form preselects the zone chosen last time.
    await page.locator('#login_zone option:checked', { hasText: '徐州' }).waitFor({ state: 'attached' });
    const clicked = await page.evaluate(() => performance.timeOrigin + performance.now());
    await page.getByTestId('login-submit').click();
    await page.waitForFunction(() => (globalThis as { __firstScreen?: number }).__firstScreen! > 0, undefined, { timeout: 60_000 });
    const drawn = await page.evaluate(() => (globalThis as { __firstScreen?: number }).__firstScreen!);
    const gzipOf = async (loaded: [string, Promise<number>][]) => {
      const sizes = await Promise.all(loaded.map(async ([url, kb]) => [url.replace(/.*\//, ''), await kb] as const));
      return { sizes, kb: sizes.reduce((a, [, b]) => a + b, 0) / 1024 };
    };
    const loaded = new Set(await page.evaluate(() => (globalThis as { __firstScreenScripts?: string[] }).__firstScreenScripts ?? []));
    const firstScreen = [...scripts].filter(([url]) => loaded.has(url));
    const sentBytes = (await Promise.all(firstScreen.map(([url]) => sent.get(url)!))).reduce((a, b) => a + b, 0);
    const { sizes, kb } = await gzipOf(firstScreen);
    if (process.env.BENCH_WEB_SCRIPTS) process.stderr.write(`${[...sizes].sort((a, b) => b[1] - a[1]).slice(0, 80).map(([u, b]) => `${u} ${(b / 1024).toFixed(1)}`).join('\n')}\n`);
    let chartKb: number | undefined;
    if (path === '/cockpit') {
      const chart = page.locator('[data-testid^="chart-"]').first();
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('canvas').waitFor({ timeout: 60_000 });
      chartKb = (await gzipOf([...scripts])).kb;
    }
    return { ms: drawn - clicked, kb, sentKb: sentBytes / 1024, requests: firstScreen.length, scripts: sizes, chartKb };
  } finally {
    await context.close();
  }
}

export async function benchWeb(server: RunningServer): Promise<Row[]> {
  const browser = await launch();
  const rows: Row[] = [];
  try {
    for (const [path, name] of [['/cockpit', 'cockpit'], ['/cockpit/screen', 'big screen']] as const) {
      await once(browser, server, path); // warm the server's caches, not the browser's
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server, path));
      process.stderr.write(`  web ${name}: ${JSON.stringify(runs.map(({ scripts: _, ...r }) => r))}\n`);
      rows.push(
        { what: `${name}: first load (first screen), gzip JavaScript`, engine: 'chromium', value: median(runs.map((r) => r.kb)), unit: 'KB', aim: { max: 400 }, note: `${runs[0]!.requests} scripts` },
        { what: `${name}: first load, JavaScript as sent (brotli)`, engine: 'chromium', value: median(runs.map((r) => r.sentKb)), unit: 'KB' },
        { what: `${name}: sign-in click → first screen drawn (median of ${RUNS})`, engine: 'chromium', value: median(runs.map((r) => r.ms)), unit: 'ms', aim: { max: 1500 } },
      );
      if (path === '/cockpit') rows.push({ what: `${name}: gzip JavaScript once scrolled to its first chart`, engine: 'chromium', value: median(runs.map((r) => r.chartKb!)), unit: 'KB' });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
