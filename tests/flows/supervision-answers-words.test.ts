// The everyday supervision answers say what is true for the one who reads them: cancelling shown only to
// facilitators, entry numbers where they really are, the file where it really went, whole sentences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { supervision as en } from '../../src/i18n/en/supervision.js';
import { supervision as pl } from '../../src/i18n/pl/supervision.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
  t.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id]);
  await t.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
  await t.mem.command(facilitator, '/supervision add 2026-03-17 18:00 #supervision');
});
afterAll(() => t.close());

describe('/supervision list', () => {
  it('shows how to cancel only to facilitators', async () => {
    await t.mem.command(anna, '/supervision lista');
    expect(said(anna.id)).toContain('Najbliższe spotkania');
    expect(said(anna.id)).not.toMatch(/odwołaj|cancel/);
    await t.mem.command(facilitator, '/supervision lista');
    expect(said(facilitator.id)).toContain('/supervision odwołaj S<numer>');
  });
});

describe('answers about sessions', () => {
  it('thanks a member who is coming with a whole sentence', async () => {
    const [s] = await t.bot.db.select().from(supervisionSessions);
    await t.mem.click(anna, 'supervision.rsvp', `${s!.id}:coming`);
    expect(said(anna.id)).toMatch(/^Zapisane: będziesz na spotkaniu \(wt\., 10 marca 2026, 18:00\)\.$/);
  });

  it('says no reminders will go out about a cancelled session', async () => {
    await t.mem.command(facilitator, '/supervision odwołaj 2026-03-17');
    expect(said(facilitator.id)).toContain('Nie wyślę już o nim przypomnień.');
  });
});

describe('answers about hours', () => {
  it('shows the entry numbers beside the entries, with a real example, in Polish and English', async () => {
    await t.mem.command(anna, '/supervision dziennik 1,5 grupowa');
    await t.mem.command(anna, '/supervision godziny');
    expect(said(anna.id)).toContain('1 · 2026-03-02 · grupowa · 1,5 godziny');
    expect(said(anna.id)).toContain('/supervision godziny popraw 1 2 indywidualna');
    expect(said(anna.id)).toContain('/supervision godziny usuń 1');
    await t.mem.command(ben, '/supervision log 1 individual');
    await t.mem.command(ben, '/supervision hours');
    expect(said(ben.id)).toContain('1 · 2026-03-02 · individual · 1 hour');
    expect(said(ben.id)).toContain('/supervision hours fix 1 2 group');
    expect(said(ben.id)).toContain('/supervision hours remove 1');
  });

  it('says the export went by direct message, where the file really is', async () => {
    await t.mem.command(anna, '/supervision godziny eksport');
    const file = t.mem.said.at(-2)!;
    expect(file).toMatchObject({ kind: 'file', member: anna.id });
    expect(said(anna.id)).toBe('Plik z Twoimi godzinami jest już w Twoich wiadomościach prywatnych.');
    await t.mem.command(ben, '/supervision hours export');
    expect(said(ben.id)).toBe('Your hours are in the file I just sent you by direct message.');
  });
});

describe('the words themselves', () => {
  it('never end a sentence with an ellipsis and a full stop', () => {
    for (const words of [en, pl]) {
      const texts = Object.values(words).flatMap((v): string[] => (typeof v === 'string' ? [v] : Object.values(v as Record<string, string>)));
      expect(texts.filter((s) => /…`?\./.test(s))).toEqual([]);
    }
  });

  it('say that a place of more than one word follows a colon', () => {
    expect(en['supervision.opt.where']).toContain('(where: room 3)');
    expect(pl['supervision.opt.where']).toContain('(gdzie: sala 3)');
  });
});
