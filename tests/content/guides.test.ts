// The /guide texts: same shape in both languages, short, limited markup, neutral Polish, topic lookup.
import { describe, it, expect } from 'vitest';
import { GUIDE_ALIASES, GUIDE_TOPICS, guidesEn, parseGuideTopic, type Guide } from '../../src/i18n/en/guides.js';
import { guidesPl } from '../../src/i18n/pl/guides.js';
import { genderedForms } from './polish-gender.js';

const MAX_GUIDE_CHARS = 1200;
const byLang = { en: guidesEn, pl: guidesPl } as const;

function allTexts(g: Guide): string[] {
  return [g.title, g.intro, ...g.steps, ...g.phrases, ...(g.note ? [g.note] : [])];
}

describe('guides', () => {
  it.each(GUIDE_TOPICS.map((t) => [t]))('%s has as many steps and phrases in Polish as in English', (topic) => {
    expect(guidesPl[topic].steps.length).toBe(guidesEn[topic].steps.length);
    expect(guidesPl[topic].phrases.length).toBe(guidesEn[topic].phrases.length);
    expect(Boolean(guidesPl[topic].note)).toBe(Boolean(guidesEn[topic].note));
  });

  it.each(GUIDE_TOPICS.map((t) => [t]))('%s has 3–6 steps and 3–5 example phrases', (topic) => {
    for (const g of [guidesEn[topic], guidesPl[topic]]) {
      expect(g.steps.length).toBeGreaterThanOrEqual(3);
      expect(g.steps.length).toBeLessThanOrEqual(6);
      expect(g.phrases.length).toBeGreaterThanOrEqual(3);
      expect(g.phrases.length).toBeLessThanOrEqual(5);
    }
  });

  it('keeps every guide short enough to read at a glance, with no empty lines', () => {
    for (const [lang, guides] of Object.entries(byLang)) {
      for (const topic of GUIDE_TOPICS) {
        const texts = allTexts(guides[topic]);
        for (const t of texts) expect(t.trim(), `${lang}/${topic}`).not.toBe('');
        const total = texts.reduce((n, t) => n + t.length, 0);
        expect(total, `${lang}/${topic}`).toBeLessThanOrEqual(MAX_GUIDE_CHARS);
      }
    }
  });

  it('uses only *bold* and _italic_ markup, always closed', () => {
    for (const [lang, guides] of Object.entries(byLang)) {
      for (const topic of GUIDE_TOPICS) {
        for (const t of allTexts(guides[topic])) {
          const where = `${lang}/${topic}: ${t}`;
          expect(t, where).not.toMatch(/\*\*|__|`|~|#|\[|\]|<|>/);
          expect((t.match(/\*/g) ?? []).length % 2, where).toBe(0);
          expect((t.match(/_/g) ?? []).length % 2, where).toBe(0);
        }
      }
    }
  });

  it('writes Polish guides so any therapist can say the phrases to any client', () => {
    for (const topic of GUIDE_TOPICS) {
      for (const t of allTexts(guidesPl[topic])) {
        expect(genderedForms(t), t).toEqual([]);
        expect(t, t).not.toMatch(/(?<!\p{L})Pa(?:n|ni|nu|na|nem|nią)(?!\p{L})/u);
      }
    }
  });

  it('points only to guides that exist when one guide refers to another', () => {
    for (const guides of Object.values(byLang)) {
      for (const topic of GUIDE_TOPICS) {
        for (const t of allTexts(guides[topic])) {
          for (const m of t.matchAll(/\/guide (\p{L}[\p{L}-]*)/gu)) expect(parseGuideTopic(m[1]), t).toBeDefined();
        }
      }
    }
  });
});

describe('guide topic lookup', () => {
  it.each([
    ['cisza', 'silence'],
    ['Cisza', 'silence'],
    ['milczenie', 'silence'],
    ['naprawa', 'repair'],
    ['sygnały', 'warning-signs'],
    ['SYGNALY', 'warning-signs'],
    ['sygnały ostrzegawcze', 'warning-signs'],
    ['mikronawyki', 'micro-habits'],
    ['struktura', 'structure'],
    ['ujawnianie', 'self-disclosure'],
    ['zakończenie', 'endings'],
    ['ZAKONCZENIE', 'endings'],
    ['self-disclosure', 'self-disclosure'],
  ])('understands %j as the %s guide', (word, topic) => {
    expect(parseGuideTopic(word)).toBe(topic);
  });

  it('accepts every topic id and every alias', () => {
    for (const t of GUIDE_TOPICS) expect(parseGuideTopic(t)).toBe(t);
    for (const [alias, topic] of Object.entries(GUIDE_ALIASES)) expect(parseGuideTopic(alias), alias).toBe(topic);
  });

  it('returns nothing for a word that is not a guide', () => {
    expect(parseGuideTopic('pizza')).toBeUndefined();
  });
});
