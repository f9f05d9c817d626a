// The system's Chromium for browser tests, never a downloaded one: a fresh profile, no network of its own, and the
// page's complaints (CSP violations, uncaught errors) collected for the test to assert there are none.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Outside CI a machine without Chromium skips the browser tests (and says so); in CI a missing one fails them. */
export const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (NO_BROWSER) console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

export async function openChromium(profileDir: string, complaints: string[]): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (m) => {
    if (/Content Security Policy|Uncaught/i.test(m.text())) complaints.push(m.text());
  });
  page.on('pageerror', (e) => complaints.push(`page error: ${e.message}`));
  return { browser, page };
}
