// "Hide the case" in the playground's moderation channel, in Debian's headless Chromium: pressed, it asks first in the
// page; "keep" and Escape change nothing and give focus back; the question stays open when the view is redrawn; only
// "hide and delete" sends the press.
import type { Page } from 'playwright-core';
import { NO_BROWSER, openPlaygroundInBrowser, type PlaygroundInBrowser } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { tx } from '../../src/i18n/index.js';


let opened: PlaygroundInBrowser | undefined;
let app: App;
let page: Page;
let base: string;
let complaints: string[];
/** Presses the page sent to the bot. */
const pressed: string[] = [];

const api = async (path: string, body?: unknown) => {
  const res = await fetch(base + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as any;
};
const buttonIn = (html: string, action: string) => {
  const m = new RegExp(`data-action="${action}" data-value="([^"]*)" data-source="(\\d+)"`).exec(html)!;
  return { action, value: m[1]!, source: m[2]! };
};

/** A case by ola, published after its delay, reported by tomek: the report waits in #moderation. */
async function reportedCase(): Promise<void> {
  await api('/api/send', { member: 'ola', channel: 'cases', text: '/case' });
  await api('/api/form', { member: 'ola', values: { title: ['Milczenie'], body: ['Klientka milczała przez pół sesji i wyszła wcześniej.'], question: ['Jak wrócić do tematu?'] } });
  const publish = buttonIn((await api('/api/view?member=ola&channel=cases')).messagesHtml, 'case.publish');
  await api('/api/button', { member: 'ola', channel: 'cases', ...publish });
  for (let i = 0; i < 5 && !(await api('/api/view?member=tomek&channel=cases')).messagesHtml.includes('data-action="case.report"'); i++) await api('/api/time', { step: 'next' });
  const report = buttonIn((await api('/api/view?member=tomek&channel=cases')).messagesHtml, 'case.report');
  await api('/api/button', { member: 'tomek', channel: 'cases', ...report });
  await api('/api/form', { member: 'tomek', values: { reason: ['Za dużo szczegółów o rodzinie.'] } });
  await app.bot.runDueWork();
}

beforeAll(async () => {
  if (NO_BROWSER) return;
  opened = await openPlaygroundInBrowser({
    name: 'confirm',
    seed: async (pg) => {
      ({ app, base } = pg);
      await reportedCase();
    },
    watch: (p, complained) => {
      // A native dialog would be dismissed unseen here: the question must be the page's own.
      p.on('dialog', (d) => {
        complained.push(`native dialog: ${d.message()}`);
        void d.dismiss();
      });
      p.on('request', (r) => {
        if (r.url().endsWith('/api/button')) pressed.push(r.postData() ?? '');
      });
    },
  });
  ({ page, complaints } = opened);
  await page.locator('#member').selectOption('magda');
  await page.locator('.channel-link[data-channel="moderation"]').click();
  await page.locator('.channel-link[aria-current="page"][data-channel="moderation"]').waitFor();
}, 180_000);

afterAll(() => opened?.close());

describe.skipIf(NO_BROWSER)('a button that asks first, in a browser', () => {
  const hide = () => page.locator('#messages button.action[data-action="case.hide"]');
  const question = () => page.locator('#messages .confirm');

  it('asks in the page when pressed, sends nothing, and “keep” closes the question with focus back on the button', async () => {
    await hide().waitFor();
    expect(await question().isVisible()).toBe(false);
    await hide().click();
    await expect.poll(() => question().isVisible()).toBe(true);
    expect(await hide().getAttribute('aria-expanded')).toBe('true');
    expect(await question().textContent()).toContain(tx('pl', 'cases.mod.hideConfirm.text'));
    // The safe answer has focus.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('confirm-no');
    await question().locator('.confirm-no').click();
    await expect.poll(() => question().isVisible()).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('case.hide');
    expect(pressed).toEqual([]);
  });

  it('closes the question on Escape, and keeps it open while new messages redraw the view', async () => {
    await hide().click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => question().isVisible()).toBe(false);

    await hide().click();
    await expect.poll(() => question().isVisible()).toBe(true);
    await api('/api/send', { member: 'tomek', channel: 'moderation', text: 'Zerknę na to jutro.' });
    await expect.poll(() => page.locator('#messages').textContent()).toContain('Zerknę na to jutro.');
    expect(await question().isVisible()).toBe(true);
    expect(pressed).toEqual([]);
  });

  it('sends the press on “hide and delete”, and the case is hidden', async () => {
    await question().locator('.confirm-yes').click();
    await expect.poll(() => pressed.length).toBe(1);
    expect(JSON.parse(pressed[0]!)).toMatchObject({ action: 'case.hide', member: 'magda' });
    await expect.poll(async () => (await api('/api/view?member=tomek&channel=cases')).messagesHtml).toContain('został ukryty przez moderację');
    expect(complaints).toEqual([]);
  });
});
