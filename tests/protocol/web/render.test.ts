// The playground's HTML: when a field's character count shows and what it counts, a command hint as one piece of
// code, and pictures described in words.
import { describe, expect, it } from 'vitest';
import { renderForm, renderMessage, renderRich, type WebRow } from '../../../adapters/web/render.js';
import type { OpenForm } from '../../../adapters/web/port.js';
import { t, tx } from '../../../src/i18n/index.js';

const open = (value: string, maxLength = 10, multiline = false): OpenForm => ({
  form: { id: 'probe', title: 'Probe', submitLabel: 'Send', fields: [{ id: 'time', kind: 'text', label: 'Time', maxLength, multiline }] },
  inv: { platform: 'web', team: 'T', member: { id: 'ola' } },
  values: { time: [value] },
  version: 1,
});

describe('a one-line field’s character count', () => {
  it('stays out of sight on a short field with a right value ("09:00" of 5) and shows once it is too long', () => {
    expect(renderForm(open('09:00', 5), 'pl')).toMatch(/class="limit quiet" id="f-time-max"/);
    expect(renderForm(open('12345678', 10), 'en')).toMatch(/class="limit quiet" id="f-time-max"/);
    expect(renderForm(open('12345678901', 10), 'en')).toMatch(/class="limit over" id="f-time-max"/);
  });

  it('shows from 80% of the limit on a longer field', () => {
    expect(renderForm(open('x'.repeat(95), 120), 'en')).toMatch(/class="limit quiet" id="f-time-max" data-quiet-below="96"/);
    expect(renderForm(open('x'.repeat(96), 120), 'en')).toMatch(/class="limit" id="f-time-max" data-quiet-below="96"/);
  });

  it('counts as the form’s check does (trimmed), so it names the same number as the error under it', () => {
    const body = 'Bardzo długi opis. '.repeat(200); // 3800 with the trailing space the check trims: 3799
    const html = renderForm({ ...open(body, 3000, true), errors: { time: tx('pl', 'form.tooLong', { max: 3000, got: body.trim().length }) } }, 'pl');
    expect(html).toContain('3799 z 3000 znaków');
    expect(html).not.toContain('3800');
  });
});

describe('rich text', () => {
  it('shows a command with a parameter as one piece of code, without gaps inside it', () => {
    const html = renderRich(t('pl', 'args.unknownCommandGuess', { got: 'sojuz', guess: 'sojusz' }));
    const codes = [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.some((c) => c.startsWith('/sojusz'))).toBe(true);
    expect(html).not.toMatch(/<\/code>\s*<code>/);
  });

  it('keeps member text inside a code run escaped and marked', () => {
    const html = renderRich([{ text: '/case withdraw ', style: 'code' }, { text: '<b>1</b>', style: 'code', untrusted: true }]);
    expect(html).toBe('<code>/case withdraw <span class="untrusted">&lt;b&gt;1&lt;/b&gt;</span></code>');
  });
});

describe('a chart the bot sent', () => {
  it('is described in words for a screen reader, not by its file name', () => {
    const row = {
      id: 7,
      team: 'playground',
      channel: 'dm-tomek',
      threadId: null,
      author: 'bot',
      persona: null,
      message: { blocks: [] },
      ephemeralFor: null,
      file: { name: 'autocheck-trend.png', mime: 'image/png', data: '' },
      deleted: false,
      createdAt: new Date('2025-03-07T08:00:00Z'),
      updatedAt: null,
    } as unknown as WebRow;
    const html = renderMessage(row, { lang: 'pl', zone: 'Europe/Warsaw', viewer: 'tomek' });
    expect(html).toContain(`alt="${tx('pl', 'web.alt.autocheckTrend')}"`);
    expect(html).not.toContain('alt="autocheck-trend.png"');
  });
});

describe('a thread link', () => {
  const row = (blocks: unknown[], author = 'bot') =>
    ({ id: 9, team: 'playground', channel: 'reflection', threadId: null, author, persona: null, message: { blocks }, ephemeralFor: null, file: null, deleted: false, createdAt: new Date('2025-03-07T08:00:00Z'), updatedAt: null }) as unknown as WebRow;
  const nameOf = (html: string) => /class="thread-link" aria-label="([^"]*)"/.exec(html)?.[1];

  it('names a message without words by its author and time, and leaves its buttons out of the quote', () => {
    const picture = row([{ type: 'image', png: 'AAAA', alt: 'Trend' }, { type: 'actions', buttons: [{ action: 'x', label: 'Pokaż' }] }]);
    expect(nameOf(renderMessage(picture, { lang: 'pl', zone: 'Europe/Warsaw', viewer: 'tomek', replies: 0 }))).toBe('Odpowiedz w wątku — Sojusz, pt. 7 marca, 09:00');
  });

  it('quotes a colleague’s words escaped, never as markup', () => {
    const html = renderMessage(row([{ type: 'text', text: [{ text: '"<b>x</b>" & y', untrusted: true }] }], 'ola'), { lang: 'en', zone: 'Europe/Warsaw', viewer: 'tomek', replies: 2 });
    expect(nameOf(html)).toBe('2 replies — Aleksandra Nowak: “&quot;&lt;b&gt;x&lt;/b&gt;&quot; &amp; y”');
  });
});
