// The playground end to end in Debian's headless Chromium: autocheck, an anonymous case, a scheduled prompt.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { itRanWithoutComplaints, NO_BROWSER, openPlaygroundInBrowser, type PlaygroundInBrowser } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebPort } from '../../adapters/web/index.js';
import type { App } from '../../src/app.js';
import { ensureTeam } from '../../src/core/teams.js';
import { teams } from '../../src/db/schema/index.js';
import { tx } from '../../src/i18n/index.js';
import { eq } from 'drizzle-orm';
import type { OffsetClock } from '../../src/schedule/clock.js';

const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts');

let opened: PlaygroundInBrowser | undefined;
let app: App;
let page: Page;
let web: WebPort;
let clock: OffsetClock;

beforeAll(async () => {
  if (NO_BROWSER) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  opened = await openPlaygroundInBrowser({ name: 'play', runner: true });
  ({ page } = opened);
  ({ app, web, clock } = opened.pg);
}, 120_000);

afterAll(() => opened?.close());

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function become(member: string, channel: string): Promise<void> {
  await page.locator('#member').selectOption(member);
  await page.locator(`.channel-link[data-channel="${channel}"]`).click();
  await expect.poll(() => page.locator('.channel-link[aria-current="page"]').getAttribute('data-channel')).toBe(channel);
}

async function type(line: string): Promise<void> {
  await page.locator('#composer-text').fill(line);
  await page.locator('#composer-text').press('Enter');
}

/** Press a time button until `done` holds (each press runs whatever fell due on the way). */
async function advanceUntil(step: 'next' | 'day', done: () => Promise<boolean>, max = 25): Promise<void> {
  for (let i = 0; i < max && !(await done()); i++) {
    await page.locator(`.time-buttons button[data-step="${step}"]`).click();
    await page.waitForTimeout(250);
  }
  expect(await done()).toBe(true);
}

describe.skipIf(NO_BROWSER)('the web playground in a browser', () => {
  it('opens on the sample team, in Polish, with its channels', async () => {
    await expect.poll(() => page.locator('#channels .channel-link').count()).toBe(4);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('pl');
    expect(await page.locator('#now').textContent()).toMatch(/\d{2}:\d{2}/);
    // A first visit says what is set up, what to try, and that the clock can be moved.
    const welcome = page.locator('#welcome');
    await expect.poll(() => welcome.isVisible()).toBe(true);
    expect(await welcome.textContent()).toContain('#reflection');
    expect(await welcome.locator('li').count()).toBe(3);
    await shot('01-start');
    // On a phone-wide screen nothing pushes the page sideways ("Jesteś" and its long names included).
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
    // Dismissed once, it stays dismissed; the side bar offers it again.
    await page.locator('#welcome-close').click();
    await page.reload();
    await page.locator('#messages').waitFor();
    await expect.poll(() => page.locator('#welcome-open').isVisible()).toBe(true);
    expect(await welcome.isVisible()).toBe(false);
  });

  it('runs /autocheck as a form and answers privately, then shows the trend chart inline', async () => {
    await become('tomek', 'reflection');
    await type('/autocheck');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    await shot('02-autocheck-form');
    // Submitting empty first: the errors appear next to the fields, nothing is saved.
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.field-error').first().waitFor();
    await shot('03-autocheck-errors');
    for (const scale of await dialog.locator('fieldset.scale').all()) await scale.locator('label.scale-point').nth(2).click();
    for (const choice of await dialog.locator('fieldset.choice-field').all()) {
      if (!(await choice.locator('input:checked').count())) await choice.locator('label.choice').first().click();
    }
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    await expect.poll(() => page.locator('#messages .msg.ephemeral').count()).toBeGreaterThan(0);
    await shot('04-autocheck-answered');

    await type('/autocheck trend');
    await page.locator('.channel-link[data-channel="dm-tomek"]').click();
    const chart = page.locator('#messages img.chart');
    await chart.first().waitFor();
    // Loaded, not only placed: the page may be re-drawn while the image is on its way.
    await expect.poll(() => chart.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
    expect(await chart.first().getAttribute('alt')).toBe(tx('pl', 'web.alt.autocheckTrend'));
    await shot('05-autocheck-chart');
    // Another member, in the DM: the page remembers their own DM, so a reload comes back to it (not a refused view).
    await page.locator('#member').selectOption('ola');
    await expect.poll(() => page.locator('.channel-link[aria-current="page"]').getAttribute('data-channel')).toBe('dm-ola');
    await page.reload();
    await page.locator('#messages').waitFor();
    await expect.poll(() => page.locator('.channel-link[aria-current="page"]').getAttribute('data-channel')).toBe('dm-ola');
  });

  it('posts a case as one member and shows it to another without the author', async () => {
    await become('ola', 'cases');
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#f-title').fill('Klientka odwołuje co drugą sesję');
    await dialog.locator('#f-body').fill('Od trzech miesięcy odwołuje co drugą sesję w ostatniej chwili. Czuję złość i bezradność; próbowałam o tym rozmawiać.');
    await dialog.locator('#f-question').fill('Jak rozmawiać o tym bez oskarżania?');
    const tags = dialog.locator('fieldset.choice-field label.choice');
    if (await tags.count()) await tags.first().click();
    await shot('06-case-form');
    await dialog.locator('button[type="submit"]').click();
    const publish = page.locator('#messages button.action[data-action="case.publish"]');
    await publish.waitFor();
    await shot('07-case-preview');
    await publish.click();
    await expect.poll(() => page.locator('#messages .msg.ephemeral').last().textContent()).toMatch(/#\s?1|1/);

    await become('emily', 'cases');
    const published = page.locator('#messages .msg.from-bot:not(.ephemeral)', { hasText: 'Klientka odwołuje co drugą sesję' });
    await advanceUntil('next', async () => (await published.count()) > 0);
    const text = (await published.first().textContent()) ?? '';
    expect(text).not.toContain('Aleksandra');
    expect(text).not.toContain('ola');
    expect(await published.first().locator('.author').textContent()).toBe('Sojusz');
    await shot('08-case-seen-by-colleague');
  });

  it('moves the clock until the scheduled prompt opens a thread in #reflection', async () => {
    await become('emily', 'reflection');
    const prompt = page.locator('#messages .msg.from-bot:not(.ephemeral)');
    await advanceUntil('next', async () => (await prompt.count()) > 0, 40);
    await shot('09-prompt-posted');
    await prompt.first().locator('.thread-link').click();
    await page.locator('#thread-text').fill('I notice I rush to fix things when the bond wobbles.');
    await page.locator('#thread-text').press('Enter');
    await page.locator('#thread-messages .msg.from-member', { hasText: 'rush to fix' }).waitFor();
    await expect.poll(() => prompt.first().locator('.thread-link').textContent()).toMatch(/1/);
    await shot('10-prompt-thread');
    // An anonymous answer from inside the thread: afterwards the keyboard is back in the thread's box.
    await page.locator('#thread-messages button.action[data-action="prompts.anonReply"]').click();
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#f-text').fill('Then I slow down and ask what the client noticed.');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('thread-text');
  });

  it('switches the whole page to English when the member chooses it', async () => {
    await page.locator('#thread-close').click();
    await type('/sojusz language en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#composer button[type="submit"]').textContent()).toBe('Send');
    expect(await page.locator('label[for="member"]').textContent()).toBe('You are');
    await shot('11-english');
  });

  it('keeps what was typed in an open form across a reload, and forgets it once the form is closed', async () => {
    await become('ola', 'cases');
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#f-title').fill('Klient milknie po pytaniu o ojca');
    await dialog.locator('#f-body').fill('Po każdym pytaniu o ojca długo milczy.');
    await page.reload();
    await dialog.waitFor();
    expect(await dialog.locator('#f-title').inputValue()).toBe('Klient milknie po pytaniu o ojca');
    expect(await dialog.locator('#f-body').inputValue()).toBe('Po każdym pytaniu o ojca długo milczy.');
    // Escape on typed text asks first (tests/browser/access.test.ts); closed without saving, the tab's copy goes too.
    await page.keyboard.press('Escape');
    await dialog.locator('.discard-yes').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('sojusz.draft')))).toEqual([]);
    await type('/case');
    await dialog.waitFor();
    expect(await dialog.locator('#f-title').inputValue()).toBe('');
    await dialog.locator('.form-cancel').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
  });

  it('gives focus back to the button that opened a form when it is closed with Escape', async () => {
    await become('magda', 'reflection');
    await type('/sojusz ustawienia');
    const change = page.locator('#messages button.action[data-action="onboarding.settings"][data-value="setup"]').last();
    await change.waitFor();
    await change.click();
    await page.locator('#form-dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.getAttribute('data-action')}:${document.activeElement?.getAttribute('data-value')}`)).toBe('onboarding.settings:setup');
  });

  it('closes a form the server no longer has, says it expired and keeps what was typed', async () => {
    await become('ola', 'cases');
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    const kept = 'Klientka wraca do tego samego tematu, a ja nie wiem, jak go otworzyć.';
    await dialog.locator('#f-body').fill(kept);
    // The limit is shown as a count that follows the typing, not enforced by cutting.
    expect(await dialog.locator('#f-body').getAttribute('maxlength')).toBeNull();
    expect(await dialog.locator('#f-body-max').textContent()).toMatch(new RegExp(`^${kept.length} z \\d+ znaków$`));
    // As after a restart: the server has forgotten the form while the member was writing. Forgotten as the form is
    // sent, so that it is the sending that finds out: a view the page asks for meanwhile (anything changing on the
    // server) would find out first, which is the next test's way.
    await page.route('**/api/form', (route) => {
      web.forms.clear();
      return route.continue();
    }, { times: 1 });
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    await expect.poll(() => page.locator('#status-text').textContent()).toBe(tx('pl', 'web.formExpired'));
    expect(await page.locator('#status-text').getAttribute('role')).toBe('alert');
    expect(await page.locator('#status-kept-text').inputValue()).toContain(kept);
    await shot('12-form-expired');
    await page.locator('#status-close').click();
    expect(await page.locator('#status-text').textContent()).toBe('');
  });

  it('says so, keeping the text, when an open form disappears while the page reconnects', async () => {
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#f-title').fill('Odwołane sesje');
    web.forms.clear();
    web.changed(); // the page looks again, as it does when its live connection comes back
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    await expect.poll(() => page.locator('#status-text').textContent()).toBe(tx('pl', 'web.formExpired'));
    expect(await page.locator('#status-kept-text').inputValue()).toContain('Odwołane sesje');
    await page.locator('#status-close').click();
  });

  it('leaves a form closed with Escape closed when a view asked for before it closed still shows it', async () => {
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    // Something changes on the server while the form is open: the page looks again, and that answer is slow to come.
    let staleNow = '';
    let fetched!: () => void;
    const asked = new Promise<void>((r) => (fetched = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route((url) => url.pathname === '/api/view', async (route) => {
      const stale = await route.fetch();
      staleNow = (await stale.json()).nowLabel;
      fetched();
      await held;
      await route.fulfill({ response: stale });
    }, { times: 1 });
    web.changed();
    await asked;
    await page.keyboard.press('Escape');
    await expect.poll(() => web.forms.size).toBe(0);
    // The answer from before Escape, with the form still in it, arrives now; then the page looks again, and finds
    // the clock two minutes on (which tells this test that the later view is shown too).
    clock.offsetMs += 2 * 60 * 1000;
    release();
    await expect.poll(() => page.locator('#now').textContent()).not.toBe(staleNow);
    expect(await page.locator('#form-dialog[open]').count()).toBe(0);
    expect(await page.locator('#status-text').textContent()).toBe('');
  });

  it('keeps a message that could not be sent in the box and says why', async () => {
    const long = 'x'.repeat(4001);
    await type(long);
    await expect.poll(() => page.locator('#status-text').textContent()).toContain('4000');
    expect(await page.locator('#composer-text').inputValue()).toBe(long);
    await page.locator('#composer-text').fill('');
    await page.locator('#status-close').click();
    // A command the bot refused (too long for an answer) stays in the box too, to shorten rather than retype.
    const answer = `/case odpowiedz 1 ${'Długa odpowiedź. '.repeat(100)}`;
    const before = await page.locator('#messages .msg.ephemeral').count();
    await type(answer);
    await expect.poll(() => page.locator('#messages .msg.ephemeral').count()).toBeGreaterThan(before);
    expect(await page.locator('#composer-text').inputValue()).toBe(answer);
    await page.locator('#composer-text').fill('');
  });

  it('moves the clock once for a double click: its buttons wait while it moves', async () => {
    const before = clock.offsetMs;
    await page.locator('.time-buttons button[data-step="hour"]').dblclick();
    await expect.poll(() => page.locator('.time-buttons button:disabled').count()).toBe(0);
    await page.waitForTimeout(300);
    const moved = clock.offsetMs - before;
    // One hour (less the moment the request took, the offset being counted from real time), not two.
    expect(moved).toBeGreaterThan(59 * 60 * 1000);
    expect(moved).toBeLessThan(2 * 60 * 60 * 1000 - 60 * 1000);
  });

  it('tells the member why the clock will not move on a database shared with a real team', async () => {
    const slack = await ensureTeam(app.bot.db, 'slack', 'T0REAL', 'Real team');
    try {
      const before = clock.offsetMs;
      await page.locator('.time-buttons button[data-step="hour"]').click();
      await expect.poll(() => page.locator('#status-text').textContent()).toBe(tx('pl', 'web.timeShared'));
      expect(clock.offsetMs).toBe(before);
    } finally {
      await app.bot.db.delete(teams).where(eq(teams.id, slack.id));
      await page.locator('#status-close').click();
    }
  });

  itRanWithoutComplaints(() => opened);
});
