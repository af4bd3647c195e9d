// The web app's first load, as a leader meets it: sign in on the form, land on the
// cockpit (or, signed out on /cockpit/screen, on the big screen), in a fresh headless
// Chromium context each time (nothing cached). Two figures, median of RUNS:
// - gzip JavaScript: the gzip size of every script the page loaded from opening the
//   sign-in page until the first chart was drawn (the aim's measure), and the bytes the
//   server actually sent for them (precompressed brotli, see vite.config.ts);
// - interactive: from the click on 登录 to the first ECharts canvas of the page, plus
//   the animation frame that paints it (recorded in the page, Performance API clock).
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { median, type Row } from './table';
import type { RunningServer } from './server';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);

/**
 * Installed in every document: the wall-clock time the first chart canvas of the page
 * measured was painted — the big screen's own chart only, so a run that lands on the
 * cockpit instead (the page asked for lost at sign-in) never counts as the big screen.
 */
const FIRST_CHART = (sel: string) => `(() => {
  const sel = '${sel}';
  const seen = () => {
    if (window.__firstChart || !document.querySelector(sel)) return;
    window.__firstChart = -1;
    requestAnimationFrame(() => (window.__firstChart = performance.timeOrigin + performance.now()));
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
    await context.addInitScript(FIRST_CHART(path === '/cockpit' ? '[data-testid^="chart-"] canvas' : '[data-testid="screen-chart"] canvas'));
    await context.addInitScript("localStorage.setItem('gj_last_zone', 'xuzhou')");
    const page = await context.newPage();
    const scripts = new Map<string, Promise<number>>();
    const sent = new Map<string, Promise<number>>();
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script' || scripts.has(res.url())) return;
      scripts.set(res.url(), res.body().then((b) => gzipSync(b).length));
      sent.set(res.url(), res.request().sizes().then((s) => s.responseBodySize));
    });
    await page.goto(path === '/cockpit' ? '/login' : path);
    await page.locator('#login_username').fill('leader');
    await page.locator('#login_password').fill(server.password);
    // The leader is in both demo zones: the form preselects the zone chosen last time.
    await page.getByTestId('login-zone').getByText('徐州', { exact: false }).waitFor();
    const clicked = await page.evaluate(() => performance.timeOrigin + performance.now());
    await page.getByTestId('login-submit').click();
    await page.waitForFunction(() => (globalThis as { __firstChart?: number }).__firstChart! > 0, undefined, { timeout: 60_000 });
    const drawn = await page.evaluate(() => (globalThis as { __firstChart?: number }).__firstChart!);
    const sizes = await Promise.all([...scripts].map(async ([url, kb]) => [url.replace(/.*\//, ''), await kb] as const));
    const bytes = sizes.reduce((a, [, b]) => a + b, 0);
    if (process.env.BENCH_WEB_SCRIPTS) process.stderr.write(`${sizes.sort((a, b) => b[1] - a[1]).slice(0, 80).map(([u, b]) => `${u} ${(b / 1024).toFixed(1)}`).join('\n')}\n`);
    const sentBytes = (await Promise.all(sent.values())).reduce((a, b) => a + b, 0);
    return { ms: drawn - clicked, kb: bytes / 1024, sentKb: sentBytes / 1024, requests: scripts.size, scripts: sizes };
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
        { what: `${name}: first load, gzip JavaScript`, engine: 'chromium', value: median(runs.map((r) => r.kb)), unit: 'KB', aim: { max: 400 }, note: `${runs[0]!.requests} scripts` },
        { what: `${name}: first load, JavaScript as sent (brotli)`, engine: 'chromium', value: median(runs.map((r) => r.sentKb)), unit: 'KB' },
        { what: `${name}: sign-in click → first chart drawn (median of ${RUNS})`, engine: 'chromium', value: median(runs.map((r) => r.ms)), unit: 'ms', aim: { max: 1500 } },
      );
    }
  } finally {
    await browser.close();
  }
  return rows;
}
