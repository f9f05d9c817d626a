// /supervision schedule and add: a channel the bot cannot post in is refused at once, as /reflect schedule does,
// rather than sessions whose reminders and agendas would later fail in silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../src/core/teams.js';
import { SETTINGS } from '../../src/core/settings.js';
import { schedules, supervisionSessions, teams } from '../../src/db/schema/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  tb.mem.closedChannels.add('prywatny');
});
afterAll(() => tb.close());

const planned = async () => ({ series: (await tb.bot.db.select().from(schedules)).filter((s) => s.kind === 'supervision').length, sessions: (await tb.bot.db.select().from(supervisionSessions)).length });

describe('supervision in a channel the bot cannot post in', () => {
  it('refuses a series there, says how to let the bot in, and plans nothing', async () => {
    const answer = await tb.mem.ask(facilitator, '/supervision schedule #prywatny monday 18:00 every 2 weeks');
    expect(answer).toMatch(/Nie mogę pisać na #prywatny/);
    expect(answer).toContain('/invite @Sojusz');
    expect(await planned()).toEqual({ series: 0, sessions: 0 });
  });

  it('refuses a single session there, named or taken from the team’s supervision channel', async () => {
    expect(await tb.mem.ask(facilitator, '/supervision add 2026-03-09 18:00 #prywatny')).toMatch(/Nie mogę pisać na #prywatny/);
    const [team] = await tb.bot.db.select().from(teams);
    await updateSettings(tb.bot.db, team!.id, { [SETTINGS.supervisionChannel]: 'prywatny' });
    expect(await tb.mem.ask(facilitator, '/supervision add 2026-03-09 18:00')).toMatch(/Nie mogę pisać na #prywatny/);
    expect(await planned()).toEqual({ series: 0, sessions: 0 });
  });

  it('still plans in a channel it can post in', async () => {
    await tb.mem.command(facilitator, '/supervision schedule #superwizja monday 18:00');
    await tb.mem.command(facilitator, '/supervision add 2026-03-11 18:00 #superwizja');
    const now = await planned();
    expect(now.series).toBe(1);
    expect(now.sessions).toBeGreaterThanOrEqual(2);
  });
});
