// /sojusz setup moving the prompt hour at the very minute this week's prompt is being sent: the week still gets one
// prompt. Only PostgreSQL runs transactions side by side (PGlite takes one at a time), so this runs there: a third
// connection holds a table lock that stops the tick after it has claimed the schedule and before it records the
// occurrence, while setup saves.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '../../src/db/schema/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { onPostgres } from '../helpers/db.js';
import { lockHolder, started, until, type Locks } from '../helpers/pg-locks.js';

type Page = { id: string; state?: string; fields: { id: string; initial?: unknown }[] };
const initial = (form: Page) => Object.fromEntries(form.fields.map((f) => [f.id, f.initial as string | undefined]));

let tb: TestBot;
let locks: Locks | undefined;
beforeAll(async () => {
  if (!onPostgres()) return;
  // Monday 2 March 2026: Friday 09:00 prompts in #refleksja (08:00 UTC in March).
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  tb.mem.channels.set('refleksja', ['U_FAC', 'U_ANNA', 'U_X']);
  await tb.mem.command(facilitator, '/sojusz setup');
  const two = (await tb.mem.fill(facilitator, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' })) as { form: Page };
  await tb.mem.submit(facilitator, two.form.id, {}, two.form.state);
  locks = lockHolder(tb.database.url!);
});
afterAll(async () => {
  await locks?.end();
  await tb?.close();
});

const threads = () => tb.mem.posts('refleksja').filter((p) => p.message.blocks.some((b) => b.type === 'actions'));

describe.skipIf(!onPostgres())('setup saved while this week’s prompt is being sent (PostgreSQL)', () => {
  it('moves the hour from next week on, and the week gets one prompt', async () => {
    tb.clock.set('2026-03-06T08:00:30Z');
    // The tick claims the schedule and stops at recording the occurrence.
    const lock = await locks!.holdTable('occurrences');
    const ticking = started(() => tb.bot.runDueWork());
    await until(async () => (await locks!.waiting('"occurrences"')) > 0);
    // Meanwhile the facilitator moves the prompts to 10:00, changing nothing else.
    await tb.mem.command(facilitator, '/sojusz setup');
    const page1 = tb.mem.lastForm(facilitator.id)! as Page;
    const two = (await tb.mem.submit(facilitator, page1.id, { ...initial(page1), promptTime: '10:00' }, page1.state)) as { kind: string; form: Page };
    expect(two.kind).toBe('next');
    const saving = started(() => tb.mem.submit(facilitator, two.form.id, initial(two.form), two.form.state));
    await until(async () => saving.finished() || (await locks!.waiting('"schedules"')) > 0);
    await lock.release();
    await Promise.all([ticking.p, saving.p]);
    expect(tb.mem.lastPrivate(facilitator.id)).toMatch(/harmonogram pytań do refleksji #1: co tydzień \(piątek, 10:00\)/);

    // This Friday's 09:00 prompt went out; 10:00 brings no second one; next Friday it comes at 10:00.
    tb.clock.set('2026-03-06T09:00:30Z');
    await tb.bot.runDueWork();
    expect(threads()).toHaveLength(1);
    const [row] = await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'prompt'));
    expect(row!.nextDueAt!.toISOString()).toBe('2026-03-13T09:00:00.000Z');
  });
});
