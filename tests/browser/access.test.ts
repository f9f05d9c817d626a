// The playground for a keyboard and a screen reader, in Debian's headless Chromium: a message list to scroll without a
// mouse, a form that does not lose typed text to a stray Escape, what is read out (and what is not), the language each
// message is read in, and text fields whose edges can be seen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebPort } from '../../adapters/web/index.js';
import { tx } from '../../src/i18n/index.js';
import type { OffsetClock } from '../../src/schedule/clock.js';
import { itRanWithoutComplaints, NO_BROWSER, openPlaygroundInBrowser, type PlaygroundInBrowser } from '../helpers/browser.js';
import type { RunningPlayground } from '../helpers/playground.js';

let opened: PlaygroundInBrowser | undefined;
let page: Page;
let pg: RunningPlayground;
let web: WebPort;
let clock: OffsetClock;

beforeAll(async () => {
  if (NO_BROWSER) return;
  opened = await openPlaygroundInBrowser({ name: 'access' });
  ({ page, pg } = opened);
  ({ web, clock } = pg);
  await page.locator('#welcome-close').click();
}, 120_000);

afterAll(() => opened?.close());

/** What another member does, straight through the playground's API (as their own browser would). */
async function asMember(member: string, channel: string, text: string, thread?: string): Promise<void> {
  const res = await fetch(`${pg.base}/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ member, channel, text, thread }) });
  expect(res.status).toBe(200);
}

async function type(line: string): Promise<void> {
  await page.locator('#composer-text').fill(line);
  await page.locator('#composer-text').press('Enter');
}

async function go(channel: string): Promise<void> {
  await page.locator(`.channel-link[data-channel="${channel}"]`).click();
  await expect.poll(() => page.locator('.channel-link[aria-current="page"]').getAttribute('data-channel')).toBe(channel);
}

const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.skipIf(NO_BROWSER)('the playground for a keyboard and a screen reader', () => {
  it('lets a keyboard reach a message list without buttons and scroll back through it', async () => {
    await go('dm-magda');
    for (let i = 0; i < 4; i++) {
      const before = await page.locator('#messages article').count();
      await type('/sojusz pomoc');
      await expect.poll(() => page.locator('#messages article').count()).toBeGreaterThan(before);
    }
    const list = page.locator('#messages');
    // Answers in a DM carry no button: before, nothing in the list could take focus, so no key could scroll it.
    expect(await list.locator('button, a').count()).toBe(0);
    await expect.poll(() => list.evaluate((l) => l.scrollHeight > l.clientHeight + 100 && l.scrollTop > 0)).toBe(true);
    await page.locator('#composer-text').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await activeId()).toBe('messages');
    // Focused from the keyboard, it shows the ring.
    expect(await list.evaluate((l) => l.matches(':focus-visible') && getComputedStyle(l).outlineStyle !== 'none')).toBe(true);
    const bottom = await list.evaluate((l) => l.scrollTop);
    await page.keyboard.press('PageUp');
    await expect.poll(() => list.evaluate((l) => l.scrollTop)).toBeLessThan(bottom);
  });

  it('marks each message with the language it was written in, also after the page changes language', async () => {
    const polish = page.locator('#messages article').last();
    const polishId = await polish.getAttribute('data-id');
    await type('/sojusz język en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('#messages article').last().getAttribute('data-id')).not.toBe(polishId);
    // The help written in Polish is still read in Polish on the English page; the answer after the switch in English.
    const langOf = (id: string | null) => page.locator(`#messages article[data-id="${id}"] .body`).evaluate((b) => b.closest('[lang]')!.getAttribute('lang'));
    expect(await langOf(polishId)).toBe('pl');
    expect(await langOf(await page.locator('#messages article').last().getAttribute('data-id'))).toBe('en');
    // A colleague's message is read in the language they write in: Tomek's Polish on Magda's page, English for now.
    await asMember('tomek', 'supervision', 'Dzień dobry, czy ktoś ma wolne miejsce w czwartek?');
    await go('supervision');
    const his = page.locator('#messages article', { hasText: 'wolne miejsce' });
    expect(await his.locator('.body').evaluate((b) => b.closest('[lang]')!.getAttribute('lang'))).toBe('pl');
    // The page's own words around it stay English.
    expect(await his.locator('.thread-link').evaluate((b) => b.closest('[lang]')!.getAttribute('lang'))).toBe('en');
    await type('/sojusz language pl');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('pl');
  });

  it('reads out a colleague’s reply in the open thread, once, and not what was there when it opened', async () => {
    await go('reflection');
    await type('Po sesji z parą czuję, że stanęłam po jednej stronie.');
    const mine = page.locator('#messages article', { hasText: 'po jednej stronie' });
    await mine.locator('.thread-link').click();
    await page.locator('#thread-messages article').first().waitFor();
    const id = (await mine.getAttribute('data-id'))!;
    await asMember('tomek', 'reflection', 'Mnie pomaga nazwać to na głos przy obojgu.', id);
    await expect.poll(() => page.locator('#live').textContent()).toContain('Tomasz Wiśniewski: Mnie pomaga nazwać to na głos przy obojgu.');
    expect(await page.locator('#live').textContent()).not.toContain('po jednej stronie');
    // On a phone-wide screen the open thread and its box fit, nothing pushes the page sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.locator('#thread-text').evaluate((el) => el.getBoundingClientRect().right <= 375)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.locator('#thread-close').click();
  });

  it('names each thread link after its message for a screen reader, showing the same words as before', async () => {
    await go('supervision');
    await asMember('tomek', 'supervision', 'Czy ktoś prowadził już grupę dla rodziców po stracie dziecka? Szukam literatury i superwizora.');
    await asMember('ola', 'supervision', 'Ja.');
    const list = page.locator('#messages');
    const tomeks = list.locator('article', { hasText: 'grupę dla rodziców' });
    await tomeks.waitFor();
    await list.locator('article', { hasText: /^Aleksandra Nowak.*Ja\./ }).waitFor();
    const link = (name: string) => list.getByRole('button', { name, exact: true });
    // Who wrote it and how it begins, shortened after a whole word; a message this short is quoted whole.
    expect(await link('Odpowiedz w wątku — Tomasz Wiśniewski: „Czy ktoś prowadził już grupę dla rodziców po…”').count()).toBe(1);
    expect(await link('Odpowiedz w wątku — Aleksandra Nowak: „Ja.”').count()).toBe(1);
    // No two links in the list sound alike; on screen each still reads just “Odpowiedz w wątku” or its count of replies.
    const names = [...(await list.ariaSnapshot()).matchAll(/button "([^"]*)"/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(names).size).toBe(names.length);
    expect(await tomeks.locator('.thread-link').textContent()).toBe(tx('pl', 'web.replyInThread'));

    // A refresh with nothing new leaves the list as it is: the link under the keyboard is not replaced.
    await tomeks.locator('.thread-link').focus();
    await tomeks.locator('.thread-link').evaluate((b) => ((b as HTMLElement & { kept?: boolean }).kept = true));
    const shown = await page.locator('#now').textContent();
    clock.offsetMs += 60 * 1000;
    web.changed();
    await expect.poll(() => page.locator('#now').textContent()).not.toBe(shown);
    expect(await tomeks.locator('.thread-link').evaluate((b) => (b as HTMLElement & { kept?: boolean }).kept === true && b === document.activeElement)).toBe(true);
    // Nor does a colleague's new message: only what changed is drawn again, so a press on Tomasz's link at that moment
    // is not lost with a replaced button, and the keyboard stays on it.
    await asMember('ola', 'supervision', 'Dopiszę się z pytaniem o literaturę.');
    await list.locator('article', { hasText: 'Dopiszę się' }).waitFor();
    expect(await tomeks.locator('.thread-link').evaluate((b) => (b as HTMLElement & { kept?: boolean }).kept === true && b === document.activeElement)).toBe(true);

    // A reply changes the count on screen, and the name with it, in the page’s language.
    await asMember('magda', 'supervision', 'Polecam zapytać w naszej grupie.', (await tomeks.getAttribute('data-id'))!);
    await type('/sojusz language en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => link('1 reply — Tomasz Wiśniewski: “Czy ktoś prowadził już grupę dla rodziców po…”').count()).toBe(1);
    expect(await tomeks.locator('.thread-link').textContent()).toBe('1 reply');
    await type('/sojusz language pl');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('pl');
  });

  it('does not read the clock out when it moves on its own, and says the new time when a button moves it', async () => {
    // Everything that would be read out, recorded as it changes.
    await page.evaluate(() => {
      const w = window as unknown as { heard: string[] };
      w.heard = [];
      new MutationObserver((changes) => {
        for (const c of changes) {
          const target = c.target instanceof Element ? c.target : c.target.parentElement;
          const region = target?.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]');
          if (region) w.heard.push(`${region.id}: ${region.textContent}`);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const shown = await page.locator('#now').textContent();
    clock.offsetMs += 5 * 60 * 1000;
    web.changed(); // anything on the server: the page looks again and finds the time five minutes on
    await expect.poll(() => page.locator('#now').textContent()).not.toBe(shown);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    await page.locator('.time-buttons button[data-step="hour"]').click();
    await expect.poll(() => page.locator('.time-buttons button:disabled').count()).toBe(0);
    const now = (await page.locator('#now').textContent())!;
    await expect.poll(() => page.locator('#live').textContent()).toContain(now);
  });

  it('asks before Escape throws away what was typed in a form, and a second Escape goes back to writing', async () => {
    await go('cases');
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    const typed = 'Klient spóźnia się coraz bardziej i zbywa to żartem.';
    await dialog.locator('#f-body').fill(typed);
    await page.keyboard.press('Escape');
    const question = dialog.locator('.discard');
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.textContent()).toContain(tx('pl', 'web.discard.question'));
    // The safe answer has focus; Escape now means it: back to the text, as it was.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('discard-no');
    await page.keyboard.press('Escape');
    expect(await question.isVisible()).toBe(false);
    expect(await activeId()).toBe('f-body');
    expect(await dialog.locator('#f-body').inputValue()).toBe(typed);
    // Asked again and answered "close": the form goes, on the server too, and the keyboard is back in the message box.
    await page.keyboard.press('Escape');
    await question.locator('.discard-yes').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
    await expect.poll(() => web.forms.size).toBe(0);
    expect(await activeId()).toBe('composer-text');
    // A form with nothing typed closes at once.
    await type('/case');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
  });

  it('draws the edge of every text field at 3:1 against what is around it, so the box can be found', async () => {
    await type('/case');
    const dialog = page.locator('#form-dialog[open]');
    await dialog.waitFor();
    for (const sel of ['#member', '#composer-text', '#f-title', '#f-body']) {
      const [edge, inside, around] = await page.locator(sel).evaluate((el) => {
        const bg = (e: Element | null): string => {
          for (; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (!/rgba\(.*, 0\)|transparent/.test(c)) return c;
          }
          return 'rgb(255, 255, 255)';
        };
        return [getComputedStyle(el).borderTopColor, bg(el), bg(el.parentElement)];
      });
      expect(contrast(edge, inside), `${sel} against its inside`).toBeGreaterThanOrEqual(3);
      expect(contrast(edge, around), `${sel} against its surroundings`).toBeGreaterThanOrEqual(3);
    }
    await dialog.locator('.form-cancel').click();
    await expect.poll(() => page.locator('#form-dialog[open]').count()).toBe(0);
  });

  itRanWithoutComplaints(() => opened);
});
