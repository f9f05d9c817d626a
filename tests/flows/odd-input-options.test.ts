// Typed lines that used to be misread: a place that swallowed the options after it, a Polish weekday in the
// accusative, an option given twice, a command's other name in help, a zone in lower case or as a city.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
/** An English-speaking facilitator beside the Polish one. */
const emily = { id: 'U_EMILYFAC', isAdmin: true, locale: 'en-GB' };
const ola = { id: 'U_OLA', locale: 'pl-PL' };
beforeAll(async () => {
  tb = await makeBot();
}, 180_000);
afterAll(() => tb.close());
type Who = typeof facilitator | typeof emily | typeof ola;
const ask = (who: Who, line: string) => tb.mem.ask(who, line);

describe('a place typed after where:', () => {
  it('ends where the zone begins: the series is planned in that zone, the place is only the link', async () => {
    const a = await ask(emily, '/supervision schedule #supervision monday 18:00 every 2 weeks duration 90m where: https://meet.example.org/abc tz:America/New_York');
    expect(a).toContain('Planned series');
    expect(a).toContain('(America/New_York)');
    const list = await ask(emily, '/supervision list');
    expect(list).toContain('https://meet.example.org/abc');
    expect(list).not.toContain('tz:');
  });

  it('ends where the duration begins, and keeps a place of several words', async () => {
    await ask(emily, '/supervision add 2026-04-10 18:00 #supervision where: room 3 duration 2h');
    await ask(facilitator, '/supervision dodaj 2026-04-17 18:00 #superwizja gdzie: sala 12 piętro 2');
    const list = await ask(emily, '/supervision list');
    expect(list).toContain('room 3');
    expect(list).not.toContain('room 3 duration');
    expect(list).toContain('sala 12 piętro 2');
    // The two hours are the session's length: the calendar file ends it at 20:00.
    await ask(emily, '/supervision calendar');
    const file = [...tb.mem.said].reverse().find((s) => s.kind === 'file');
    const ics = new TextDecoder().decode(file?.kind === 'file' ? file.file.bytes : new Uint8Array());
    expect(ics).toContain('DTEND;TZID=Europe/Warsaw:20260410T200000');
  });
});

describe('a Polish weekday as it is said', () => {
  it('schedules "w środę o 9:00" on Wednesday at 09:00', async () => {
    const a = await ask(facilitator, '/reflect zaplanuj #refleksja w środę o 9:00');
    expect(a).toContain('Zaplanowane');
    expect(a).toMatch(/środa.*09:00/);
    expect(a).toContain('4 marca');
  });
});

describe('an option given twice', () => {
  it('is refused with both values named, and nothing is scheduled', async () => {
    const before = await ask(emily, '/reflect list');
    const a = await ask(emily, '/reflect schedule #other friday 09:00 tz:Europe/Warsaw tz:Europe/Berlin');
    expect(a).toContain('given twice');
    expect(a).toContain('“tz:Europe/Warsaw” and “tz:Europe/Berlin”');
    const pl = await ask(facilitator, '/reflect zaplanuj #inny piątek 9:00 co 2 tygodnie co 3 tygodnie');
    expect(pl).toContain('wpisano dwa razy');
    expect(pl).toContain('„co 2 tygodnie” i „co 3 tygodnie”');
    expect(await ask(emily, '/reflect list')).toBe(before);
  });
});

describe('an unknown subcommand', () => {
  it('also names the bare command and what it does', async () => {
    expect(await ask(ola, '/case nowy')).toBe(
      '/case nie ma polecenia „nowy”. Dostępne: /case odpowiedz, /case wycofaj. Samo /case: opisz przypadek (otworzy się formularz; nikt nie zobaczy, że to Twój).',
    );
    expect(await ask(emily, '/case open')).toContain('/case on its own: write a case (a form opens');
  });
});

describe('a text over its limit', () => {
  it('says so in Polish whatever the gender of its label', async () => {
    expect(await ask(facilitator, `/supervision temat ${'x'.repeat(1001)}`)).toContain('Temat: tekst jest za długi (1001/1000 znaków).');
  });
});

describe('help for one command', () => {
  it('takes the command’s other name', async () => {
    const a = await ask(facilitator, '/sojusz pomoc przypadek');
    expect(a).toContain('/case odpowiedz');
    expect(a).not.toContain('Nie ma komendy');
    expect(await ask(facilitator, '/sojusz pomoc superwizja')).toContain('/supervision zaplanuj');
  });

  it('suggests the command a slip missed', async () => {
    expect(await ask(facilitator, '/sojusz pomoc reflekt')).toContain('może chodziło o /reflect?');
    expect(await ask(emily, '/sojusz help supervison')).toContain('did you mean /supervision?');
    expect(await ask(emily, '/sojusz help xyz')).toBe('There is no command /xyz. Try /sojusz help.');
  });
});

describe('a time zone', () => {
  it('is taken in any letter case, spelt as the zone database spells it', async () => {
    expect(await ask(ola, '/sojusz strefa utc')).toContain('Gotowe — Twoja strefa czasowa to teraz UTC');
    expect(await ask(ola, '/sojusz strefa europe/warsaw')).toContain('Gotowe — Twoja strefa czasowa to teraz Europe/Warsaw');
  });

  it('is suggested for a city', async () => {
    expect(await ask(ola, '/sojusz strefa Warsaw')).toContain('może chodziło o Europe/Warsaw?');
    expect(await ask(emily, '/sojusz timezone new_york')).toContain('did you mean America/New_York?');
  });
});
