// Long rich text cut into Slack sections at 3000 characters: a bold, italic or code run cut in two is closed in one
// section and opened again in the next, so no literal "*" shows — tested at the boundary, as the case preview does it.
import { describe, expect, it } from 'vitest';
import { message, plain, textBlock, type Rich } from '../../../src/core/message.js';
import { renderMessage } from '../../../adapters/slack/render/blocks.js';
import { previewMessage } from '../../../src/features/cases/preview.js';

type Section = { type: string; text?: { text: string } };
const sections = (rich: Rich | { type: 'quote'; text: Rich }) =>
  (renderMessage(message(Array.isArray(rich) ? textBlock(rich) : rich)).blocks as Section[]).map((b) => b.text!.text);
/** Marks Slack would read: a "*" or "`" not made inert by a zero-width space before it. */
const marks = (text: string, mark: string) => [...text.matchAll(new RegExp(`(?<!\\u200B)\\${mark}`, 'g'))].length;

describe('a section cut inside a marked run', () => {
  it('closes the bold in the first piece and opens it again in the next when the cut falls inside it', () => {
    const rich: Rich = [plain(`${'x'.repeat(2990)} `), { text: 'Joanna Kowalska', style: 'bold', untrusted: true }, plain(' mówi dalej.')];
    const pieces = sections(rich);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.endsWith(' *Joanna*')).toBe(true);
    expect(pieces[1]!.startsWith('*Kowalska* mówi dalej.')).toBe(true);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(marks(p, '*') % 2).toBe(0);
    }
  });

  it('keeps a bold run that ends exactly at 3000 characters whole, and cuts before it one character later', () => {
    const at3000: Rich = [plain(`${'x'.repeat(2982)} `), { text: 'Joanna Kowalska', style: 'bold', untrusted: true }];
    expect(sections(at3000)).toEqual([`${'x'.repeat(2982)} *Joanna Kowalska*`]);
    const over: Rich = [plain(`${'x'.repeat(2983)} `), { text: 'Joanna Kowalska', style: 'bold', untrusted: true }];
    expect(sections(over)).toEqual([`${'x'.repeat(2983)} *Joanna*`, '*Kowalska*']);
  });

  it('closes and reopens a code run cut hard (no space to cut at)', () => {
    const rich: Rich = [plain('x'.repeat(2995)), { text: 'y'.repeat(20), style: 'code', untrusted: true }];
    const pieces = sections(rich);
    expect(pieces).toHaveLength(2);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(marks(p, '`') % 2).toBe(0);
    }
    expect(pieces.join('').replace(/`/g, '')).toBe(`${'x'.repeat(2995)}${'y'.repeat(20)}`);
  });

  it('never cuts an escaped entity, a mention or a channel link in two', () => {
    const rich: Rich = [plain('x'.repeat(2996)), { text: 'a&b', untrusted: true }, { text: '#ogólny', channel: 'C0GENERAL' }];
    const pieces = sections(rich);
    expect(pieces.join('')).toContain('&amp;');
    expect(pieces.some((p) => p.includes('<#C0GENERAL>'))).toBe(true);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
  });
});

describe('the case preview of a 3000-character body', () => {
  it('shows a client’s name found at the cut in bold in both pieces, each piece inside the quote', () => {
    const body = `${'a'.repeat(2985)} Joanna Kowalska mówi o ojcu.`;
    const preview = previewMessage('pl', { title: 'Milczenie', body, question: 'Jak dalej?', tags: [] }, 'token', false);
    const rendered = renderMessage(preview).blocks as Section[];
    const quoted = rendered.filter((b) => b.type === 'section' && b.text!.text.startsWith('>') && /a{100}|Kowalska/.test(b.text!.text)).map((b) => b.text!.text);
    expect(quoted).toHaveLength(2);
    expect(quoted[0]!.endsWith('*Joanna*')).toBe(true);
    expect(quoted[1]).toBe('>*Kowalska* mówi o ojcu.');
    for (const q of quoted) {
      expect(q.length).toBeLessThanOrEqual(3000);
      expect(marks(q, '*') % 2).toBe(0);
    }
  });

  it('cuts a long list at an item, each piece keeping its marks', () => {
    const items: Rich[] = Array.from({ length: 120 }, (_, i) => [{ text: `#${i}`, style: 'bold' }, plain(` — ${'słowo '.repeat(5)}koniec`)]);
    const pieces = (renderMessage(message({ type: 'list', items, ordered: true })).blocks as Section[]).map((b) => b.text!.text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(marks(p, '*') % 2).toBe(0);
      expect(/^\d+\. \*#\d+\*/.test(p)).toBe(true);
    }
  });
});
