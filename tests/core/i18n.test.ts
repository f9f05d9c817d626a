import { describe, expect, it } from 'vitest';
import { pickLanguage, t, tx } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en/index.js';
import { pl } from '../../src/i18n/pl/index.js';

describe('words', () => {
  it('uses Polish plural forms: 1 osoba, 2 osoby, 5 osób, 22 osoby', () => {
    expect(tx('pl', 'common.people', { count: 1 })).toBe('1 osoba');
    expect(tx('pl', 'common.people', { count: 2 })).toBe('2 osoby');
    expect(tx('pl', 'common.people', { count: 5 })).toBe('5 osób');
    expect(tx('pl', 'common.people', { count: 22 })).toBe('22 osoby');
    expect(tx('en', 'common.people', { count: 1 })).toBe('1 person');
    expect(tx('en', 'common.people', { count: 3 })).toBe('3 people');
  });
  it('marks every inserted value as untrusted so it can never become markup or a mention', () => {
    const spans = t('en', 'parse.time', { got: '*@everyone*' });
    const inserted = spans.find((s) => s.text === '*@everyone*');
    expect(inserted?.untrusted).toBe(true);
    expect(spans.some((s) => s.style === 'bold' && s.text.includes('everyone'))).toBe(false);
  });
  it('turns *bold* in a catalogue entry into a bold span', () => {
    expect(t('en', 'help.title')[0]).toEqual({ text: 'Sojusz', style: 'bold' });
  });
  it('gives a value inside *…* or backticks the style around it, still untrusted, with no stray marks', () => {
    // prompts.list.item: "*#{id}* · …" — the asterisks used to reach the page as characters.
    const item = t('pl', 'prompts.list.item', { id: 7, channel: 'refleksja', rhythm: 'pt. 09:00', themes: 'więź', next: 'jutro', status: '' });
    expect(item.find((s) => s.text === '7')).toMatchObject({ style: 'bold', untrusted: true });
    expect(item.map((s) => s.text).join('')).not.toMatch(/[*`]/);
    const example = t('en', 'args.example', { example: '/reflect now *x*' });
    expect(example.at(-1)).toEqual({ text: '/reflect now *x*', style: 'code', untrusted: true });
  });

  it('chooses the person’s language, then the team’s, then the platform locale, then Polish', () => {
    expect(pickLanguage('en', 'pl', 'pl-PL')).toBe('en');
    expect(pickLanguage(null, 'en', 'pl-PL')).toBe('en');
    expect(pickLanguage(null, null, 'en-US')).toBe('en');
    expect(pickLanguage(null, null, 'de-DE')).toBe('pl');
  });
  it('has a Polish entry for every English key, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const e = JSON.stringify(en[key]).match(/\{\w+\}/g)?.sort() ?? [];
      const p = JSON.stringify(pl[key]).match(/\{\w+\}/g)?.sort() ?? [];
      expect(new Set(p), `placeholders of ${key}`).toEqual(new Set(e));
    }
  });
});
