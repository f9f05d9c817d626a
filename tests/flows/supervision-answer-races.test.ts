// Members acting on a session at the same moment as someone else: a topic added while the session is being cancelled
// moves on with the others, an answer to a session being cancelled hears that it is, and two answers at once leave
// the reminder with both counted. The cancellation races need transactions side by side, which only PostgreSQL runs
// (PGlite takes one at a time): a third connection holds a lock to stop one transaction at the exact moment between
// its read of the session and its write, while the other goes ahead.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import type { Message } from '../../src/core/message.js';
import type { MessageRef } from '../../src/core/port.js';
import { supervisionRsvps, supervisionSessions } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { onPostgres } from '../helpers/db.js';
import { lockHolder, started, until, type Locks } from '../helpers/pg-locks.js';

let t: TestBot;
let locks: Locks | undefined;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
  if (onPostgres()) locks = lockHolder(t.database.url!);
});
afterAll(async () => {
  await locks?.end();
  await t.close();
});

const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');
async function sessionOn(day: string) {
  const all = await t.bot.db.select().from(supervisionSessions);
  return all.find((s) => s.startsAt.toISOString().startsWith(day))!;
}


describe.skipIf(!onPostgres())('a session cancelled while members act on it (PostgreSQL)', () => {
  it('moves a topic added during the cancellation on with the others, instead of losing it', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    await t.mem.command(facilitator, '/supervision add 2026-03-16 18:00 #supervision');
    // The topic is stopped after its read of the next session, at its insert (which checks that its author's row stays).
    const lock = await locks!.hold(`select id from members where external_id = '${anna.id}' for update`);
    const adding = started(() => t.mem.command(anna, '/supervision topic klient, który odwołuje sesje'));
    await until(async () => (await locks!.waiting('insert into "supervision_topics"')) > 0);
    // The cancellation meanwhile: it goes through, or waits for the topic.
    const cancelling = started(() => t.mem.command(facilitator, '/supervision cancel 2026-03-09'));
    await until(async () => cancelling.finished() || (await locks!.waiting('supervision_sessions')) > 0);
    await lock.release();
    await Promise.all([adding.p, cancelling.p]);

    expect(said(facilitator.id)).toContain('Temat z jego agendy przenoszę na pon., 16 marca 2026, 18:00');
    await t.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).toContain('Agenda for Mon, 16 Mar 2026, 18:00');
    expect(said(ben.id)).toContain(`klient, który odwołuje sesje — ${anna.id}`);
  });

  it('tells a member answering a session being cancelled that it is cancelled, and records nothing', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-23 18:00 #supervision');
    const session = await sessionOn('2026-03-23');
    // The cancellation is stopped after its update of the session, at the reminders it calls off.
    const lock = await locks!.hold('lock table outbox in share mode');
    const cancelling = started(() => t.mem.command(facilitator, '/supervision cancel 2026-03-23'));
    await until(async () => (await locks!.waiting('outbox')) > 0);
    const answering = started(() => t.mem.click(anna, 'supervision.rsvp', `${session.id}:coming`));
    await until(async () => answering.finished() || (await locks!.waiting('supervision_sessions')) > 0);
    await lock.release();
    await Promise.all([cancelling.p, answering.p]);

    expect(said(anna.id)).toContain('To spotkanie już się zaczęło, odbyło albo zostało odwołane');
    expect(await t.bot.db.select().from(supervisionRsvps).where(eq(supervisionRsvps.sessionId, session.id))).toEqual([]);
  });
});

describe('two members answering a reminder at the same moment', () => {
  it('leaves the reminder counting both, whichever rewrite reaches the platform last', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-30 18:00 #supervision');
    const session = await sessionOn('2026-03-30');
    t.clock.set('2026-03-29T16:00:30Z');
    await t.bot.runDueWork();
    const post = t.mem.posts('supervision').find((p) => p.key?.startsWith(`sup-rem:${session.id}:`))!;

    // Anna's rewrite reads the counts (1), and while the platform takes it, Ben answers and his rewrite (2) lands
    // first: Anna's older one arrives after it.
    const update = t.mem.update.bind(t.mem);
    let ben2: Promise<unknown> | undefined;
    t.mem.update = async (ref: MessageRef, m: Message) => {
      if (!ben2 && ref.id === post.ref.id) {
        ben2 = t.mem.click(ben, 'supervision.rsvp', `${session.id}:coming`);
        await ben2;
      }
      return update(ref, m);
    };
    try {
      await t.mem.click(anna, 'supervision.rsvp', `${session.id}:coming`);
    } finally {
      t.mem.update = update;
    }
    const edits = t.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === post.ref.id);
    expect(edits.at(-1)!.text).toContain('Będą: 2');
    expect(await t.bot.db.select().from(supervisionRsvps).where(and(eq(supervisionRsvps.sessionId, session.id), eq(supervisionRsvps.answer, 'coming')))).toHaveLength(2);
  });
});
