// When a browser test fails, say what each open page showed: its address, the
// messages on screen (an error toast names the refusal) and a picture in
// screenshots/FAILED-*.png. CI keeps only the log, so the text is what counts.
import { beforeEach } from 'vitest';
import { runningHarness } from './harness';

beforeEach((ctx) => ctx.onTestFailed(() => report(ctx.task.name)));

async function report(name: string) {
  const h = runningHarness();
  if (!h) return;
  const slug = name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
  const lines: string[] = [`[browser failure] ${name}`];
  for (const [i, page] of h.pages().entries()) {
    if (page.isClosed()) continue;
    const notices = await page
      .locator('.ant-message-notice, .ant-notification-notice, .ant-alert-message, .ant-form-item-explain-error')
      .allInnerTexts()
      .catch(() => []);
    const path = await h.screenshot(page, `FAILED-${slug}-${i}`, { keepScroll: true }).catch(() => '(no picture)');
    // What the page says, shortened: a toast has faded by the time a wait gives up, the page has not.
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .then((t) => t.replace(/\s+/g, ' ').slice(0, 400))
      .catch(() => '');
    lines.push(`  page ${i}: ${page.url()} · notices: ${JSON.stringify(notices)} · ${path}`, `    text: ${text}`);
  }
  if (h.pageErrors.length) lines.push(`  page errors: ${h.pageErrors.slice(-5).join(' | ')}`);
  console.error(lines.join('\n'));
}
