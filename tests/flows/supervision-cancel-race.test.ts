// A session cancelled while its reminder is being delivered: the reminder that went out anyway does not stay
// with live RSVP buttons, and a reminder whose send failed meanwhile is not tried again.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import type { Message } from '../../src/core/message.js';
import type { MemberRef, MessageRef, Place } from '../../src/core/port.js';
import { outbox, supervisionSessions } from '../../src/db/schema/index.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await t.mem.command(m, '/sojusz help');
  await t.mem.command(anna, '/supervision dm on');
});
afterAll(() => t.close());

async function sessionAt(iso: string) {
  const [s] = await t.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.startsAt, new Date(iso)));
  return s!;
}
const reminderRows = (sessionId: number) => t.bot.db.select().from(outbox).where(like(outbox.key, `sup-rem:${sessionId}:%`));
const removed = () => new Set(t.mem.said.flatMap((s) => (s.kind === 'remove' ? [s.ref.id] : [])));

/** While the platform is taking the first reminder, something else happens (the facilitator cancels). */
function duringFirstReminder(what: () => Promise<void>, then: 'accept' | 'fail' = 'accept'): () => void {
  const post = t.mem.post.bind(t.mem);
  const direct = t.mem.direct.bind(t.mem);
  let pending: (() => Promise<void>) | undefined = what;
  const meanwhile = async (key: string | undefined) => {
    if (!pending || !key?.startsWith('sup-rem:')) return;
    const f = pending;
    pending = undefined;
    await f();
    if (then === 'fail') throw new PlatformError('memory', 'timeout');
  };
  t.mem.post = async (to: Place, m: Message, o?: { key?: string }): Promise<MessageRef> => {
    const ref = then === 'accept' ? await post(to, m, o) : undefined;
    await meanwhile(o?.key);
    return ref ?? post(to, m, o);
  };
  t.mem.direct = async (to: MemberRef, m: Message, o?: { key?: string }): Promise<MessageRef> => {
    const ref = then === 'accept' ? await direct(to, m) : undefined;
    await meanwhile(o?.key);
    return ref ?? direct(to, m);
  };
  return () => {
    t.mem.post = post;
    t.mem.direct = direct;
  };
}

describe('a session cancelled while its reminder is on its way', () => {
  it('takes the reminder that went out anyway down again, channel and DM, and sends nothing more', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    const s = await sessionAt('2026-03-09T17:00:00Z');
    const restore = duringFirstReminder(() => t.mem.command(facilitator, `/supervision cancel ${s.number}`));
    t.clock.set('2026-03-08T17:00:20Z');
    await t.bot.runDueWork();
    restore();
    expect(t.mem.lastPrivate(facilitator.id)).toContain('Odwołane jedno spotkanie');

    // It did reach the platform (the cancel came while it was being sent)…
    const sent = [...t.mem.posts('supervision'), ...t.mem.dms(anna.id)];
    expect(sent.length).toBeGreaterThan(0);
    // …and every copy is gone again: nobody is left with buttons for a session that will not happen.
    for (const m of sent) expect(removed()).toContain(m.ref.id);
    const rows = await reminderRows(s.id);
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'cancelled'));

    // Nothing comes back later: not the same reminder, not the one an hour before.
    const before = t.mem.said.length;
    t.clock.set('2026-03-09T16:00:20Z');
    await t.bot.runDueWork();
    t.clock.set('2026-03-09T16:10:00Z');
    await t.bot.runDueWork();
    expect(t.mem.said.slice(before).filter((x) => x.kind === 'post' || x.kind === 'dm')).toEqual([]);
  });

  it('does not try again a reminder whose send failed while the session was being cancelled', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-16 18:00 #supervision');
    const s = await sessionAt('2026-03-16T17:00:00Z');
    const restore = duringFirstReminder(() => t.mem.command(facilitator, `/supervision cancel ${s.number}`), 'fail');
    t.clock.set('2026-03-15T17:00:20Z');
    await t.bot.runDueWork();
    restore();
    const failedKey = (await reminderRows(s.id)).find((r) => r.lastError === 'timeout')!.key;
    expect(await t.bot.db.select({ status: outbox.status }).from(outbox).where(and(eq(outbox.key, failedKey)))).toEqual([{ status: 'cancelled' }]);

    // Well past every backoff: the failed reminder stays unsent.
    const before = t.mem.said.length;
    for (const at of ['2026-03-15T17:05:00Z', '2026-03-15T18:00:00Z', '2026-03-16T12:00:00Z']) {
      t.clock.set(at);
      await t.bot.runDueWork();
    }
    const later = t.mem.said.slice(before).filter((x) => x.kind === 'post' || x.kind === 'dm');
    expect(later.filter((x) => x.kind === 'post' && x.key === failedKey)).toEqual([]);
    expect(later).toEqual([]);
    expect(await t.bot.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.key, failedKey))).toEqual([{ status: 'cancelled' }]);
  });
});
