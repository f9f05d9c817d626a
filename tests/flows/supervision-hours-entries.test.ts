// A member's supervision hours as entries they can keep right: each member numbers their own entries 1, 2, 3… (never
// the serial ids every team shares), `/supervision hours` lists the latest with their numbers, `hours fix N` corrects
// any of the hours, kind, date and note, and `hours remove N` removes one after asking — only ever the member's own.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember, Said } from '../../adapters/memory/index.js';
import type { Button } from '../../src/core/message.js';
import type { MessageRef } from '../../src/core/port.js';
import { members, supervisionHours, supervisionSessions, teams } from '../../src/db/schema/index.js';
import { logHours } from '../../src/features/supervision/hours.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { secondConnection } from '../helpers/db.js';

const cara: MemoryMember = { id: 'U_CARA_H', name: 'Cara', locale: 'en-GB' };
/** A member of another team on the same database. */
const dana: MemoryMember = { id: 'U_DANA_H', name: 'Dana', locale: 'en-GB' };
type Private = Extract<Said, { kind: 'private' }>;
type Update = Extract<Said, { kind: 'update' }>;

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, cara]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const ask = (who: MemoryMember, line: string) => tb.mem.ask(who, line);

/** A command in team T2, and what the member was told privately in answer. */
async function inTeam2(member: MemoryMember, line: string): Promise<string> {
  const before = tb.mem.privateTo(member.id).length;
  const [, command, text] = /^\/(\S+)\s*(.*)$/s.exec(line)!;
  await tb.bot.handle({ kind: 'command', inv: { platform: 'memory', team: 'T2', member, channel: 'general' }, command: command!, text: text! });
  return tb.mem.privateTo(member.id).slice(before).join('\n');
}

/** A member's entries that count (not removed), by number: [number, date, kind, hours]. */
async function entriesOf(member: MemoryMember, team = 'T1'): Promise<[number, string, string, number][]> {
  const rows = await tb.bot.db
    .select({ number: supervisionHours.number, date: supervisionHours.date, kind: supervisionHours.kind, hours: supervisionHours.hours })
    .from(supervisionHours)
    .innerJoin(members, eq(members.id, supervisionHours.memberId))
    .innerJoin(teams, eq(teams.id, members.teamId))
    .where(and(eq(members.externalId, member.id), eq(teams.externalId, team), isNull(supervisionHours.removedAt)))
    .orderBy(asc(supervisionHours.number));
  return rows.map((r) => [r.number, r.date, r.kind, Number(r.hours)]);
}

const everything = async () => JSON.stringify(await tb.bot.db.select().from(supervisionHours).orderBy(asc(supervisionHours.id)));

let questions = 0;
/** `/supervision hours remove N`: the question as the member read it, its buttons by label, and where it is. */
async function askToRemove(member: MemoryMember, line: string): Promise<{ text: string; buttons: Record<string, Button>; ref: MessageRef }> {
  await tb.mem.command(member, line);
  const q = [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member.id)!;
  const buttons = q.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
  return { text: q.text, buttons: Object.fromEntries(buttons.map((b) => [b.label, b])), ref: { team: 'T1', channel: 'general', id: `question-${++questions}` } };
}
/** A press of one of its buttons: what the member was told, and what became of the question. */
async function press(member: MemoryMember, button: Button, ref: MessageRef): Promise<{ said: string; question: string[] }> {
  const before = tb.mem.said.length;
  await tb.mem.click(member, button.action, button.value, ref);
  const after = tb.mem.said.slice(before);
  return {
    said: after.filter((s): s is Private => s.kind === 'private' && s.member === member.id).map((s) => s.text).join('\n'),
    question: after.filter((s): s is Update => s.kind === 'update' && s.ref.id === ref.id).map((u) => u.text),
  };
}

describe('entry numbers', () => {
  it('numbers each member’s entries from 1, whatever other members and other teams have logged', async () => {
    expect(await ask(ben, '/supervision log 1 group 2026-02-23')).toContain('(entry 1)');
    expect(await ask(anna, '/supervision dziennik 1,5 grupowa 2026-02-23')).toContain('(wpis 1)');
    expect(await ask(ben, '/supervision log 2 individual 2026-02-25')).toContain('(entry 2)');
    expect(await inTeam2(dana, '/supervision log 1 group')).toContain('(entry 1)');
    expect(await ask(ben, '/supervision log 1 group yesterday')).toContain('(entry 3)');
    expect(await ask(ben, '/supervision log 1.5 group')).toContain('Logged 1.5 hours of group supervision on 2026-03-02 (entry 4).');
    expect(await entriesOf(ben)).toEqual([
      [1, '2026-02-23', 'group', 1],
      [2, '2026-02-25', 'individual', 2],
      [3, '2026-03-01', 'group', 1],
      [4, '2026-03-02', 'group', 1.5],
    ]);
    expect(await entriesOf(anna)).toEqual([[1, '2026-02-23', 'group', 1.5]]);
    expect(await entriesOf(dana, 'T2')).toEqual([[1, '2026-03-02', 'group', 1]]);
  });
});

describe('/supervision hours', () => {
  it('lists the latest ten entries under the totals, newest first, with their numbers and the member’s notes', async () => {
    for (let day = 1; day <= 12; day++) await ask(cara, `/supervision log 1 group 2026-02-${String(day).padStart(2, '0')} note ${day}`);
    // Logged last, but for an older supervision: the 13th entry, further down than the latest ten.
    expect(await ask(cara, '/supervision log 2 individual 2026-01-15')).toContain('(entry 13)');
    const shown = await ask(cara, '/supervision hours');
    expect(shown).toContain('Individual: 2 hours · Group: 12 hours · Together: 14 hours');
    expect(shown).toContain('Latest entries');
    const items = shown.split('\n').filter((l) => /^• \d+ · /.test(l));
    expect(items).toEqual(Array.from({ length: 10 }, (_, i) => `• ${12 - i} · 2026-02-${String(12 - i).padStart(2, '0')} · group · 1 hour · note ${12 - i}`));
    expect(shown).toContain('These are the latest 10 of your 13 entries; the file from /supervision hours export has them all.');
    expect(shown).toContain('To correct an entry, give its number and what changes, e.g. /supervision hours fix 12 2 individual; to remove one: /supervision hours remove 12.');
    // The notes are the member's own: in their private answer, nowhere else.
    expect(tb.mem.said.filter((s) => s.kind !== 'private' && JSON.stringify(s).includes('note 12'))).toEqual([]);
  });

  it('shows no “latest of” line while all the entries fit', async () => {
    const shown = await ask(ben, '/supervision hours');
    expect(shown.split('\n').filter((l) => l.startsWith('• ') && l.includes(' · '))).toEqual([
      '• 4 · 2026-03-02 · group · 1.5 hours',
      '• 3 · 2026-03-01 · group · 1 hour',
      '• 2 · 2026-02-25 · individual · 2 hours',
      '• 1 · 2026-02-23 · group · 1 hour',
    ]);
    expect(shown).not.toContain('These are the latest');
  });
});

describe('/supervision hours fix', () => {
  it('corrects the hours, the kind or the date alone, or all three at once, and changes nothing else', async () => {
    expect(await ask(ben, '/supervision hours fix 2 2.5')).toContain('Corrected. Entry 2: 2.5 hours of individual supervision on 2026-02-25.');
    expect(await ask(ben, '/supervision hours fix 2 group')).toContain('Entry 2: 2.5 hours of group supervision on 2026-02-25.');
    expect(await ask(ben, '/supervision hours fix 2 2026-02-20')).toContain('Entry 2: 2.5 hours of group supervision on 2026-02-20.');
    expect(await ask(ben, '/supervision hours fix 2 1 hour individual yesterday')).toContain('Entry 2: 1 hour of individual supervision on 2026-03-01.');
    expect(await entriesOf(ben)).toEqual([
      [1, '2026-02-23', 'group', 1],
      [2, '2026-03-01', 'individual', 1],
      [3, '2026-03-01', 'group', 1],
      [4, '2026-03-02', 'group', 1.5],
    ]);
  });

  it('reads the Polish words of log: a decimal comma, "godz.", "wczoraj" and a day with its month', async () => {
    expect(await ask(anna, '/supervision godziny popraw 1 2 godz. indywidualna wczoraj')).toContain('Poprawione. Wpis 1: 2 godziny, superwizja indywidualna, 2026-03-01.');
    // "27.02" is a date, not 27.02 hours; "1,5" is hours.
    expect(await ask(anna, '/supervision godziny popraw 1 27.02')).toContain('Wpis 1: 2 godziny, superwizja indywidualna, 2026-02-27.');
    expect(await ask(anna, '/supervision godziny popraw 1 1,5 grupowa')).toContain('Wpis 1: 1,5 godziny, superwizja grupowa, 2026-02-27.');
    expect(await entriesOf(anna)).toEqual([[1, '2026-02-27', 'group', 1.5]]);
  });

  it('answers nothing to change, a date ahead, a word said twice or a date it cannot read with an example, changing nothing', async () => {
    const before = await everything();
    expect(await ask(ben, '/supervision hours fix 2')).toContain(
      'Entry 2 is 1 hour of individual supervision on 2026-03-01. What should change? Give the hours, the kind, the date or a new note, for example: /supervision hours fix 2 2 group or /supervision hours fix 2 case discussion; a lone - removes the note.',
    );
    const ahead = await ask(ben, '/supervision hours fix 2 2026-03-05');
    expect(ahead).toContain('2026-03-05 is still ahead');
    expect(ahead).toContain('For example: /supervision hours fix 2 2026-03-02. Nothing is changed yet.');
    expect(await ask(ben, '/supervision hours fix 2 group individual')).toContain('I read one of them twice: “group” and “individual”. Keep the one you mean, for example /supervision hours fix 2 individual.');
    expect(await ask(ben, '/supervision hours fix 2 2 3')).toContain('I read one of them twice: “2” and “3”');
    expect(await ask(ben, '/supervision hours fix 2 30')).toContain('“30” is not a number of hours I can log');
    expect(await ask(ben, '/supervision hours fix 2 31.02')).toContain('“31.02” is not a date I can read');
    expect(await ask(ben, '/supervision hours fix 99 1')).toContain('There is no entry 99 of yours. /supervision hours shows your latest entries with their numbers.');
    expect(await ask(ben, '/supervision hours fix')).toContain('For example: /supervision hours fix 12 2 2026-03-01 case discussion');
    expect(await ask(anna, '/supervision godziny popraw 1')).toContain('Wpis 1: 1,5 godziny, superwizja grupowa, 2026-02-27. Co poprawić?');
    expect(await everything()).toBe(before);
  });
});

describe('/supervision hours remove', () => {
  it('asks first, removes only on “Remove”, and says what was removed', async () => {
    const q = await askToRemove(ben, '/supervision hours remove 3');
    expect(q.text).toContain('Remove entry 3: 1 hour of group supervision on 2026-03-01? It will no longer count in your hours.');
    expect(Object.keys(q.buttons)).toEqual(['Remove', 'Keep it']);
    expect((await entriesOf(ben)).map(([n]) => n)).toEqual([1, 2, 3, 4]);

    const kept = await press(ben, q.buttons['Keep it']!, q.ref);
    expect(kept.said).toBe('Nothing removed: the entry stays as it is.');
    expect(kept.question).toEqual(['Nothing removed: the entry stays as it is.']);
    expect((await entriesOf(ben)).map(([n]) => n)).toEqual([1, 2, 3, 4]);

    const again = await askToRemove(ben, '/supervision hours remove 3');
    const removed = await press(ben, again.buttons['Remove']!, again.ref);
    expect(removed.said).toBe('Removed entry 3: 1 hour of group supervision on 2026-03-01. No other entry will get its number.');
    expect(removed.question).toEqual(['Entry removed.']);
    expect((await entriesOf(ben)).map(([n]) => n)).toEqual([1, 2, 4]);
    const shown = await ask(ben, '/supervision hours');
    expect(shown).toContain('Individual: 1 hour · Group: 2.5 hours');
    expect(shown).not.toMatch(/^• 3 · /m);

    // The same question pressed once more removes nothing more.
    expect((await press(ben, again.buttons['Remove']!, again.ref)).said).toBe('That entry is no longer there, so there is nothing to remove. /supervision hours shows the ones you have.');
    expect((await entriesOf(ben)).map(([n]) => n)).toEqual([1, 2, 4]);
    expect(await ask(ben, '/supervision hours remove 3')).toContain('Entry 3 was removed, so it no longer counts in your hours');
  });

  it('shows the entry’s note in the question, and asks in Polish', async () => {
    expect((await askToRemove(cara, '/supervision hours remove 12')).text).toContain('note 12');
    const q = await askToRemove(anna, '/supervision godziny usuń 1');
    expect(q.text).toContain('Usunąć wpis 1: 1,5 godziny, superwizja grupowa, 2026-02-27? Nie będzie się już wliczać do Twoich godzin.');
    expect(Object.keys(q.buttons)).toEqual(['Usuń', 'Zostaw']);
    expect((await press(anna, q.buttons['Zostaw']!, q.ref)).said).toBe('Nic nie usuwam, wpis zostaje bez zmian.');
  });
});

describe('someone else’s entry', () => {
  it('cannot be fixed or removed by another member: their number is their own entry, or none', async () => {
    const before = await entriesOf(ben);
    // Anna has one entry: Ben's 4 is no entry of hers, typed or pressed.
    expect(await ask(anna, '/supervision godziny popraw 4 3')).toContain('Nie ma Twojego wpisu o numerze 4.');
    expect(await ask(anna, '/supervision godziny usuń 4')).toContain('Nie ma Twojego wpisu o numerze 4.');
    const benQuestion = await askToRemove(ben, '/supervision hours remove 4');
    expect((await press(anna, benQuestion.buttons['Remove']!, benQuestion.ref)).said).toContain('Tego wpisu już nie ma');
    // Cara's 4 and Dana's 1 (another team) are theirs: fixing them leaves Ben's and Anna's as they were.
    expect(await ask(cara, '/supervision hours fix 4 2')).toContain('Entry 4: 2 hours of group supervision on 2026-02-04.');
    expect(await inTeam2(dana, '/supervision hours fix 1 3')).toContain('Entry 1: 3 hours of group supervision on 2026-03-02.');
    expect(await inTeam2(dana, '/supervision hours remove 4')).toContain('There is no entry 4 of yours.');
    expect(await entriesOf(ben)).toEqual(before);
    expect(await entriesOf(anna)).toEqual([[1, '2026-02-27', 'group', 1.5]]);
  });
});

describe('entries logged by /supervision held', () => {
  it('take the member’s next number and can be corrected like any other', async () => {
    await tb.mem.command(facilitator, '/supervision add 2026-03-03 18:00 #supervision');
    const [s] = await tb.bot.db.select().from(supervisionSessions);
    await tb.mem.click(ben, 'supervision.rsvp', `${s!.id}:coming`);
    tb.clock.set('2026-03-03T19:00:00Z');
    expect(await ask(facilitator, '/supervision held 2026-03-03')).toContain('Zapisane: 1,5 godziny superwizji grupowej dla 1 osoby');
    expect(await ask(ben, '/supervision hours')).toContain('• 5 · 2026-03-03 · group · 1.5 hours');
    expect(await ask(ben, '/supervision hours fix 5 1')).toContain('Corrected. Entry 5: 1 hour of group supervision on 2026-03-03.');
    const [entry] = await tb.bot.db.select().from(supervisionHours).where(eq(supervisionHours.sessionId, s!.id));
    expect([entry!.number, Number(entry!.hours)]).toEqual([5, 1]);
  });
});

describe('the CSV', () => {
  it('names each entry by the number the member sees, not its serial id', async () => {
    await tb.mem.command(ben, '/supervision hours export');
    const file = tb.mem.said.filter((s) => s.kind === 'file').at(-1)!;
    const csv = new TextDecoder().decode(file.kind === 'file' ? file.file.bytes : new Uint8Array());
    expect(csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)).toEqual([
      'date,kind,hours,note,entry',
      '2026-02-23,group,1,,1',
      '2026-03-01,individual,1,,2',
      '2026-03-02,group,1.5,,4',
      '2026-03-03,group,1,,5',
    ]);
  });
});

describe('two entries at once', () => {
  it('makes the second wait for the first one’s number (two replicas) instead of taking the same', async () => {
    const [m] = await tb.bot.db
      .select({ id: members.id, teamId: members.teamId })
      .from(members)
      .innerJoin(teams, eq(teams.id, members.teamId))
      .where(and(eq(members.externalId, ben.id), eq(teams.externalId, 'T1')));
    const other = await secondConnection(tb.database);
    let taken!: () => void;
    const firstHasNumber = new Promise<void>((ok) => (taken = ok));
    const entry = { hours: 1, kind: 'group' as const, date: '2026-03-03' };
    try {
      const first = tb.bot.db.transaction(async (tx) => {
        const e = await logHours(tx, tb.bot.secrets, m!.teamId, m!.id, entry, tb.clock.now());
        taken();
        // Not yet committed while the other replica logs.
        await new Promise((ok) => setTimeout(ok, 200));
        return e.number;
      });
      await firstHasNumber;
      const second = other.db.transaction(async (tx) => (await logHours(tx, tb.bot.secrets, m!.teamId, m!.id, entry, tb.clock.now())).number);
      expect(await Promise.all([first, second])).toEqual([6, 7]);
    } finally {
      if (other !== tb.database) await other.close();
    }
  });
});
