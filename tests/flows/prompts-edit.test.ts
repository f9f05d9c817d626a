// Changing a prompt schedule in place (/reflect edit, zmień), the catch-up report after downtime, and the zones and
// personal prompt that /reflect list shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
});
afterAll(() => tb.close());

async function at(iso: string) {
  tb.clock.set(iso);
  await tb.bot.runDueWork();
}
const scheduleId = (answer: string) => Number(/#(\d+)/.exec(answer)![1]);
const starters = (channel: string) => tb.mem.posts(channel).filter((p) => !p.place.thread);

describe('after a long downtime', () => {
  it('tells the facilitator once, naming every missed date, not once per missed week', async () => {
    tb.clock.set('2026-03-02T07:00:00Z');
    await tb.mem.ask(facilitator, '/reflect schedule #down monday 09:00');
    await at('2026-03-02T08:00:30Z');
    expect(starters('down')).toHaveLength(1);
    // Down from 2 March until 1 April.
    await at('2026-04-01T10:00:00Z');
    await at('2026-04-01T10:01:00Z');
    const told = tb.mem.dms(facilitator.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('Gdy bot nie działał, na #down nie ukazały się 4 pytania: pon. 9 marca, pon. 16 marca, pon. 23 marca, pon. 30 marca.');
    expect(told[0]!.text).toContain('Następne: pon., 6 kwietnia 2026, 09:00.');
    expect(starters('down')).toHaveLength(1);
  });
});

describe('/reflect edit', () => {
  let id: number;

  it('moves a schedule to another day without a second prompt in a week that had one', async () => {
    tb.mem.clear();
    tb.clock.set('2026-04-27T06:00:00Z');
    id = scheduleId(await tb.mem.ask(facilitator, '/reflect schedule #cases monday 09:00'));
    await at('2026-04-27T07:00:30Z');
    expect(starters('cases')).toHaveLength(1);
    const answer = await tb.mem.ask(facilitator, `/reflect zmień ${id} piątek 09:00`);
    expect(answer).toContain(`Zmienione #${id}: pytanie na #cases co tydzień (piątek, 09:00)`);
    expect(answer).toContain('Następne: pt., 8 maja 2026, 09:00');
    expect(answer).toContain('od następnego terminu podanego wyżej');
    await at('2026-05-01T07:00:30Z');
    expect(starters('cases')).toHaveLength(1);
    await at('2026-05-08T07:00:30Z');
    expect(starters('cases')).toHaveLength(2);
  });

  it('changes only what it is given: the hour, the themes, the channel', async () => {
    // Known to the bot (a first command) before they can be added.
    await tb.mem.command(ben, '/sojusz help');
    await tb.mem.command(facilitator, `/sojusz team facilitator add <@${ben.id}>`);
    expect(await tb.mem.ask(ben, `/reflect edit ${id} 10:30`)).toContain('every Friday at 10:30');
    const themed = await tb.mem.ask(ben, `/reflect edit ${id} bond repair`);
    expect(themed).toContain('every Friday at 10:30, themes: Bond, Repair');
    expect(await tb.mem.ask(ben, `/reflect edit ${id} channel #circle`)).toContain('a prompt in #circle every Friday at 10:30');
    expect(await tb.mem.ask(ben, '/reflect list')).toContain(`#${id} · #circle · every Friday at 10:30 · Bond, Repair`);
  });

  it('keeps a paused schedule paused, and says so', async () => {
    await tb.mem.ask(facilitator, `/reflect pauza ${id}`);
    expect(await tb.mem.ask(facilitator, `/reflect zmień ${id} wtorek 09:00`)).toContain('nadal jest wstrzymany');
  });

  it('answers a change of nothing, an unknown schedule and a member alike with what to type', async () => {
    expect(await tb.mem.ask(facilitator, `/reflect zmień ${id}`)).toContain(`/reflect zmień ${id} poniedziałek 09:00`);
    expect(await tb.mem.ask(facilitator, '/reflect zmień 99 piątek 09:00')).toContain('nie ma harmonogramu pytań #99');
    expect(await tb.mem.ask(facilitator, `/reflect zmień ${id} piątek 25:00`)).toContain('25:00');
    expect(await tb.mem.ask(anna, `/reflect zmień ${id} piątek 09:00`)).toMatch(/prowadząc/);
    expect(await tb.mem.ask(facilitator, '/sojusz pomoc reflect')).toContain('Zmień harmonogram pytań');
  });
});

describe('/reflect list', () => {
  it('names a schedule’s zone where it is not the team’s, also when resumed or skipped', async () => {
    const ny = scheduleId(await tb.mem.ask(facilitator, '/reflect schedule #ny friday 09:00 tz:America/New_York'));
    const list = await tb.mem.ask(anna, '/reflect lista');
    expect(list).toContain(`#${ny} · #ny · co tydzień (piątek, 09:00) (America/New_York)`);
    expect(list).toMatch(/#down · co tydzień \(poniedziałek, 09:00\) · wszystkie/);
    await tb.mem.ask(facilitator, `/reflect pauza ${ny}`);
    expect(await tb.mem.ask(facilitator, `/reflect wznów ${ny}`)).toContain('Następne pytanie: pt., 8 maja 2026, 09:00 (America/New_York).');
    expect(await tb.mem.ask(facilitator, `/reflect pomiń ${ny} 2026-05-08`)).toContain('Następne: pt., 15 maja 2026, 09:00 (America/New_York).');
  });

  it('shows the member who asks their own personal prompt, privately, and nobody else', async () => {
    await tb.mem.command(anna, '/reflect ja piątek 08:30');
    tb.mem.clear();
    expect(await tb.mem.ask(anna, '/reflect lista')).toContain('Twoje osobiste pytanie: co tydzień (piątek, 08:30), następne: pt., 15 maja 2026, 08:30.');
    expect(await tb.mem.ask(ben, '/reflect list')).not.toContain('personal prompt');
    expect(tb.mem.said.filter((s) => s.kind !== 'private')).toEqual([]);
  });
});

describe('/reflect edit of a fortnightly schedule', () => {
  it('keeps a fortnightly schedule on its weeks when its day moves earlier in the week', async () => {
    tb.clock.set('2026-03-02T07:00:00Z');
    const fortnight = scheduleId(await tb.mem.ask(facilitator, '/reflect schedule #fortnight friday 09:00 every 2 weeks'));
    await at('2026-03-06T08:00:30Z');
    expect(starters('fortnight')).toHaveLength(1);
    // Saturday after the prompt: Friday becomes Monday. The same fortnights: 16 and 30 March, not 9 March.
    tb.clock.set('2026-03-07T10:00:00Z');
    await tb.mem.ask(facilitator, `/reflect edit ${fortnight} monday 09:00`);
    await at('2026-03-09T08:00:30Z');
    expect(starters('fortnight')).toHaveLength(1);
    await at('2026-03-16T08:00:30Z');
    expect(starters('fortnight')).toHaveLength(2);
    await at('2026-03-23T08:00:30Z');
    expect(starters('fortnight')).toHaveLength(2);
    await at('2026-03-30T07:00:30Z');
    expect(starters('fortnight')).toHaveLength(3);
    await tb.mem.ask(facilitator, `/reflect pause ${fortnight}`);
  });
});
