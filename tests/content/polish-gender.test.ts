// Neutral Polish everywhere: the gendered-form detector itself, then every Polish word the bot says.
import { describe, expect, it } from 'vitest';
import { pl } from '../../src/i18n/pl/index.js';
import { guidesPl } from '../../src/i18n/pl/guides.js';
import { PROMPT_LIBRARY, THEME_NAMES } from '../../src/features/prompts/library.js';
import { genderedForms } from './polish-gender.js';

describe('the gendered-form detector', () => {
  it.each([
    ['Czy byłem ciekawy? Zrobiłam to. Poczułeś? Mogłabyś. Poszliśmy dalej.', ['byłem', 'zrobiłam', 'poczułeś', 'mogłabyś', 'poszliśmy']],
    ['Gdybyś chciał wrócić, napisz.', ['gdybyś chciał']],
    ['Czy byś mógł to sprawdzić?', ['byś mógł']],
    ['Co byś zrobił?', ['byś zrobił']],
    ['Ja bym to przemyślał.', ['bym to przemyślał']],
    ['Jak byś się czuła?', ['byś się czuła']],
    ['Chcę, żebyśmy poszli dalej.', ['żebyśmy poszli']],
    ['Gdybyście chcieli coś zmienić', ['gdybyście chcieli']],
    ['Będziesz mógł wrócić.', ['będziesz mógł']],
    ['Będę Ci odpowiadał po polsku.', ['będę ci odpowiadał']],
    ['Jesteś pewien?', ['jesteś pewien']],
    ['Czy jestem ciekawy?', ['jestem ciekawy']],
    ['Jesteś już gotowa?', ['jesteś już gotowa']],
    ['Czujesz się zmęczona?', ['czujesz się zmęczona']],
    ['Zrobisz to sama?', ['zrobisz to sama']],
    ['Zrobiłe(a)m to wczoraj.', ['zrobiłe(a)m']],
    ['Czy zrobił(a) to ktoś?', ['zrobił(a)']],
    ['Kto zrobił/a notatkę?', ['zrobił/a']],
  ])('catches %j', (text, forms) => {
    expect(genderedForms(text)).toEqual(forms);
  });

  it.each([
    ['Czy w tej sesji była we mnie ciekawość? Z zapałem, z ciałem, z pomysłem; było dobrze.'],
    // Present and future of -łać verbs, and nouns in the instrumental, end like a past tense.
    ['Wysyłam plik, przysyłam link, odwołam sesję, działam dalej.'],
    ['Przed kanałem, nad materiałem, z sygnałem, za rozdziałem.'],
    // "sam" of a thing, or "the same": no reader's gender in it.
    ['Te same liczby, ten sam kanał; formularz nie otworzył się sam; czy on sam to widzi?'],
    ['Czy ta proporcja sama się ułożyła? Masz te same odczucia?'],
    // An infinitive after "będę", a place after "będziesz", a conditional without a person.
    ['Będę Ci odpowiadać po polsku. Będziesz na spotkaniu. Gdyby to było łatwe, żeby było jasne.'],
    ['Jesteś w dobrym miejscu. Autor(ka) przypadku.'],
  ])('leaves %j alone', (text) => {
    expect(genderedForms(text)).toEqual([]);
  });
});

/** Every Polish text the bot can say: each catalogue entry (each plural form too), the guides, the library. */
function polishTexts(): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, entry] of Object.entries(pl)) {
    if (typeof entry === 'string') out.push([key, entry]);
    else for (const [form, text] of Object.entries(entry)) if (text) out.push([`${key}.${form}`, text]);
  }
  for (const [topic, g] of Object.entries(guidesPl)) {
    for (const text of [g.title, g.intro, ...g.steps, ...g.phrases, ...(g.note ? [g.note] : [])]) out.push([`guide ${topic}`, text]);
  }
  for (const p of PROMPT_LIBRARY) out.push([p.id, p.pl]);
  for (const [theme, name] of Object.entries(THEME_NAMES)) out.push([`theme ${theme}`, name.pl]);
  return out;
}

describe('Polish words', () => {
  it('address every member without a gendered form: every catalogue entry, guide and prompt', () => {
    const texts = polishTexts();
    expect(texts.length).toBeGreaterThan(500);
    const offenders = texts.map(([where, text]) => ({ where, forms: genderedForms(text) })).filter((o) => o.forms.length);
    expect(offenders).toEqual([]);
  });
});
