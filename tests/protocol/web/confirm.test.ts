// A button that cannot be undone asks first on the playground: "Hide the case" in the moderation channel carries its
// question and both answers in the page (hidden until pressed), and the press goes to the bot only when confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, type WebRow } from '../../../adapters/web/render.js';
import { message } from '../../../src/core/message.js';
import { reportPost } from '../../../src/features/cases/post.js';
import { tx } from '../../../src/i18n/index.js';
import { startTestPlayground, type Playground } from './harness.js';

const row = (m: ReturnType<typeof message>) =>
  ({ id: 7, team: 'playground', channel: 'moderation', threadId: null, author: 'bot', persona: null, message: m, ephemeralFor: null, file: null, deleted: false, createdAt: new Date('2026-03-02T08:00:00Z'), updatedAt: null }) as unknown as WebRow;
const html = (m: ReturnType<typeof message>) => renderMessage(row(m), { lang: 'pl', zone: 'Europe/Warsaw', viewer: 'magda' });
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The buttons of a view's HTML, with their data and the question that follows a button asking first. */
function buttons(h: string) {
  return [...h.matchAll(/<button type="button" class="([^"]*)" data-action="([^"]*)" data-value="([^"]*)" data-source="(\d+)"([^>]*)>([^<]*)<\/button>/g)].map((m) => ({
    cls: m[1]!,
    action: m[2]!,
    value: m[3]!,
    source: m[4]!,
    rest: m[5]!,
    label: m[6]!,
  }));
}

describe('a button that asks first, as the playground renders it', () => {
  it('shows “Hide the case” with its question, hidden, and answers that press the same action', () => {
    const out = html(reportPost('pl', 3, 'Za dużo szczegółów'));
    const question = /<button type="button" class="action danger" data-action="case.hide" data-value="3" data-source="7" data-confirm aria-expanded="false">Ukryj przypadek<\/button><div class="confirm" role="group" aria-label="([^"]*)" hidden><p><strong>([^<]*)<\/strong> ([^<]*)<\/p>(.*?)<\/div>/.exec(out);
    expect(question).not.toBeNull();
    expect(question![1]).toBe(attr(tx('pl', 'cases.mod.hideConfirm.title', { number: 3 })));
    expect(question![2]).toBe('Ukryć przypadek #3?');
    expect(question![3]).toBe(attr(tx('pl', 'cases.mod.hideConfirm.text')));
    expect(question![3]).toContain('Tego nie da się cofnąć.');
    const answers = buttons(question![4]!);
    expect(answers.map((a) => [a.cls, a.action, a.value, a.label])).toEqual([
      ['confirm-yes danger', 'case.hide', '3', 'Ukryj i usuń'],
      ['confirm-no', 'case.hide', '3', 'Zostaw przypadek'],
    ]);
  });

  it('escapes the question’s words like any other text', () => {
    const out = html(message({ type: 'actions', buttons: [{ action: 'x', label: 'X', confirm: { title: '<b>t</b>', text: '"q" & <i>', confirm: '<y>', deny: '<n>' } }] }));
    expect(out).not.toMatch(/<(b|i|y|n)>/);
    expect(out).toContain('&lt;b&gt;t&lt;/b&gt;');
    expect(out).toContain('&quot;q&quot; &amp; &lt;i&gt;');
  });

  it('leaves a button that does not ask first as it was: pressed, it acts', () => {
    const out = html(message({ type: 'actions', buttons: [{ action: 'case.reply', value: '3', label: 'Odpowiedz' }] }));
    expect(out).toBe(out.replace(/data-confirm|class="confirm"/g, ''));
    expect(buttons(out).map((b) => b.rest)).toEqual(['']);
  });
});

let pg: Playground;
beforeAll(async () => {
  pg = await startTestPlayground();
}, 120_000);
afterAll(async () => pg?.close());

const send = (member: string, text: string, channel: string) => pg.post('/api/send', { member, channel, text });
const press = (member: string, channel: string, b: { action: string; value: string; source: string }) =>
  pg.post('/api/button', { member, channel, action: b.action, value: b.value, source: b.source });

describe('hiding a reported case on the playground', () => {
  it('shows the moderators the question before hiding, and hides the case once they confirm', async () => {
    await send('ola', '/case', 'cases');
    const sent = await pg.post('/api/form', {
      member: 'ola',
      values: { title: ['Milczenie'], body: ['Klientka milczała przez pół sesji i wyszła wcześniej.'], question: ['Jak wrócić do tematu?'] },
    });
    expect(sent.status).toBe(200);
    const publish = buttons((await pg.view('ola', 'cases')).messagesHtml).find((b) => b.action === 'case.publish')!;
    expect((await press('ola', 'cases', publish)).status).toBe(200);
    // The anonymous post waits its random delay.
    for (let i = 0; i < 5 && !buttons((await pg.view('tomek', 'cases')).messagesHtml).some((b) => b.action === 'case.report'); i++) await pg.post('/api/time', { step: 'next' });

    const report = buttons((await pg.view('tomek', 'cases')).messagesHtml).find((b) => b.action === 'case.report')!;
    expect((await press('tomek', 'cases', report)).status).toBe(200);
    expect((await pg.post('/api/form', { member: 'tomek', values: { reason: ['Za dużo szczegółów o rodzinie.'] } })).status).toBe(200);
    await pg.app.bot.runDueWork();

    const mod = (await pg.view('magda', 'moderation')).messagesHtml as string;
    const hide = buttons(mod).find((b) => b.action === 'case.hide' && b.cls === 'action danger')!;
    expect(hide.rest).toContain('data-confirm');
    expect(mod).toContain(`<strong>${attr(tx('pl', 'cases.mod.hideConfirm.title', { number: Number(hide.value) }))}</strong>`);
    expect(mod).toContain(`>${tx('pl', 'cases.mod.hideConfirm.yes')}</button>`);
    expect(mod).toContain(`>${tx('pl', 'cases.mod.hideConfirm.no')}</button>`);

    // The page sends the press only on "Ukryj i usuń": the same action, from the answer button.
    const yes = buttons(mod).find((b) => b.cls.startsWith('confirm-yes'))!;
    expect((await press('magda', 'moderation', yes)).status).toBe(200);
    const cases = ((await pg.view('tomek', 'cases')).messagesHtml as string).replace(/<[^>]+>/g, '');
    expect(cases).toContain(tx('pl', 'cases.post.hidden', { number: Number(hide.value) }));
    expect(cases).not.toContain('Klientka milczała');
  });
});
