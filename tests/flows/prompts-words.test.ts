// The words of /reflect: a Polish answer names commands as a Polish member types them, and every one it names works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEME_NAMES, parseTheme, themeWords } from '../../src/features/prompts/library.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const ask = (member: { id: string; locale?: string; isAdmin?: boolean }, line: string) => tb.mem.ask(member, line);
/** The commands an answer names in backticks, e.g. "/reflect wolne dodaj 2026-12-24". */
const named = (member: { id: string }) => [...tb.mem.lastPrivate(member.id)!.matchAll(/\/reflect [^.,;)\n]+/g)].map((m) => m[0].trim());

describe('Polish answers of /reflect', () => {
  it('name holidays as "/reflect wolne", and the command they name adds one', async () => {
    const empty = await ask(anna, '/reflect wolne');
    expect(empty).toContain('/reflect wolne dodaj 2026-12-24');
    expect(empty).not.toMatch(/holiday/);
    expect(await ask(facilitator, named(anna)[0]!)).toContain('Dodano 2026-12-24');
    const notOne = await ask(facilitator, '/reflect wolne usuń 2026-12-25');
    expect(notOne).toContain('Listę znajdziesz w /reflect wolne.');
    expect(notOne).not.toMatch(/holidays/);
  });

  it('name follow-ups as "/reflect przypomnienie", with "wyłącz", and both work', async () => {
    const bad = await ask(facilitator, '/reflect przypomnienie nigdy');
    expect(bad).toContain('ani „wyłącz”');
    expect(bad).toContain('/reflect przypomnienie 3 albo /reflect przypomnienie wyłącz');
    expect(bad).not.toMatch(/followup|off/);
    expect(await ask(facilitator, '/reflect przypomnienie 3')).toContain('3 dni');
    expect(await ask(facilitator, '/reflect przypomnienie wyłącz')).toContain('bez przypomnień');
  });

  it('read naturally: a skipped date "w dniu …", and no "tematy: wszystkie tematy"', async () => {
    const scheduled = await ask(facilitator, '/reflect zaplanuj #refleksja piątek 09:00');
    expect(scheduled).toContain('strefa Europe/Warsaw, wszystkie tematy.');
    expect(scheduled).not.toContain('tematy: wszystkie');
    const id = Number(/#(\d+)/.exec(scheduled)![1]);
    expect(await ask(facilitator, '/reflect zaplanuj #krąg piątek 10:00 więź naprawa')).toContain('tematy: Więź, Naprawa.');
    expect(await ask(facilitator, `/reflect pomiń ${id} 2026-03-13`)).toContain(`Gotowe — w dniu 2026-03-13 harmonogram #${id} nie wyśle pytania.`);
    expect(await ask({ ...ben, isAdmin: true }, '/reflect schedule #reflection friday 09:00')).toContain('time zone Europe/Warsaw, all themes.');
  });

  it('name the rupture theme with the word one types for it, and still take the old words', async () => {
    const word = themeWords().pl.split(', ').find((w) => parseTheme(w) === 'ruptures')!;
    expect(THEME_NAMES.ruptures.pl.toLowerCase()).toContain(word);
    for (const old of ['zerwania', 'zerwanie', 'pęknięcia', 'pekniecia', 'ruptures']) expect(parseTheme(old), old).toBe('ruptures');
    const browse = await ask(anna, `/reflect pytania ${word}`);
    expect(browse).toContain(`Pytania — ${THEME_NAMES.ruptures.pl} (7)`);
    expect(browse).not.toContain('Zerwania');
  });
});

describe('the answer to an anonymous reply', () => {
  it('says truthfully who can see that it was the member: nobody but them, in their own export', async () => {
    await ask(facilitator, '/reflect teraz #refleksja');
    await tb.bot.runDueWork();
    const starter = tb.mem.posts('refleksja').find((p) => !p.place.thread)!;
    const value = starter.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'prompts.anonReply')!.value;
    for (const [member, nobody, exportCmd] of [
      [anna, 'Bot nikomu nie pokazuje, że to Ty', '/sojusz dane eksport'],
      [ben, 'The bot shows no one that it was you', '/sojusz mydata export'],
    ] as const) {
      await tb.mem.click(member, 'prompts.anonReply', value);
      await tb.mem.fill(member, { text: 'Krótko.' });
      const done = tb.mem.lastPrivate(member.id)!;
      expect(done).toContain(nobody);
      expect(done).toContain(exportCmd);
      expect(done).not.toMatch(/nie zapisuje tego nigdzie|keeps no note/);
    }
  });
});
