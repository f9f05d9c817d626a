// Block Kit rendering: member text never pings or formats, and every Slack limit is met at its boundary.
import { describe, expect, it } from 'vitest';
import { message, quoteBlock, textBlock, untrusted, type Message } from '../../../src/core/message.js';
import { actionOf, renderButton, renderMessage } from '../../../adapters/slack/render/blocks.js';
import { neutralize } from '../../../adapters/slack/render/escape.js';
import { SLACK_LIMITS, truncate } from '../../../adapters/slack/render/limits.js';
import { renderModal, readValues, decodeMetadata } from '../../../adapters/slack/render/modal.js';
import { richToMrkdwn, spanToMrkdwn } from '../../../adapters/slack/render/mrkdwn.js';
import { t, tx, type Lang } from '../../../src/i18n/index.js';
import { buildForm } from '../../../src/features/autocheck/forms.js';

const json = (m: Message) => JSON.stringify(renderMessage(m));

describe('member text re-posted on Slack', () => {
  it.each(['<!channel>', '<!here>', '<!everyone>', '<@U024BE7LH>', '<!subteam^S012ABC|@therapists>', '<https://evil.example|click>'])(
    'cannot ping or link through %s',
    (evil) => {
      const out = json(message(quoteBlock(`hi ${evil} there`)));
      expect(out).not.toContain(evil);
      expect(out).toContain('&lt;');
    },
  );

  it('shows a person or channel the member named as the name they saw, never as a live mention', () => {
    const out = json(message(quoteBlock('talk with <@U0MEMBER1|anna> in <#C0GENERAL|general>, and <@U0HERE|here>')));
    expect(out).toContain('@anna');
    expect(out).toContain('#general');
    expect(out).not.toContain('<@');
    expect(out).not.toContain('<#');
    // A name that spells a broadcast is broken like a typed one.
    expect(out).toContain('@\u200Dhere');
  });

  it.each(['@channel', '@here', '@everyone'])('breaks a raw %s with a zero-width joiner', (raw) => {
    const text = neutralize(`hey ${raw}!`);
    expect(text).not.toContain(raw);
    expect(text).toContain(`@\u200D${raw.slice(1)}`);
  });

  it('shows markup characters as typed instead of formatting', () => {
    expect(neutralize('*bold* _it_ ~x~ `c`')).not.toMatch(/(^|[^\u200B])[*_~`]/);
  });

  it('marks a value inside a catalogue’s bold or code once, together with the words around it', () => {
    const item = richToMrkdwn(t('pl', 'prompts.list.item', { id: 7, channel: 'refleksja', rhythm: 'pt. 09:00', themes: 'więź', next: 'jutro' }));
    expect(item.startsWith('*#7* · ')).toBe(true);
    const example = richToMrkdwn(t('pl', 'args.example', { example: '/reflect pauza 1' }));
    expect(example).toBe('Na przykład: `/reflect pauza 1`');
  });

  it('renders a deliberate mention only in trusted text', () => {
    expect(spanToMrkdwn({ text: 'Anna', mention: 'U024BE7LH' })).toBe('<@U024BE7LH>');
    expect(spanToMrkdwn({ text: 'Anna', mention: 'U024BE7LH', untrusted: true })).toBe('Anna');
  });

  it('keeps catalogue markup in trusted text but escapes angle brackets', () => {
    expect(spanToMrkdwn({ text: '*Hi* a<b' })).toBe('*Hi* a&lt;b');
  });

  it('never lets member text into the notification fallback unneutralized', () => {
    const r = renderMessage(message(textBlock([untrusted('<!channel> @here')])));
    expect(r.text).not.toContain('<!channel>');
    expect(r.text).not.toContain('@here');
  });
});

describe('Slack limits', () => {
  it('truncates visibly with an ellipsis only past the limit', () => {
    expect(truncate('a'.repeat(24), SLACK_LIMITS.modalTitle)).toBe('a'.repeat(24));
    expect(truncate('a'.repeat(25), SLACK_LIMITS.modalTitle)).toBe(`${'a'.repeat(23)}…`);
  });

  it('keeps every piece of a long quoted paragraph inside the quote, and each within 3000 characters', () => {
    const words = Array.from({ length: 600 }, (_, i) => `słowo${i}`).join(' ');
    const blocks = renderMessage(message(quoteBlock(`${words} koniec`))).blocks as { text: { text: string } }[];
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(b.text.text.startsWith('>')).toBe(true);
      expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(blocks.at(-1)!.text.text).toContain('koniec');
    expect(blocks.map((b) => b.text.text.slice(1)).join(' ')).toBe(`${words} koniec`);
  });

  it('keeps a section of exactly 3000 characters whole and splits 3001 into two', () => {
    const one = renderMessage(message(textBlock('x'.repeat(3000)))).blocks;
    expect(one).toHaveLength(1);
    const two = renderMessage(message(textBlock('x'.repeat(3001)))).blocks as { text: { text: string } }[];
    expect(two).toHaveLength(2);
    expect(two.every((b) => b.text.text.length <= 3000)).toBe(true);
    expect(two.map((b) => b.text.text).join('')).toHaveLength(3001);
  });

  it('keeps 50 blocks and, in what must stay one message (an edit, the Home tab), cuts 51 to 49 plus a visible "…"', () => {
    const many = (n: number) => message(...Array.from({ length: n }, (_, i) => textBlock(`line ${i}`)));
    expect(renderMessage(many(50)).blocks).toHaveLength(50);
    const cut = renderMessage(many(51)).blocks;
    expect(cut).toHaveLength(50);
    expect(JSON.stringify(cut[49])).toContain('…');
  });

  it('keeps a 150-character header and shortens a 151-character one', () => {
    const h = (n: number) => (renderMessage({ blocks: [{ type: 'heading', text: 'h'.repeat(n) }] }).blocks[0] as { text: { text: string } }).text.text;
    expect(h(150)).toHaveLength(150);
    expect(h(151)).toHaveLength(150);
    expect(h(151).endsWith('…')).toBe(true);
  });

  it('keeps a 75-character button label and shortens a 76-character one', () => {
    const label = (n: number) => (renderButton({ action: 'a', label: 'b'.repeat(n) }, 'a').text as { text: string }).text;
    expect(label(75)).toHaveLength(75);
    expect(label(76)).toHaveLength(75);
  });

  it('accepts a 255-character action id and a 2000-character value, refuses one more', () => {
    expect(() => renderButton({ action: 'a', label: 'x' }, 'a'.repeat(255))).not.toThrow();
    expect(() => renderButton({ action: 'a', label: 'x' }, 'a'.repeat(256))).toThrow();
    expect(() => renderButton({ action: 'a', label: 'x', value: 'v'.repeat(2000) }, 'a')).not.toThrow();
    expect(() => renderButton({ action: 'a', label: 'x', value: 'v'.repeat(2001) }, 'a')).toThrow();
  });

  it('gives repeated buttons unique action ids that map back to the same action', () => {
    const blocks = renderMessage(message({ type: 'actions', buttons: [{ action: 'rsvp', value: '1', label: 'Yes' }, { action: 'rsvp', value: '0', label: 'No' }] })).blocks;
    const ids = (blocks[0] as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);
    expect(new Set(ids).size).toBe(2);
    expect(ids.map(actionOf)).toEqual(['rsvp', 'rsvp']);
  });

  it('puts at most 10 elements in a context and 10 fields in a section', () => {
    const fields = Array.from({ length: 11 }, (_, i) => ({ label: `f${i}`, value: [{ text: 'v' }] }));
    const blocks = renderMessage(message({ type: 'fields', fields })).blocks as { fields: unknown[] }[];
    expect(blocks.map((b) => b.fields.length)).toEqual([10, 1]);
    expect(SLACK_LIMITS.contextElements).toBe(10);
  });
});

describe('forms as modals', () => {
  const form = {
    id: 'test.form',
    title: 'A title that is longer than Slack allows',
    submitLabel: 'Save',
    state: 's1',
    fields: [
      { id: 'mood', kind: 'scale' as const, label: 'Mood', min: 1, max: 5 },
      { id: 'topics', kind: 'choice' as const, label: 'Topics', multiple: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
      { id: 'note', kind: 'text' as const, label: 'Note', maxLength: 5000 },
    ],
  };

  it('shortens the title to 24 characters, caps text inputs at 3000 and carries the form id and state', () => {
    const view = renderModal(form, { c: 'C1' }) as { title: { text: string }; blocks: { element: { max_length?: number } }[]; private_metadata: string };
    expect(view.title.text).toHaveLength(24);
    expect(view.title.text.endsWith('…')).toBe(true);
    expect(view.blocks[2]!.element.max_length).toBe(3000);
    expect(decodeMetadata(view.private_metadata)).toEqual({ f: 'test.form', s: 's1', c: 'C1' });
  });

  it('refuses form state that would not fit in private_metadata (3000)', () => {
    expect(() => renderModal({ ...form, state: 'x'.repeat(3000) })).toThrow();
  });

  it('reads submitted values back by field id', () => {
    const values = readValues({
      values: {
        mood: { v: { type: 'radio_buttons', selected_option: { value: '4' } } },
        topics: { v: { type: 'checkboxes', selected_options: [{ value: 'a' }] } },
        note: { v: { type: 'plain_text_input', value: 'hello' } },
      },
    });
    expect(values).toEqual({ mood: '4', topics: ['a'], note: 'hello' });
  });
});

describe('scale ends in a modal', () => {
  type Option = { text: { text: string }; value: string };
  const optionsOf = (view: unknown, field: string): Option[] =>
    ((view as { blocks: { block_id?: string; element?: { options?: Option[] } }[] }).blocks.find((b) => b.block_id === field)?.element?.options ?? []);

  it.each([
    ['pl', 'standard'],
    ['pl', 'full'],
    ['en', 'quick'],
    ['en', 'full'],
  ] as const)('shows the catalogue’s %s end labels of the %s autocheck once, without a doubled number', (lang: Lang, variant) => {
    const form = buildForm(lang, variant);
    const scales = form.fields.filter((f) => f.kind === 'scale');
    expect(scales.length).toBeGreaterThan(0);
    for (const f of scales) {
      const labels = optionsOf(renderModal(form), f.id).map((o) => o.text.text);
      // Each end is the catalogue's label, led by its number exactly once ("0 — prawie wcale", never "0 — 0 — …").
      for (const [label, n, end] of [[labels[0]!, f.min, f.minLabel!], [labels.at(-1)!, f.max, f.maxLabel!]] as const) {
        expect(label.endsWith(end), `${f.id}: ${label}`).toBe(true);
        expect(label.match(new RegExp(`(^|\\D)${n}(?!\\d)`, 'g')), `${f.id}: ${label}`).toHaveLength(1);
        expect(label).toMatch(new RegExp(`^${n}(?!\\d)`));
      }
      expect(labels.slice(1, -1)).toEqual(Array.from({ length: f.max - f.min - 1 }, (_, i) => String(f.min + i + 1)));
    }
    expect(scales[0]!.minLabel).toBe(tx(lang, 'autocheck.scale4.min'));
  });

  it('puts the number before an end label that does not name it', () => {
    const view = renderModal({ id: 'x', title: 'X', submitLabel: 'OK', fields: [{ id: 'mood', kind: 'scale', label: 'Mood', min: 1, max: 10, minLabel: 'low', maxLabel: '10 — top' }] });
    const labels = optionsOf(view, 'mood').map((o) => o.text.text);
    expect(labels[0]).toBe('1 — low');
    expect(labels.at(-1)).toBe('10 — top');
  });
});
