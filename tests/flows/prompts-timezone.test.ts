// A member who moves to another time zone takes their personal prompt along: "Friday 08:30" stays 08:30 where
// they are now, the confirmation says so, and moving west the same day does not bring that week's question twice.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageToPlain } from '../../src/core/message.js';
import { schedules } from '../../src/db/schema/index.js';
import { PERSONAL_KIND } from '../../src/features/prompts/schedules.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw (the team's zone).
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [anna, ben]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

async function at(iso: string) {
  t.clock.set(iso);
  await t.bot.runDueWork();
}
const personalRow = async (memberExt: string) => {
  const [row] = await t.bot.db
    .select()
    .from(schedules)
    .where(sql`${schedules.kind} = ${PERSONAL_KIND} and (${schedules.payload}->>'memberId')::int = (select id from members where external_id = ${memberExt})`);
  return row!;
};

describe('changing one’s time zone with a personal prompt set', () => {
  it('keeps the prompt at the same local time in the new zone, and says so', async () => {
    expect(await t.mem.ask(anna, '/reflect ja piątek 08:30')).toContain('pt., 6 marca 2026, 08:30');
    const answer = await t.mem.ask(anna, '/sojusz strefa America/New_York');
    expect(answer).toContain('Twoja strefa czasowa to teraz America/New_York');
    expect(answer).toContain('Osobiste pytanie przenosi się razem z Tobą: nadal co tydzień (piątek, 08:30), teraz według nowej strefy. Następne: pt., 6 marca 2026, 08:30.');
    const row = await personalRow(anna.id);
    expect(row.zone).toBe('America/New_York');
    // 08:30 in New York on 6 March (EST) is 13:30 UTC, not 07:30 (08:30 in Warsaw).
    expect(row.nextDueAt).toEqual(new Date('2026-03-06T13:30:00Z'));
    // The home view agrees.
    expect(messageToPlain(await t.bot.home(t.mem.inv(anna)))).toContain('pt., 6 marca 2026, 08:30');
  });

  it('sends nothing at 08:30 Warsaw time and the prompt at 08:30 New York time', async () => {
    await at('2026-03-06T07:30:30Z');
    expect(t.mem.dms(anna.id)).toHaveLength(0);
    await at('2026-03-06T13:30:30Z');
    expect(t.mem.dms(anna.id)).toHaveLength(1);
  });

  it('does not bring the same week’s question again when moving further west that day', async () => {
    t.clock.set('2026-03-06T14:00:00Z');
    // 08:30 in Los Angeles is still ahead today (16:30 UTC), but this Friday's question has come already.
    expect(await t.mem.ask(anna, '/sojusz strefa America/Los_Angeles')).toContain('Następne: pt., 13 marca 2026, 08:30');
    await at('2026-03-06T16:30:30Z');
    expect(t.mem.dms(anna.id)).toHaveLength(1);
    // 08:30 in Los Angeles on 13 March (PDT since 8 March) is 15:30 UTC.
    await at('2026-03-13T15:30:30Z');
    expect(t.mem.dms(anna.id)).toHaveLength(2);
  });

  it('says only the new zone to a member without a personal prompt, in their language', async () => {
    const answer = await t.mem.ask(ben, '/sojusz timezone Europe/Lisbon');
    expect(answer).toContain('your time zone is now Europe/Lisbon');
    expect(answer).not.toContain('personal prompt');
  });

  it('tells a member with a personal prompt in English too', async () => {
    await t.mem.ask(ben, '/reflect me monday 07:00');
    const answer = await t.mem.ask(ben, '/sojusz timezone Europe/Warsaw');
    expect(answer).toContain('Your personal prompt moves with you: still every Monday at 07:00, now by your new time zone. The next one: Mon, 16 Mar 2026, 07:00.');
    expect((await personalRow(ben.id)).nextDueAt).toEqual(new Date('2026-03-16T06:00:00Z'));
    // Setting the zone it already has moves nothing and says nothing more.
    expect(await t.mem.ask(ben, '/sojusz timezone Europe/Warsaw')).not.toContain('personal prompt');
    expect(await t.bot.db.select({ zone: schedules.zone }).from(schedules).where(eq(schedules.kind, PERSONAL_KIND))).toHaveLength(2);
  });

  it('moves the personal prompt of a member without a zone of their own when the team’s zone changes, and no one else’s', async () => {
    const cara = { id: 'U_CARA', name: 'Cara', locale: 'pl-PL' };
    await t.mem.ask(cara, '/sojusz help');
    await t.mem.ask(cara, '/reflect ja środa 07:00');
    expect((await personalRow(cara.id)).zone).toBe('Europe/Warsaw');
    const benBefore = await personalRow(ben.id);

    expect(await t.mem.ask(facilitator, '/sojusz team timezone Europe/London')).toContain('osobiste pytania osób, które nie wybrały własnej strefy');
    const moved = await personalRow(cara.id);
    expect(moved.zone).toBe('Europe/London');
    // Wednesday 07:00 in London on 18 March (GMT) is 07:00 UTC.
    expect(moved.nextDueAt).toEqual(new Date('2026-03-18T07:00:00Z'));
    // Ben chose Europe/Warsaw himself: his prompt stays there.
    expect(await personalRow(ben.id)).toEqual(benBefore);
  });
});

