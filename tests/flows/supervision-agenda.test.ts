import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeam } from '../../src/core/teams.js';
import { UserError } from '../../src/core/errors.js';
import { supervisionHours, supervisionSessions, supervisionTopics } from '../../src/db/schema/index.js';
import { addTopic } from '../../src/features/supervision/agenda.js';
import { anonymousTopicsArrive } from '../helpers/anon-topics.js';
import { findInDatabase } from '../helpers/dbsearch.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => t.mem.privateTo(id).at(-1) ?? '';

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

/** Everything in the database, as text — to see that nothing changed after a refused command. */
async function snapshot(): Promise<string> {
  const [s, tp, h] = await Promise.all([
    t.bot.db.select().from(supervisionSessions),
    t.bot.db.select().from(supervisionTopics),
    t.bot.db.select().from(supervisionHours),
  ]);
  return JSON.stringify([s, tp, h]);
}

describe('the supervision agenda', () => {
  it('refuses a group topic while no session is planned, but keeps a private one', async () => {
    await t.mem.command(anna, '/supervision topic trudna superwizantka');
    expect(said(anna.id)).toContain('Nie ma jeszcze zaplanowanego spotkania');
    await t.mem.command(anna, '/supervision topic private granice z klientem');
    expect(said(anna.id)).toContain('tylko dla Ciebie');
  });

  it('collects named, anonymous and autocheck topics for the next session and shows them in the agenda', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision where: https://meet.example.org/x');
    expect(said(facilitator.id)).toContain('Zaplanowane spotkanie');
    await t.mem.command(anna, '/supervision topic klient, który odwołuje sesje');
    await t.mem.command(ben, '/supervision topic anon feeling stuck with a long-term client');
    expect(said(ben.id)).toContain('Mon, 9 Mar 2026, 18:00'); // in his language, in a Polish team
    await anonymousTopicsArrive(t);
    const team = await ensureTeam(t.bot.db, 'memory', 'T1');
    const fromCheck = await t.bot.db.transaction((tx) =>
      addTopic(tx, t.bot, { team, memberExternalId: anna.id, text: 'zmęczenie po trudnej sesji', visibility: 'named', source: 'autocheck', now: t.clock.now(), lang: 'pl' }),
    );
    expect(fromCheck.sessionLabel).toContain('9 marca 2026, 18:00');
    await t.mem.command(ben, '/supervision agenda');
    const msg = t.mem.said.at(-1)!;
    expect(msg.kind).toBe('private');
    const text = said(ben.id);
    expect(text).toContain('Agenda for Mon, 9 Mar 2026, 18:00');
    expect(text).toContain(`klient, który odwołuje sesje — ${anna.id}`);
    expect(text).toContain('feeling stuck with a long-term client — anonymous');
    expect(text).toContain(`zmęczenie po trudnej sesji — ${anna.id}`);
    expect(text).not.toContain('granice z klientem');
    // The named author is a mention span (rendered without a ping); the topic text is untrusted.
    const list = msg.kind === 'private' ? msg.message.blocks.find((b) => b.type === 'list') : undefined;
    expect(list && list.type === 'list' && list.items[0]).toEqual([{ text: 'klient, który odwołuje sesje', untrusted: true }, { text: ' — ' }, { text: anna.id, mention: anna.id }]);
  });

  it('puts the agenda in the 24-hour reminder', async () => {
    t.clock.set('2026-03-08T17:00:30Z');
    await t.bot.runDueWork();
    const post = t.mem.posts('supervision').at(-1)!;
    expect(post.text).toContain('Superwizja za 24 godziny');
    expect(post.text).toContain('feeling stuck with a long-term client — anonimowo');
  });

  it('keeps no trace of who wrote an anonymous topic', async () => {
    const team = await ensureTeam(t.bot.db, 'memory', 'T1');
    // A member who never used the bot otherwise: their id must appear nowhere at all.
    const ghost = 'U_GHOST_AUTHOR';
    await t.bot.db.transaction((tx) =>
      addTopic(tx, t.bot, { team, memberExternalId: ghost, text: 'something I cannot say aloud', visibility: 'anonymous', source: 'command', now: t.clock.now(), lang: 'pl' }),
    );
    expect(await findInDatabase(t.bot.db, ghost)).toEqual([]);
    expect(t.logs.join('\n')).not.toContain(ghost);
  });

  it('keeps two anonymous topics of one author unrelated, without source or time of day, yet both the author’s own', async () => {
    const team = await ensureTeam(t.bot.db, 'memory', 'T1');
    t.clock.set('2026-03-08T17:42:13Z');
    // As "take to supervision → anonymously" does it: in the same moment as the member's (named) check.
    for (const text of ['pierwszy temat bez podpisu', 'drugi temat bez podpisu']) {
      await t.bot.db.transaction((tx) => addTopic(tx, t.bot, { team, memberExternalId: anna.id, text, visibility: 'anonymous', source: 'autocheck', now: t.clock.now(), lang: 'pl' }));
    }
    await anonymousTopicsArrive(t);
    const rows = (await t.bot.db.select().from(supervisionTopics)).filter((r) => r.text?.endsWith('bez podpisu'));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.authorHmac).not.toBe(rows[1]!.authorHmac); // nothing says one person wrote both
    for (const r of rows) {
      expect(r.memberId).toBeNull();
      expect(r.source).toBeNull(); // "from an autocheck" + the day would point at who checked in that day
      expect(r.createdAt.toISOString()).toBe('2026-03-08T00:00:00.000Z'); // no exact time to match another row's
    }
    await t.mem.command(anna, '/supervision topics');
    expect(said(anna.id)).toContain('pierwszy temat bez podpisu');
    expect(said(anna.id)).toContain('drugi temat bez podpisu');
    await t.mem.command(ben, '/supervision topics');
    expect(said(ben.id)).not.toContain('bez podpisu');
    for (const r of rows) {
      await t.mem.command(anna, `/supervision topic remove ${r.number}`);
      expect(said(anna.id)).toContain(`temat ${r.number} zniknie z agendy za kilka minut`);
    }
    t.clock.advance(21 * 60_000);
    await t.bot.runDueWork();
    expect((await t.bot.db.select().from(supervisionTopics)).filter((r) => r.text?.endsWith('bez podpisu'))).toHaveLength(0);
  });

  it('lets only the author remove a topic, anonymous ones included', async () => {
    await t.mem.command(ben, '/supervision topics');
    const mine = said(ben.id);
    const id = /(\d+) \(anonymous\) feeling stuck/.exec(mine)![1]!;
    await t.mem.command(anna, `/supervision topic remove ${id}`);
    expect(said(anna.id)).toContain(`Nie ma Twojego tematu o numerze ${id}`);
    await t.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).toContain('feeling stuck');
    await t.mem.command(ben, `/supervision topic remove ${id}`);
    expect(said(ben.id)).toContain(`topic ${id} leaves the agenda in a few minutes`);
    t.clock.advance(21 * 60_000);
    await t.bot.runDueWork();
    await t.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).not.toContain('feeling stuck');
  });
});

describe('supervision hours', () => {
  it('logs hours and shows totals per kind and year with Polish plural forms', async () => {
    t.clock.set('2026-03-10T08:00:00Z');
    await t.mem.command(anna, '/supervision log 1 indywidualna 2025-12-01');
    expect(said(anna.id)).toContain('1 godzina');
    await t.mem.command(anna, '/supervision dziennik 1,5 grupowa 2026-03-02 =HYPERLINK(x) superwizja, trudna');
    expect(said(anna.id)).toContain('1,5 godziny');
    await t.mem.command(anna, '/supervision log 2 group');
    await t.mem.command(anna, '/supervision log 1');
    await t.mem.command(anna, '/supervision godziny');
    const text = said(anna.id);
    expect(text).toContain('Indywidualna: 2 godziny · Grupowa: 3,5 godziny · Razem: 5,5 godziny');
    expect(text).toContain('2026: indywidualna 1 godzina, grupowa 3,5 godziny');
    expect(text).toContain('2025: indywidualna 1 godzina, grupowa 0 godzin');
  });

  it('exports the hours as CSV that parses back and cannot run formulas, as a Polish Excel reads it', async () => {
    await t.mem.command(anna, '/supervision hours export');
    const file = t.mem.said.filter((s) => s.kind === 'file').at(-1)!;
    expect(file.kind === 'file' && file.file.name).toBe('supervision-hours.csv');
    const bytes = file.kind === 'file' ? file.file.bytes : new Uint8Array();
    // A UTF-8 byte order mark first, then ";" between cells and a decimal comma.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const rows = parseCsv(csv, ';');
    expect(rows[0]).toEqual(['data', 'rodzaj', 'godziny', 'notatka', 'wpis']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2025-12-01', 'indywidualna', '1'],
      ['2026-03-02', 'grupowa', '1,5'],
      ['2026-03-10', 'grupowa', '2'],
      ['2026-03-10', 'indywidualna', '1'],
    ]);
    expect(rows[2]![3]).toBe(`'=HYPERLINK(x) superwizja, trudna`);
    expect(csv).toContain(`"'=HYPERLINK(x) superwizja, trudna"`);
  });

  it('marks a session held for everyone who was coming, and each can correct their own entry', async () => {
    const [s] = await t.bot.db.select().from(supervisionSessions);
    t.clock.set('2026-03-09T10:00:00Z');
    await t.mem.click(ben, 'supervision.rsvp', `${s!.id}:coming`);
    await t.mem.click(anna, 'supervision.rsvp', `${s!.id}:not`);
    t.clock.set('2026-03-09T16:00:00Z');
    await t.mem.click(facilitator, 'supervision.rsvp', `${s!.id}:coming`);
    t.clock.set('2026-03-09T19:00:00Z');
    await t.mem.command(facilitator, '/supervision held 2026-03-09');
    expect(said(facilitator.id)).toContain('Zapisane: 1,5 godziny superwizji grupowej dla 2 osób');
    await t.mem.command(facilitator, `/supervision held ${s!.number}`);
    expect(said(facilitator.id)).toContain('dla 0 osób');
    await t.mem.command(ben, '/supervision hours');
    expect(said(ben.id)).toContain('Group: 1.5 hours');
    // Numbers are per member: it is entry 1 of each, and a fix reaches only the entry of whoever typed it.
    const entries = await t.bot.db.select().from(supervisionHours).where((await import('drizzle-orm')).eq(supervisionHours.sessionId, s!.id));
    expect(entries.map((e) => e.number)).toEqual([1, 1]);
    await t.mem.command(facilitator, '/supervision hours fix 1 1');
    expect(said(facilitator.id)).toContain('Wpis 1: 1 godzina, superwizja grupowa, 2026-03-09');
    await t.mem.command(ben, '/supervision hours');
    expect(said(ben.id)).toContain('Group: 1.5 hours');
  });
});

describe('the supervision calendar', () => {
  it('gives an .ics file whose sessions parse back at the right instants, and a private feed link', async () => {
    t.clock.set('2026-03-10T08:00:00Z');
    await t.mem.command(facilitator, '/supervision schedule #supervision monday 18:00 every 2 weeks tz:Europe/Warsaw');
    t.bot.publicUrl = 'https://bot.example.org/';
    await t.mem.command(anna, '/supervision kalendarz');
    const file = t.mem.said.filter((s) => s.kind === 'file').at(-1)!;
    // The file comes by DM with a line saying what it is, and the answer says where it went.
    expect(file.kind === 'file' && file.text).toBe('Nadchodzące spotkania superwizyjne jako plik kalendarza: otwórz go, żeby dodać je do swojego kalendarza.');
    expect(said(anna.id)).toContain('Plik kalendarza jest już w Twoich wiadomościach prywatnych.');
    const text = new TextDecoder().decode(file.kind === 'file' ? file.file.bytes : new Uint8Array());
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const starts = events.map((e) => e.startDate.toJSDate().toISOString());
    expect(starts).toContain('2026-03-09T17:00:00.000Z'); // the one-off, before the change: 18:00 CET
    expect(starts).toContain('2026-03-16T17:00:00.000Z'); // every two weeks from the next Monday
    expect(starts).not.toContain('2026-03-23T17:00:00.000Z');
    expect(starts).toContain('2026-03-30T16:00:00.000Z'); // after the change: 18:00 CEST
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20260330T180000');
    const link = /https:\/\/bot\.example\.org\/calendar\/([0-9a-f]{64})\.ics/.exec(said(anna.id));
    expect(link).not.toBeNull();
    const { calendarRoute } = await import('../../commands/supervision/index.js');
    const feed = await serve(calendarRoute(t.bot), `/calendar/${link![1]}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.body).toContain('DTSTART;TZID=Europe/Warsaw:20260330T180000');
    expect((await serve(calendarRoute(t.bot), `/calendar/${'0'.repeat(64)}.ics`)).status).toBe(404);
  });
});

describe('bad input changes nothing and says what to type', () => {
  const cases: [string, string, typeof facilitator | typeof anna, RegExp][] = [
    ['a date in the past', '/supervision add 2026-03-01 18:00 #supervision', facilitator, /przeszłość.*\/supervision dodaj 2026-03-17 18:00/],
    ['24:30', '/supervision add 2026-04-01 24:30 #supervision', facilitator, /24:30.*09:00/],
    ['24:30 in a series', '/supervision schedule #supervision monday 24:30', facilitator, /24:30.*09:00/],
    ['an offset like "yesterday"', '/supervision remind yesterday', facilitator, /yesterday.*48h/],
    ['negative hours', '/supervision log -2', anna, /-2.*\/supervision dziennik 1,5/],
    ['absurd hours', '/supervision log 25 group', anna, /25.*najwyżej 24/],
    ['zero hours', '/supervision log 0', anna, /co najmniej 0,01/],
    ['hours in the future', '/supervision log 1 group 2027-01-01', anna, /2027-01-01 jest jeszcze przed nami/],
    ['an unknown session id', '/supervision cancel 999', facilitator, /Nie znajduję spotkania „999”.*\/supervision odwołaj 2026-03-17/],
    ['an unknown session date', '/supervision held 2026-01-05', facilitator, /Nie znajduję spotkania „2026-01-05”.*\/supervision odbyła się 2026-03-10/],
    ['an unknown series', '/supervision cancel S999', facilitator, /Nie ma aktywnego cyklu S999/],
    ['a weekday that is not one', '/supervision schedule #supervision someday 18:00', facilitator, /someday/],
    ['a member planning', '/supervision add 2026-04-01 18:00', anna, /prowadząc|facilitat/i],
  ];
  for (const [name, line, who, expected] of cases) {
    it(`refuses ${name}`, async () => {
      t.clock.set('2026-03-10T08:00:00Z');
      const before = await snapshot();
      await t.mem.command(who, line);
      expect(said(who.id).replace(/\n/g, ' ')).toMatch(expected);
      expect(await snapshot()).toBe(before);
    });
  }

  it('addTopic throws supervision.noSession for a group topic in a team without sessions', async () => {
    const other = await ensureTeam(t.bot.db, 'memory', 'T_EMPTY');
    await expect(
      addTopic(t.bot.db, t.bot, { team: other, memberExternalId: 'U1', text: 'x', visibility: 'named', source: 'autocheck', now: t.clock.now(), lang: 'pl' }),
    ).rejects.toEqual(new UserError('supervision.noSession'));
  });
});

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

async function serve(listener: (req: never, res: never) => unknown, url: string): Promise<{ status: number; body: string }> {
  let status = 0;
  let body = '';
  const res = { writeHead: (s: number) => void (status = s), end: (b?: string) => void (body = b ?? '') };
  await listener({ url, method: 'GET' } as never, res as never);
  return { status, body };
}
