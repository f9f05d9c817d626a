// The system's Chromium for browser tests, never a downloaded one: a fresh profile, no network of its own, and the
// page's complaints (CSP violations, uncaught errors) collected for the test to assert there are none; and the
// playground opened in it, set up and put away alike by every file in tests/browser/.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { startPlaygroundApp, type RunningPlayground } from './playground.js';

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

/** The playground open in Chromium, for one browser test file. */
export interface PlaygroundInBrowser {
  browser: BrowserContext;
  page: Page;
  pg: RunningPlayground;
  /** What the page complained about; the file's last test expects none (`itRanWithoutComplaints`). */
  complaints: string[];
  /** Closes the browser, then the playground, and removes the profile. */
  close(): Promise<void>;
}

/**
 * The playground (see playground.ts) and a page on it in a fresh Chromium profile, once its message list is drawn.
 * `seed` runs before the browser opens, for what the page should find already there; `watch` before the page loads,
 * for the file's own listeners. A start that fails half-way puts away what it had opened.
 */
export async function openPlaygroundInBrowser(o: {
  name: string;
  runner?: boolean;
  seed?: (pg: RunningPlayground) => Promise<void>;
  watch?: (page: Page, complaints: string[]) => void;
}): Promise<PlaygroundInBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'sojusz-chromium-'));
  const complaints: string[] = [];
  let pg: RunningPlayground | undefined;
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close();
    await pg?.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    pg = await startPlaygroundApp({ name: o.name, runner: o.runner });
    await o.seed?.(pg);
    const opened = await openChromium(profileDir, complaints);
    browser = opened.browser;
    o.watch?.(opened.page, complaints);
    await opened.page.goto(pg.base);
    await opened.page.locator('#messages').waitFor();
    return { browser, page: opened.page, pg, complaints, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** A browser file's last test: nothing on its page was blocked by the security policy, no error went uncaught. */
export function itRanWithoutComplaints(opened: () => PlaygroundInBrowser | undefined): void {
  it('runs without anything blocked by its security policy and without uncaught errors', () => {
    expect(opened()?.complaints).toEqual([]);
  });
}
