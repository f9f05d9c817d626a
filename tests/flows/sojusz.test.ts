import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
});
afterAll(() => tb.close());

describe('/sojusz', () => {
  it('lists every command in the member’s language', async () => {
    await tb.mem.command(anna, '/sojusz help');
    const help = tb.mem.privateTo(anna.id).find((t) => t.includes('w czym mogę pomóc'));
    expect(help).toBeDefined();
    for (const c of tb.bot.registry.commands) expect(help).toContain(`/${c.name}`);
    await tb.mem.command(ben, '/sojusz help');
    expect(tb.mem.privateTo(ben.id).some((t) => t.includes('what I can do'))).toBe(true);
  });

  it('shows /sojusz pomoc once in the Polish help of /sojusz, and the bare command as /sojusz', async () => {
    const reply = await tb.mem.ask(anna, '/sojusz pomoc sojusz');
    const lines = reply.split('\n').filter((l) => l.startsWith('• '));
    expect(lines.filter((l) => l.startsWith('• /sojusz pomoc'))).toEqual(['• /sojusz pomoc [<komenda>] — Wszystkie komendy, po jednej linijce']);
    expect(lines).toContain('• /sojusz — Wszystkie komendy, po jednej linijce');
  });

  it('shows the privacy note on a member’s first command only', async () => {
    const first = tb.mem.privateTo(anna.id).filter((t) => t.includes('Kilka słów o Twoich danych'));
    expect(first).toHaveLength(1);
    await tb.mem.command(anna, '/sojusz help');
    expect(tb.mem.privateTo(anna.id).filter((t) => t.includes('Kilka słów o Twoich danych'))).toHaveLength(1);
  });

  it('switches a member to English and answers in English from then on', async () => {
    await tb.mem.command(anna, '/sojusz language en');
    expect(tb.mem.lastPrivate(anna.id)).toContain('speak English');
    await tb.mem.command(anna, '/sojusz timezone Mars/Olympus');
    expect(tb.mem.lastPrivate(anna.id)).toMatch(/not a time zone I know.*Europe\/Warsaw/s);
  });

  it('keeps a time zone typed in lower case as the zone database spells it', async () => {
    await tb.mem.command(ben, '/sojusz timezone america/new_york');
    expect(tb.mem.lastPrivate(ben.id)).toContain('America/New_York');
  });

  it('answers an unknown subcommand with what exists, never silence', async () => {
    await tb.mem.command(ben, '/sojusz frobnicate');
    expect(tb.mem.lastPrivate(ben.id)).toMatch(/has no “frobnicate”.*help/s);
  });

  it('answers the first word of a group with that group’s subcommands only, in either language', async () => {
    await tb.mem.command(ben, '/sojusz mydata');
    expect(tb.mem.lastPrivate(ben.id)).toBe('/sojusz mydata — and then what? One of: /sojusz mydata export, /sojusz mydata delete.');
    await tb.mem.command(anna, '/sojusz dane'); // the Polish name of the group
    expect(tb.mem.lastPrivate(anna.id)).toMatch(/^\/sojusz dane — .*: \/sojusz mydata export, \/sojusz mydata delete\.$/);
  });

  it('names the subcommands in Polish for a Polish member, and answers a bare command with its choices', async () => {
    const zofia = { id: 'U_ZOFIA', locale: 'pl-PL' };
    await tb.mem.command(zofia, '/reflect święto');
    expect(tb.mem.lastPrivate(zofia.id)).toBe('/reflect święto — dopisz jeszcze, co zrobić: /reflect wolne dodaj, /reflect wolne usuń.');
    await tb.mem.command(zofia, '/reflect');
    const bare = tb.mem.lastPrivate(zofia.id)!;
    // A member is offered what a member can do; planning is for facilitators.
    expect(bare).toMatch(/^\/reflect — co zrobić\? Do wyboru: \/reflect lista, /);
    expect(bare).not.toContain('zaplanuj');
    expect(bare).toContain('/sojusz pomoc reflect');
    expect(bare).not.toContain('„”');
  });

  it('answers a bad argument with usage and an example', async () => {
    await tb.mem.command(ben, '/sojusz language de');
    const last = tb.mem.lastPrivate(ben.id)!;
    expect(last).toContain('“de” isn’t one of the choices');
    expect(last).toContain('Choose: pl | en');
    expect(last).toContain('/sojusz language <pl|en>');
    expect(last).toContain('/sojusz language en');
  });

  it('lets only facilitators change the team’s time zone', async () => {
    await tb.mem.command(ben, '/sojusz team timezone Europe/London');
    expect(tb.mem.lastPrivate(ben.id)).toContain('Only facilitators');
    await tb.mem.command(facilitator, '/sojusz team timezone Europe/London');
    expect(tb.mem.privateTo(facilitator.id).join('\n')).toContain('Europe/London');
  });

  it('sets a member’s own time zone and says the local time there', async () => {
    tb.clock.set('2026-07-01T10:00:00Z');
    await tb.mem.command(ben, '/sojusz timezone America/New_York');
    expect(tb.mem.lastPrivate(ben.id)).toContain('06:00');
  });
});

describe('a team that speaks Polish', () => {
  let pl: TestBot;
  beforeAll(async () => {
    pl = await makeBot({ team: 'T_PL' });
  });
  afterAll(() => pl.close());

  it('tells a member whose platform speaks English, in English, how to switch when the team speaks Polish', async () => {
    await pl.mem.command(facilitator, '/sojusz team language pl');
    const emily = { id: 'U_EMILY_FIRST', locale: 'en-GB' };
    await pl.mem.command(emily, '/sojusz help');
    const note = pl.mem.privateTo(emily.id).find((t) => t.includes('Kilka słów o Twoich danych'));
    expect(note).toContain('Prefer English? Type /sojusz language en and I’ll answer you in English.');
    // A Polish member of the same team is not told anything of the kind.
    const ola = { id: 'U_OLA_FIRST', locale: 'pl-PL' };
    await pl.mem.command(ola, '/sojusz help');
    expect(pl.mem.privateTo(ola.id).join('\n')).not.toMatch(/Prefer English|Wolisz po polsku/);
  });
});
