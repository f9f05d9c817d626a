// A newcomer's first minutes in the playground, in Chromium: what a screen reader hears of the first answer, who the
// member switch says each person is, and the Polish channel names the examples use.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRanWithoutComplaints, NO_BROWSER, openPlaygroundInBrowser, type PlaygroundInBrowser } from '../helpers/browser.js';

let opened: PlaygroundInBrowser | undefined;
let page: Page;

beforeAll(async () => {
  if (NO_BROWSER) return;
  opened = await openPlaygroundInBrowser({ name: 'newcomer' });
  ({ page } = opened);
}, 120_000);

afterAll(() => opened?.close());

describe.skipIf(NO_BROWSER)('the playground for a newcomer, in a browser', () => {
  it('reads out the first answer in a channel that was empty, its parts as separate sentences', async () => {
    await expect.poll(() => page.locator('.channel-link[aria-current="page"]').getAttribute('data-channel')).toBe('reflection');
    expect(await page.locator('#messages article').count()).toBe(0);
    await page.locator('#composer-text').fill('/sojusz pomoc');
    await page.locator('#composer-text').press('Enter');
    await expect.poll(() => page.locator('#live').textContent()).toMatch(/^Sojusz: Widzisz to tylko Ty\. \S/);
    const heard = (await page.locator('#live').textContent())!;
    // No time, and no two parts run together ("…02:34Widzisz to tylko TyDostępne…").
    expect(heard).not.toMatch(/\d{2}:\d{2}/);
    expect(heard).not.toMatch(/Ty[A-ZĄĆĘŁŃÓŚŹŻ]/);
  });

  it('shows each person’s handle in the member switch, the name a command takes', async () => {
    expect(await page.locator('#member option[value="tomek"]').textContent()).toBe('Tomasz Wiśniewski (@tomek) — osoba z zespołu');
  });

  it('shows a Polish reader the Polish name each channel also answers to', async () => {
    const reflection = page.locator('.channel-link[data-channel="reflection"]');
    expect(await reflection.textContent()).toBe('#reflection #refleksja');
    expect(await reflection.getAttribute('title')).toBe('W komendach ten kanał działa też jako #refleksja');
  });

  it('offers an English reader the way in from the first screen, marked as English', async () => {
    const line = page.locator('#welcome .other-lang');
    await expect.poll(() => line.isVisible()).toBe(true);
    expect(await line.getAttribute('lang')).toBe('en');
    expect(await line.textContent()).toContain('/sojusz team language en');
    // On a phone-wide screen the longer names (handles, Polish channel names) push nothing sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  itRanWithoutComplaints(() => opened);
});
