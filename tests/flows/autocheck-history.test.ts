import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { messageToPlain } from '../../src/core/message.js';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import { allianceFlags } from '../../src/features/autocheck/flags.js';
import type { Answers } from '../../src/features/autocheck/forms.js';
import { saveAutocheck } from '../../src/features/autocheck/store.js';
import { DAY } from '../../src/schedule/clock.js';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;

const ask = (member: { id: string; locale?: string }, line: string) => tb.mem.ask(member, line);

/** Eight weeks of daily checks: curiosity grows 1→4, flexibility stays 2, the alliance slips 5→4. */
function seeded(day: number): Answers {
  const week = Math.floor(day / 7);
  return { curiosity: Math.min(4, Math.floor(week / 2) + 1), flexibility: 2, judging: 'no', alliance: week < 4 ? 5 : 4 };
}

beforeAll(async () => {
  tb = await makeBot({ start: '2026-01-05T18:00:00Z' });
  const team = await ensureTeam(tb.bot.db, 'memory', tb.mem.team);
  const member = await ensureMember(tb.bot.db, team.id, anna.id);
  for (let day = 0; day < 56; day++) {
    await saveAutocheck(tb.bot.db, tb.bot.secrets, { teamId: team.id, memberId: member.id, variant: 'standard', answers: seeded(day), now: tb.clock.now() });
    tb.clock.advance(DAY);
  }
  // Fifty-six sealed inserts on a fresh database: generous, because CI machines are sometimes busy.
}, 120_000);
afterAll(() => tb.close());

describe('/autocheck history and trend on eight weeks of checks', () => {
  it('shows the last ten checks by default, newest first, in the member’s local time', async () => {
    const reply = await ask(anna, '/autocheck history');
    expect(reply).toContain('Twoich ostatnich 10 autochecków');
    const lines = reply.split('\n').filter((l) => l.startsWith('•'));
    expect(lines).toHaveLength(10);
    // The newest check was 2026-03-01 18:00 UTC, 19:00 in Warsaw.
    expect(lines[0]).toMatch(/1 marca 2026, 19:00 — Ciekawość 4 · Elastyczność 2 · Ocenianie: nie · Sojusz 4/);
    expect(lines[9]).toContain('20 lutego 2026');
  });

  it('shows as many checks as asked, in the member’s own time zone', async () => {
    await tb.mem.command(anna, '/sojusz timezone America/New_York');
    await tb.mem.command(anna, '/autocheck history last 3');
    const lines = tb.mem.lastPrivate(anna.id)!.split('\n').filter((l) => l.startsWith('•'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('1 marca 2026, 13:00');
    await tb.mem.command(anna, '/sojusz timezone Europe/Warsaw');
  });

  it('answers a count out of range with usage and an example, and nothing else', async () => {
    await tb.mem.command(anna, '/autocheck history last 51');
    const reply = tb.mem.lastPrivate(anna.id)!;
    expect(reply).toContain('/autocheck historia [<ile>]');
    expect(reply).toContain('/autocheck historia 20');
    await tb.mem.command(anna, '/autocheck history last 0');
    expect(tb.mem.lastPrivate(anna.id)).toContain('/autocheck historia [<ile>]');
  });

  it('takes the number of checks as it comes naturally: “historia 20” as well as “historia ostatnie 20”, never “0x10”', async () => {
    await tb.mem.command(anna, '/autocheck historia 2');
    const two = tb.mem.lastPrivate(anna.id)!;
    await tb.mem.command(anna, '/autocheck historia ostatnie 2');
    expect(tb.mem.lastPrivate(anna.id)).toBe(two);
    await tb.mem.command(anna, '/autocheck historia 0x10');
    expect(tb.mem.lastPrivate(anna.id)).toContain('„0x10” się nie nadaje');
  });

  it('draws a weekly sparkline per item with its direction', async () => {
    await tb.mem.command(anna, '/autocheck trend');
    const reply = tb.mem.lastPrivate(anna.id)!;
    expect(reply).toContain('Ostatnie 8 tygodni · 56 autochecków');
    expect(reply).toContain('Ciekawość ▃▃▅▅▆▆██ rośnie');
    expect(reply).toContain('Elastyczność ▅▅▅▅▅▅▅▅ bez zmian');
    expect(reply).toContain('Sojusz ████▆▆▆▆ spada');
    expect(reply).not.toContain('Więź');
  });

  it('sends the trend as a real PNG chart to the member’s direct messages', async () => {
    const before = tb.mem.said.filter((s) => s.kind === 'file').length;
    await tb.mem.command(anna, '/autocheck trend weeks 4');
    const files = tb.mem.said.filter((s): s is Extract<typeof s, { kind: 'file' }> => s.kind === 'file');
    expect(files).toHaveLength(before + 1);
    const chart = files.at(-1)!;
    expect(chart.member).toBe(anna.id);
    expect(chart.file.mime).toBe('image/png');
    expect(Buffer.from(chart.file.bytes.subarray(0, 8)).toString('hex').toUpperCase()).toBe('89504E470D0A1A0A');
    expect(chart.file.bytes.length).toBeGreaterThan(1024);
    const reply = tb.mem.lastPrivate(anna.id)!;
    expect(reply).toContain('Ostatnie 4 tygodnie · 28 autochecków');
    expect(reply).toContain('Wykres przyjdzie w wiadomości prywatnej');
    expect(tb.mem.posts()).toHaveLength(0);
  });

  it('still shows the text trend when the chart cannot reach the member’s DMs, and says why', async () => {
    const upload = tb.mem.upload;
    tb.mem.upload = async () => {
      // What the Discord adapter throws when the member does not accept DMs from the server.
      throw new UserError('discord.dmsClosed');
    };
    try {
      const reply = await ask(anna, '/autocheck trend');
      expect(reply).toContain('Ciekawość ▃▃▅▅▆▆██ rośnie');
      expect(reply).toContain('Nie udało się wysłać wykresu w wiadomości prywatnej');
      expect(reply).toContain('wiadomości prywatnych od członków tego serwera');
    } finally {
      tb.mem.upload = upload;
    }
  });

  it('says that for judging lower is better', async () => {
    expect(await ask(anna, '/autocheck trend')).toMatch(/Ocenianie \S+ bez zmian \(im niżej, tym lepiej\)/);
  });

  it('says the chart is not available where files cannot be sent, and still shows the text trend', async () => {
    const caps = tb.mem.capabilities as { files: boolean };
    caps.files = false;
    try {
      const before = tb.mem.said.filter((s) => s.kind === 'file').length;
      await tb.mem.command(anna, '/autocheck trend');
      expect(tb.mem.said.filter((s) => s.kind === 'file')).toHaveLength(before);
      const reply = tb.mem.lastPrivate(anna.id)!;
      expect(reply).toContain('Ciekawość ▃▃▅▅▆▆██');
      expect(reply).toContain('nie da się pokazać wykresu');
    } finally {
      caps.files = true;
    }
  });

  it('shows the trend in the member’s home view', async () => {
    const home = messageToPlain(await tb.bot.home(tb.mem.inv(anna)));
    expect(home).toContain('Twoje autochecki');
    expect(home).toContain('Ciekawość ▃▃▅▅▆▆██ rośnie');
  });

  it('flags an alliance a point below the member’s own recent average, and not a steady one', async () => {
    await tb.mem.command(anna, '/autocheck');
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4' });
    expect(tb.mem.lastPrivate(anna.id)).not.toMatch(/nadwyrężony|Warto się temu przyjrzeć/);
    await tb.mem.command(anna, '/autocheck');
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '3' });
    const reply = tb.mem.lastPrivate(anna.id)!;
    // A dip against one's own average invites a look; it is no verdict on the alliance.
    expect(reply).toContain('Warto się temu przyjrzeć');
    expect(reply).not.toContain('nadwyrężony');
    expect(reply).toContain('Sojusz: 3 na 5 — poniżej Twojej średniej z najwyżej pięciu ostatnich ocen (4).');
    expect(reply).toContain('/guide naprawa');
  });

  it('does not call a first check a drop, for lack of an average', async () => {
    await tb.mem.command(ben, '/autocheck');
    await tb.mem.fill(ben, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '3' });
    expect(tb.mem.lastPrivate(ben.id)).not.toMatch(/strained|closer look/);
    await tb.mem.command(ben, '/autocheck history');
    expect(tb.mem.lastPrivate(ben.id)).toContain('Your last check');
    // One week of checks has no direction yet: not "steady".
    await tb.mem.command(ben, '/autocheck trend');
    const trend = tb.mem.privateTo(ben.id).find((m) => m.includes('1 check'))!;
    expect(trend).toMatch(/Curiosity \S+ too early to tell/);
    expect(trend).toMatch(/Sounded judging \S+ too early to tell \(lower is better\)/);
    expect(trend).not.toContain('steady');
  });

  it('tells a member with no checks how to start', async () => {
    expect(await ask({ id: 'U_NEW', locale: 'en-GB' }, '/autocheck trend')).toContain('No checks in this period yet');
    await tb.mem.command({ id: 'U_NEW', locale: 'en-GB' }, '/autocheck history');
    expect(tb.mem.lastPrivate('U_NEW')).toContain('No checks yet');
  });
});

describe('alliance flags', () => {
  const base: Answers = { curiosity: 3, flexibility: 3, judging: 'no' };
  it('calls any of goal, task or bond at 2 of 5 or below low', () => {
    expect(allianceFlags({ ...base, goal: 4, task: 2, bond: 1 }, [])).toEqual([
      { kind: 'low', item: 'task', value: 2 },
      { kind: 'low', item: 'bond', value: 1 },
    ]);
    expect(allianceFlags({ ...base, goal: 3, task: 3, bond: 3 }, [])).toEqual([]);
  });
  it('flags a drop of one point below the average of the last five checks, but not half a point', () => {
    const history = [5, 5, 4, 5, 5, 1, 1].map((bond): Answers => ({ ...base, goal: 4, task: 4, bond }));
    expect(allianceFlags({ ...base, goal: 4, task: 4, bond: 3 }, history)).toEqual([{ kind: 'drop', item: 'bond', value: 3, average: 4.8 }]);
    expect(allianceFlags({ ...base, goal: 4, task: 4, bond: 4 }, history)).toEqual([]);
  });
  it('asks nothing of a quick check, which has no alliance items', () => {
    expect(allianceFlags(base, [{ ...base, alliance: 5 }, { ...base, alliance: 5 }])).toEqual([]);
  });
});
