// A prompt the platform refuses for good — the channel deleted or archived, the bot removed, a member's DMs closed —
// pauses its schedule and is said once, instead of failing silently every week.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import type { Message } from '../../src/core/message.js';
import type { MemberRef } from '../../src/core/port.js';
import { outbox, schedules } from '../../src/db/schema/index.js';
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
  // What a failure queued (the DM saying so) goes out on the next round.
  await tb.bot.runDueWork();
}
const scheduleId = (answer: string) => Number(/#(\d+)/.exec(answer)![1]);
const rowsTo = async (prefix: string) => tb.bot.db.select().from(outbox).where(like(outbox.key, `${prefix}%`));
/** The outbox rows of the team's prompt schedule #N: their keys carry its row id (`prompt:<id>:…`), not the number. */
async function promptRows(number: number) {
  const [row] = await tb.bot.db.select().from(schedules).where(and(eq(schedules.kind, 'prompt'), eq(schedules.number, number)));
  return rowsTo(`prompt:${row!.id}:`);
}

describe('a team prompt whose channel refuses it', () => {
  let id: number;

  it('is paused after the first refusal and its creator is told once, in their language, what to do', async () => {
    id = scheduleId(await tb.mem.ask(facilitator, '/reflect schedule #gone wednesday 09:00'));
    tb.mem.closedChannels.add('gone');
    await at('2026-03-04T08:00:30Z');
    const told = tb.mem.dms(facilitator.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(`harmonogramu #${id} na #gone`);
    expect(told[0]!.text).toContain(`/reflect wznów ${id}`);
    expect(told[0]!.text).toContain(`/reflect zmień ${id} kanał #inny`);
    expect(await tb.mem.ask(anna, '/reflect lista')).toContain('kanał niedostępny — wstrzymany');
  });

  it('is not tried again, nor said again, in the weeks after', async () => {
    await at('2026-03-11T08:00:30Z');
    await at('2026-03-18T08:00:30Z');
    await at('2026-03-25T08:00:30Z');
    const tries = (await promptRows(id)).map((r) => `${r.status} ${r.lastError}`);
    expect(tries).toEqual(['failed not_in_channel']);
    expect(tb.mem.dms(facilitator.id)).toHaveLength(1);
  });

  it('resumes only once the bot can post there again', async () => {
    expect(await tb.mem.ask(facilitator, `/reflect wznów ${id}`)).toContain('Nie mogę pisać na #gone');
    tb.mem.closedChannels.delete('gone');
    expect(await tb.mem.ask(facilitator, `/reflect wznów ${id}`)).toContain('śr., 1 kwietnia 2026, 09:00');
    expect(await tb.mem.ask(anna, '/reflect lista')).not.toContain('niedostępny');
    await at('2026-04-01T07:00:30Z');
    expect(tb.mem.posts('gone')).toHaveLength(1);
  });

  it('tells the explicitly added facilitators when its creator is no longer one', async () => {
    // Ben uses the bot first: a facilitator can only add someone the bot knows.
    await tb.mem.command(ben, '/sojusz language en');
    // Known to the bot (a first command) before they can be added.
    await tb.mem.command(ben, '/sojusz help');
    await tb.mem.command(facilitator, `/sojusz team facilitator add <@${ben.id}>`);
    await tb.mem.command(facilitator, `/sojusz team facilitator add <@${anna.id}>`);
    const other = scheduleId(await tb.mem.ask(anna, '/reflect zaplanuj #archived czwartek 09:00'));
    await tb.mem.command(facilitator, `/sojusz team facilitator remove <@${anna.id}>`);
    tb.mem.clear();
    tb.mem.closedChannels.add('archived');
    await at('2026-04-02T07:00:30Z');
    expect(tb.mem.dms(anna.id)).toHaveLength(0);
    const told = tb.mem.dms(ben.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(`I couldn’t post the reflection prompt of schedule #${other} in #archived`);
    expect(told[0]!.text).toContain(`/reflect edit ${other} channel #another`);
    // Moving it to a channel that works starts it again.
    const moved = await tb.mem.ask(ben, `/reflect edit ${other} channel #elsewhere`);
    expect(moved).toContain('#elsewhere');
    expect(moved).toContain('Thu, 9 Apr 2026, 09:00');
    await at('2026-04-09T07:00:30Z');
    expect(tb.mem.posts('elsewhere')).toHaveLength(1);
  });
});

describe('a refusal that says nothing is gone', () => {
  it('leaves the schedule running and tells nobody: a revoked token is not a deleted channel', async () => {
    tb.clock.set('2026-05-04T08:00:00Z');
    const id = scheduleId(await tb.mem.ask(facilitator, '/reflect schedule #tokens tuesday 09:00'));
    const post = tb.mem.post.bind(tb.mem);
    tb.mem.post = async (to, message, opts) => {
      if (to.channel === 'tokens') throw new PlatformError('memory', 'invalid_auth', undefined, undefined, false);
      return post(to, message, opts);
    };
    tb.mem.clear();
    try {
      await at('2026-05-05T07:00:30Z');
    } finally {
      tb.mem.post = post;
    }
    expect((await promptRows(id)).map((r) => `${r.status} ${r.lastError}`)).toEqual(['failed invalid_auth']);
    expect(tb.mem.dms(facilitator.id).filter((d) => d.text.includes('#tokens'))).toHaveLength(0);
    expect(await tb.mem.ask(anna, '/reflect lista')).not.toContain('niedostępny');
    await at('2026-05-12T07:00:30Z');
    expect(tb.mem.posts('tokens')).toHaveLength(1);
  });
});

describe('a personal prompt whose DM is refused', () => {
  it('is paused, and the member sees why when they next look', async () => {
    tb.clock.set('2026-04-13T08:00:00Z');
    await tb.mem.command(anna, '/reflect ja środa 08:00');
    const direct = tb.mem.direct.bind(tb.mem);
    // Anna's DMs are closed to the bot: the platform refuses for good.
    tb.mem.direct = async (member: MemberRef, message: Message) => {
      if (member.id === anna.id) throw new PlatformError('memory', 'cannot_dm', undefined, undefined, false, 'channel', 'member');
      return direct(member, message);
    };
    try {
      await at('2026-04-15T06:00:30Z');
      await at('2026-04-22T06:00:30Z');
      expect((await rowsTo('personal-prompt:')).map((r) => r.status)).toEqual(['failed']);
    } finally {
      tb.mem.direct = direct;
    }
    const seen = await tb.mem.ask(anna, '/reflect ja');
    expect(seen).toContain('Twoje osobiste pytanie — co tydzień (środa, 08:00) — jest wstrzymane: nie udało mi się wysłać Ci wiadomości prywatnej');
    expect(seen).toContain('/reflect ja środa 08:00');
    expect(await tb.mem.ask(anna, '/reflect lista')).toContain('jest wstrzymane');
    // Turning it off while it is paused says it is off (not "you have none").
    expect(await tb.mem.ask(anna, '/reflect ja wyłącz')).toContain('Osobiste pytania są wyłączone');
    // Set again, it runs again.
    expect(await tb.mem.ask(anna, '/reflect ja środa 08:00')).toContain('śr., 29 kwietnia 2026, 08:00');
    expect(await tb.mem.ask(anna, '/reflect ja')).toContain('Twoje osobiste pytanie: co tydzień (środa, 08:00), następne: śr., 29 kwietnia 2026, 08:00');
  });
});
