// What members naturally type around a day and an hour, a rhythm, a zone, days and themes is understood, and a
// holiday that changes nothing is said to change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Friday 20 March 2026, 11:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-20T10:00:00Z' });
});
afterAll(() => tb.close());

const ask = (m: typeof anna, line: string) => tb.mem.ask(m, line);

describe('a day and an hour in /reflect me and /reflect schedule', () => {
  it('takes the small words people put around them', async () => {
    expect(await ask(ben, '/reflect me friday at 8:30')).toContain('Done — a personal prompt will come by DM every Friday at 08:30');
    expect(await ask(ben, '/reflect me every friday 08:30')).toContain('every Friday at 08:30');
    expect(await ask(anna, '/reflect ja w piątek 8:30')).toContain('Gotowe — osobiste pytanie przyjdzie w wiadomości prywatnej co tydzień (piątek, 08:30)');
    expect(await ask(anna, '/reflect ja piątek o 8:30')).toContain('co tydzień (piątek, 08:30)');
    expect(await ask(anna, '/reflect ja we wtorek o 7:15')).toContain('co tydzień (wtorek, 07:15)');
    expect(await ask(facilitator, '/reflect schedule #refl friday at 09:00')).toContain('Zaplanowane');
    expect(await ask(facilitator, '/reflect zaplanuj #refl co piątek o 9:00')).toContain('co tydzień (piątek, 09:00)');
    expect(await ask(facilitator, '/reflect zaplanuj #refl w czwartek 9:00 co 2 tyg.')).toContain('co 2 tyg. (czwartek, 09:00)');
  });

  it('still answers a real mistake with the word that is wrong', async () => {
    expect(await ask(anna, '/reflect ja piątek o 25:00')).toContain('25:00');
    expect(await ask(facilitator, '/reflect zaplanuj #refl piątek 09:00 co tydzień')).toContain('tydzień');
  });

  it('reads a zone typed without tz: as a zone, and an unknown one as a zone', async () => {
    expect(await ask(facilitator, '/reflect zaplanuj #refl pt 09:00 więź Europe/London')).toContain('strefa Europe/London, tematy: Więź');
    expect(await ask(facilitator, '/reflect zaplanuj #refl pt 09:00 Europe/Atlantis')).toContain('Europe/Atlantis');
    expect(await ask(facilitator, '/reflect zaplanuj #refl pt 09:00 Europe/Atlantis')).not.toContain('Nie znam tematu');
    // Two zones are one zone not understood, whether scheduling or editing (edit kept the last one silently).
    const id = Number(/#(\d+)/.exec(await ask(facilitator, '/reflect zaplanuj #twozones pt 09:00'))![1]);
    expect(await ask(facilitator, `/reflect zmień ${id} Europe/London Europe/Paris`)).toContain('Europe/London Europe/Paris');
    expect(await ask(facilitator, '/reflect lista')).not.toContain('Europe/Paris');
  });
});

describe('other words', () => {
  it('takes a unit after the days of a follow-up', async () => {
    expect(await ask(facilitator, '/reflect followup 3 days')).toContain('3 dni');
    expect(await ask(facilitator, '/reflect przypomnienie 2 dni')).toContain('2 dni');
    expect(await ask(facilitator, '/reflect przypomnienie 3 tygodnie')).toContain('to nie liczba dni');
  });

  it('takes a comma list of themes when browsing', async () => {
    expect(await ask(anna, '/reflect pytania więź, naprawa')).toContain('Pytania — Więź, Naprawa');
    expect(await ask(anna, '/reflect pytania więź naprawa strona 1')).toContain('Pytania — Więź, Naprawa');
  });

  it('says a holiday is already there, and refuses a past one with a date that works', async () => {
    expect(await ask(facilitator, '/reflect wolne dodaj 2026-12-24')).toContain('Dodano 2026-12-24');
    expect(await ask(facilitator, '/reflect wolne dodaj 24.12.2026')).toContain('2026-12-24 już jest dniem wolnym zespołu');
    const past = await ask(facilitator, '/reflect wolne dodaj 2025-12-24');
    expect(past).toContain('Dzień 2025-12-24 już minął');
    expect(past).toContain('/reflect wolne dodaj 2026-12-24');
    expect(await ask(anna, '/reflect wolne')).not.toContain('2025-12-24');
  });
});
