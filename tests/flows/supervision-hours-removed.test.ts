// A removed hours entry stays removed: `held` said again does not bring it back, its number is never given to another
// entry (members quote numbers in their certification papers), and it is in no list, total, CSV or export of hours —
// yet a member's erasure deletes it like the rest of their data.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember, Said } from '../../adapters/memory/index.js';
import type { Button } from '../../src/core/message.js';
import type { MessageRef } from '../../src/core/port.js';
import { members, supervisionHours, supervisionSessions, teams } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const cara: MemoryMember = { id: 'U_CARA_R', name: 'Cara', locale: 'en-GB' };
type Private = Extract<Said, { kind: 'private' }>;

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, cara]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const ask = (who: MemoryMember, line: string) => tb.mem.ask(who, line);
/** The `• N · …` lines of the member's `/supervision hours`. */
const listed = async (who: MemoryMember) => (await ask(who, '/supervision hours')).split('\n').filter((l) => /^• \d+ · /.test(l));

let questions = 0;
/** `/supervision hours remove N`, answered "Remove": what the member was told. */
async function removeEntry(who: MemoryMember, line: string): Promise<string> {
  await tb.mem.command(who, line);
  const q = [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === who.id)!;
  const yes = q.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b: Button) => b.style === 'danger')!;
  const ref: MessageRef = { team: 'T1', channel: 'general', id: `question-${++questions}` };
  const before = tb.mem.privateTo(who.id).length;
  await tb.mem.click(who, yes.action, yes.value, ref);
  return tb.mem.privateTo(who.id).slice(before).join('\n');
}

/** The file the member was sent last: the CSV as lines, or the JSON export parsed. */
const lastFile = (who: MemoryMember): string => tb.mem.lastFileText(who.id);
const csvLines = async (who: MemoryMember) => {
  await tb.mem.command(who, '/supervision hours export');
  return lastFile(who).split('\r\n').filter(Boolean);
};

async function memberId(who: MemoryMember): Promise<number> {
  const [m] = await tb.bot.db
    .select({ id: members.id })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .where(and(eq(members.externalId, who.id), eq(teams.externalId, 'T1')));
  return m!.id;
}

describe('a session said held again', () => {
  it('does not log again an entry its member removed, nor count it in the list, the totals, the CSV or the team export', async () => {
    expect(await ask(ben, '/supervision log 2 individual 2026-02-27')).toContain('(entry 1)');
    await tb.mem.command(facilitator, '/supervision add 2026-03-03 18:00 #supervision');
    const [s] = await tb.bot.db.select().from(supervisionSessions);
    for (const m of [anna, ben]) await tb.mem.click(m, 'supervision.rsvp', `${s!.id}:coming`);
    tb.clock.set('2026-03-03T19:00:00Z');
    expect(await ask(facilitator, '/supervision held 2026-03-03')).toContain('Zapisane: 1,5 godziny superwizji grupowej dla 2 osób');
    expect(await listed(ben)).toEqual(['• 2 · 2026-03-03 · group · 1.5 hours', '• 1 · 2026-02-27 · individual · 2 hours']);

    expect(await removeEntry(ben, '/supervision hours remove 2')).toContain('Removed entry 2: 1.5 hours of group supervision on 2026-03-03.');
    // Said again (by mistake, or after re-planning): Ben's decision stands, Anna keeps hers, nothing is doubled.
    expect(await ask(facilitator, '/supervision held 2026-03-03')).toContain('dla 0 osób');

    expect(await listed(ben)).toEqual(['• 1 · 2026-02-27 · individual · 2 hours']);
    expect(await ask(ben, '/supervision hours')).toContain('Individual: 2 hours · Group: 0 hours · Together: 2 hours');
    expect(await csvLines(ben)).toEqual(['date,kind,hours,note,entry', '2026-02-27,individual,2,,1']);
    expect(await listed(anna)).toEqual(['• 1 · 2026-03-03 · grupowa · 1,5 godziny']);

    await tb.mem.command(facilitator, '/sojusz team export');
    const log = (JSON.parse(lastFile(facilitator)) as { supervision: { hoursLog: { member: string; date: string }[] } }).supervision.hoursLog;
    expect(log.map((h) => [h.member, h.date]).sort()).toEqual([
      [anna.id, '2026-03-03'],
      [ben.id, '2026-02-27'],
    ]);
  });
});

describe('a removed entry’s number', () => {
  it('is never given to another entry, even when it was the highest', async () => {
    expect(await ask(cara, '/supervision log 1 group 2026-02-23')).toContain('(entry 1)');
    expect(await ask(cara, '/supervision log 1.5 individual 2026-02-25 rupture after the holiday')).toContain('(entry 2)');
    expect(await removeEntry(cara, '/supervision hours remove 2')).toContain('Removed entry 2');
    expect(await ask(cara, '/supervision log 2 group 2026-03-01')).toContain('Logged 2 hours of group supervision on 2026-03-01 (entry 3).');
    expect(await listed(cara)).toEqual(['• 3 · 2026-03-01 · group · 2 hours', '• 1 · 2026-02-23 · group · 1 hour']);
    // The number the member may still have on paper says what became of it, whatever they try with it.
    const removed = 'Entry 2 was removed, so it no longer counts in your hours; no other entry will get its number.';
    expect(await ask(cara, '/supervision hours fix 2 1')).toContain(removed);
    expect(await ask(cara, '/supervision hours fix 2')).toContain(removed);
    expect(await ask(cara, '/supervision hours remove 2')).toContain(removed);
    expect(await listed(cara)).toEqual(['• 3 · 2026-03-01 · group · 2 hours', '• 1 · 2026-02-23 · group · 1 hour']);
    // What is kept of it holds no note: the member's words went with their decision.
    const kept = await tb.bot.db.select().from(supervisionHours).where(and(eq(supervisionHours.memberId, await memberId(cara)), eq(supervisionHours.number, 2)));
    expect(kept.map((r) => [r.note, r.noteSealed])).toEqual([[null, null]]);
  });

  it('is said in Polish too', async () => {
    expect(await ask(anna, '/supervision dziennik 1 indywidualna 2026-03-02')).toContain('(wpis 2)');
    expect(await removeEntry(anna, '/supervision godziny usuń 2')).toContain('Wpis 2 usunięty: 1 godzina, superwizja indywidualna, 2026-03-02.');
    expect(await ask(anna, '/supervision dziennik 1 indywidualna')).toContain('(wpis 3)');
    expect(await ask(anna, '/supervision godziny popraw 2 2')).toContain('Wpis 2 został usunięty i nie wlicza się już do Twoich godzin; tego numeru nie dostanie żaden inny wpis.');
  });
});

describe('a member’s own data', () => {
  it('exports removed entries apart from the hours, and the erasure deletes them too', async () => {
    await tb.mem.command(ben, '/sojusz mydata export');
    const data = JSON.parse(lastFile(ben)) as { supervision: { hours: { date: string }[]; removedHours: { entry: number; date: string; removedAt: string }[] } };
    expect(data.supervision.hours.map((h) => h.date)).toEqual(['2026-02-27']);
    expect(data.supervision.removedHours).toEqual([{ entry: 2, date: '2026-03-03', hours: '1.50', kind: 'group', removedAt: expect.any(String) }]);

    const id = await memberId(ben);
    await tb.mem.command(ben, '/sojusz mydata delete');
    await tb.mem.click(ben, 'privacy.delete', 'unlink');
    expect(await tb.bot.db.select().from(supervisionHours).where(eq(supervisionHours.memberId, id))).toEqual([]);
  });
});
