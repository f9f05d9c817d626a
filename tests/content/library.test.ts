// The prompt library: coverage per theme, both languages, length limits, neutral Polish, theme lookup.
import { describe, it, expect } from 'vitest';
import {
  PROMPT_LIBRARY,
  THEMES,
  THEME_ALIASES,
  THEME_NAMES,
  parseTheme,
} from '../../src/features/prompts/library.js';
import { genderedForms } from './polish-gender.js';

const MAX_CHARS = 280;

describe('prompt library', () => {
  it('offers at least 72 prompts', () => {
    expect(PROMPT_LIBRARY.length).toBeGreaterThanOrEqual(72);
  });

  it.each(THEMES.map((t) => [t]))('offers at least six prompts on %s', (theme) => {
    expect(PROMPT_LIBRARY.filter((p) => p.theme === theme).length).toBeGreaterThanOrEqual(6);
  });

  it('gives every prompt a unique, stable id named after its theme', () => {
    const ids = PROMPT_LIBRARY.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PROMPT_LIBRARY) expect(p.id).toMatch(new RegExp(`^${p.theme}-\\d{2}$`));
  });

  it('has every prompt in Polish and English, each within 280 characters', () => {
    for (const p of PROMPT_LIBRARY) {
      for (const text of [p.pl, p.en]) {
        expect(text.trim(), p.id).not.toBe('');
        expect(text.length, p.id).toBeLessThanOrEqual(MAX_CHARS);
        expect(text, p.id).toBe(text.trim());
      }
    }
  });

  it('asks a question in both languages', () => {
    for (const p of PROMPT_LIBRARY) {
      expect(p.pl, p.id).toContain('?');
      expect(p.en, p.id).toContain('?');
    }
  });

  it('never repeats a prompt text within a language', () => {
    for (const lang of ['pl', 'en'] as const) {
      const texts = PROMPT_LIBRARY.map((p) => p[lang].toLowerCase());
      expect(new Set(texts).size, lang).toBe(texts.length);
    }
  });

  it('writes Polish prompts without gendered past or conditional forms, so they fit every member', () => {
    const offenders = PROMPT_LIBRARY.map((p) => ({ id: p.id, forms: genderedForms(p.pl) })).filter(
      (o) => o.forms.length > 0,
    );
    expect(offenders).toEqual([]);
  });

  it('has not left an English sentence untranslated in Polish', () => {
    for (const p of PROMPT_LIBRARY) expect(p.pl, p.id).not.toBe(p.en);
  });

  it('never asks for anything that could identify a client', () => {
    const identifying = /(?<!\p{L})(imi[eęo]\p{L}*|nazwisk\p{L}*|inicja\p{L}*|pesel|initials|surname|full name|how old|date of birth|address|adres\p{L}*)(?!\p{L})/iu;
    for (const p of PROMPT_LIBRARY) {
      expect(p.pl, p.id).not.toMatch(identifying);
      expect(p.en, p.id).not.toMatch(identifying);
    }
  });
});

describe('theme names and lookup', () => {
  it('names every theme in both languages', () => {
    for (const t of THEMES) {
      expect(THEME_NAMES[t].pl.trim()).not.toBe('');
      expect(THEME_NAMES[t].en.trim()).not.toBe('');
    }
  });

  it.each([
    ['Cele', 'goals'],
    ['ZERWANIA', 'ruptures'],
    ['zerwania', 'ruptures'],
    ['naprawa', 'repair'],
    ['repair', 'repair'],
    ['Więź', 'bond'],
    ['WIEZ', 'bond'],
    ['porazka', 'success-failure'],
    ['Porażka', 'success-failure'],
    ['dbanie o siebie', 'self-care'],
    ['self-care', 'self-care'],
    ['  Cisza ', 'disclosure-silence'],
    ['wspolna odpowiedzialnosc', 'shared-responsibility'],
  ])('understands %j as the %s theme', (word, theme) => {
    expect(parseTheme(word)).toBe(theme);
  });

  it('accepts every theme id as typed', () => {
    for (const t of THEMES) expect(parseTheme(t)).toBe(t);
  });

  it('maps every alias to a real theme', () => {
    for (const [alias, theme] of Object.entries(THEME_ALIASES)) {
      expect(THEMES, alias).toContain(theme);
      expect(parseTheme(alias), alias).toBe(theme);
    }
  });

  it('returns nothing for a word that is not a theme', () => {
    expect(parseTheme('pizza')).toBeUndefined();
    expect(parseTheme('')).toBeUndefined();
  });
});
