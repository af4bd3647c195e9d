// One running system for the browser tests: the web app (built when missing or
// older than its sources), the server on a random port over a private copy of the
// demo database (PGlite, or PostgreSQL when DATABASE_URL is set), and headless Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { openTestDb, unpinZones, type Start, type TestDb } from '../helpers/db';
import { DEMO_PASSWORD } from '../helpers/templateNames';
import { webSnapshot } from './webSnapshot';

export { DEMO_PASSWORD };
export { ensureWebBuild } from './webSnapshot';
export const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'screenshots';

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** The server's database (a private copy of the demo zones). */
  handle: TestDb;
  /** A fresh browser context (own cookies) and page, in Chinese, China time, 1440×900. */
  newPage(opts?: PageOptions): Promise<Page>;
  /**
   * A fresh page already signed in as `username` (demo password) and showing the shell.
   * Signs in over HTTP and hands the browser the session cookie: quicker than the form,
   * which system.test.ts drives.
   */
  signedIn(username: string, zone?: string, opts?: PageOptions): Promise<Page>;
  /**
   * Saves screenshots/<name>.png of the window, scrolled to the top unless
   * `keepScroll` (for a picture of a part further down the page).
   */
  screenshot(page: Page, name: string, opts?: { keepScroll?: boolean }): Promise<string>;
  /** Uncaught errors and console errors seen in any page so far. */
  pageErrors: string[];
  /** Every page opened so far (for the pictures taken when a test fails). */
  pages(): Page[];
  close(): Promise<void>;
}

/**
 * A new context's screen: the viewport, and for a phone `isMobile` (the page's
 * meta viewport is honoured, as on a phone) and `hasTouch` (taps, touch events).
 * PHONE is the 390×844 phone of the phone tests.
 */
export interface PageOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}
export const PHONE: PageOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export interface HarnessOptions {
  /** The server's clock (e.g. pinned to the demo's day). */
  clock?: () => Date;
  /** What the database starts from: the demo zones (default) or the migrated schema. */
  start?: Extract<Start, 'demo' | 'migrated'>;
  /** Runs on the database before the server starts, e.g. to build a demo without some domain's seeds. */
  prepare?: (handle: TestDb) => Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package`);
  const web = await webSnapshot();

  // The demo zones, built once per run by the global set-up (password DEMO_PASSWORD).
  const handle: TestDb = await openTestDb({ start: opts.start ?? 'demo' });
  try {
    await opts.prepare?.(handle);
    if (opts.clock) await unpinZones(handle);
  } catch (e) {
    await handle.drop();
    web.remove();
    throw e;
  }
  const app: FastifyInstance = await buildApp({ handle, webDir: resolve(web.dir), clock: opts.clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });

  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });

  const newPage: Harness['newPage'] = async (o = {}) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: o.viewport ?? { width: 1440, height: 900 },
      ...(o.isMobile !== undefined && { isMobile: o.isMobile }),
      ...(o.hasTouch !== undefined && { hasTouch: o.hasTouch }),
      ...(o.deviceScaleFactor !== undefined && { deviceScaleFactor: o.deviceScaleFactor }),
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Expected answers (401 before sign-in, 4xx on a refused form) show as failed loads.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
    });
    return page;
  };

  const harness: Harness = {
    baseUrl,
    browser,
    handle,
    pageErrors,
    pages: () => contexts.flatMap((c) => c.pages()),
    newPage,
    async signedIn(username, zone = 'xuzhou', o = {}) {
      const login = () =>
        fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD, zone }),
        });
      // Node's fetch reuses a kept-alive socket; after a long pause (a slow step on a loaded
      // machine) the server may close it just as the sign-in goes out: ECONNRESET, the request
      // never read. Only then is it sent again, on a fresh socket.
      const res = await login().catch((e: Error & { cause?: { code?: string } }) => {
        if (e.cause?.code !== 'ECONNRESET') throw e;
        return login();
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const [name, value] = res.headers.get('set-cookie')!.split(';')[0]!.split('=');
      const page = await newPage(o);
      await page.context().addCookies([{ name: name!, value: value!, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
      await page.goto('/');
      // A phone shows the menu's toggle; the menu itself is in a drawer until opened.
      await page.getByTestId('main-menu').or(page.getByTestId('menu-toggle')).first().waitFor();
      return page;
    },
    async screenshot(page, name, o = {}) {
      const path = join(SCREENSHOTS, `${name}.png`);
      if (!o.keepScroll) await page.evaluate('window.scrollTo(0, 0)');
      // Let antd's motion settle so the picture shows the final state: wait for every
      // finite CSS animation and transition to end (spinners run forever and are skipped).
      // (At most 3 s: a paused animation never finishes.)
      await page.evaluate(
        'Promise.race([Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))), new Promise((r) => setTimeout(r, 3000))]).then(() => true)',
      );
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      if (running === harness) running = null;
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await app.close();
      await handle.drop();
      web.remove();
    },
  };
  running = harness;
  return harness;
}

/** The harness of the test file now running (one at a time: fileParallelism is off). */
let running: Harness | null = null;
export const runningHarness = () => running;
