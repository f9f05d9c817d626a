// A case closed while someone is acting on it: a reply written while the case is being hidden never reaches the hidden
// thread, and a withdrawal and a hide at once do not both succeed. Only PostgreSQL runs transactions side by side
// (PGlite takes one at a time), so these run there: a third connection holds a table lock to stop one transaction at
// the exact moment between its check of the case and its write, while the other goes ahead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, type TestBot } from '../helpers/bot.js';
import { caseTeam, publishedCase as published } from '../helpers/cases.js';
import { onPostgres } from '../helpers/db.js';
import { lockHolder, started, until, type Locks } from '../helpers/pg-locks.js';

const MIN = 60_000;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
type Member = typeof anna;

let tb: TestBot;
let locks: Locks | undefined;
beforeAll(async () => {
  if (!onPostgres()) return;
  tb = await caseTeam([anna, ben, carol]);
  locks = lockHolder(tb.database.url!);
});
afterAll(async () => {
  await locks?.end();
  await tb?.close();
});

const publishedCase = (member: Member, title: string) => published(tb, member, { title });
const postOf = (n: number) => tb.mem.posts('cases').find((p) => p.text.startsWith(`Przypadek #${n}\n`))!;
const threadReplies = (n: number) => tb.mem.posts('cases').filter((p) => p.place.thread === postOf(n).ref.id);


describe.skipIf(!onPostgres())('a case closed while someone acts on it (PostgreSQL)', () => {
  it('keeps a reply written while the case is being hidden out of the hidden thread', async () => {
    const n = await publishedCase(carol, 'A reply at the wrong moment');
    // The reply is stopped after its check of the case, at its first write (the daily reply counter).
    const lock = await locks!.holdTable('case_counters');
    const replying = started(() => tb.mem.command(ben, `/case reply ${n} I think I know who this is.`));
    await until(async () => (await locks!.waiting('case_counters')) > 0);
    // The hide meanwhile: it goes through, or waits for the reply.
    const hiding = started(() => tb.mem.command(facilitator, `/case hide ${n}`));
    await until(async () => hiding.finished() || (await locks!.waiting('for update')) > 0);
    await lock.release();
    await Promise.all([replying.p, hiding.p]);

    expect(tb.mem.lastPrivate(facilitator.id)).toContain(`Przypadek #${n} jest ukryty`);
    tb.clock.advance(MIN);
    await tb.bot.runDueWork();
    expect(threadReplies(n).map((p) => p.text)).toEqual([]);
  });

  it('lets only one of a withdrawal and a hide at the same moment succeed', async () => {
    const n = await publishedCase(anna, 'Closed twice');
    // The hide is stopped after its check and its own update of the case, at the report reasons it clears.
    const lock = await locks!.holdTable('case_reports');
    const hiding = started(() => tb.mem.command(facilitator, `/case hide ${n}`));
    await until(async () => (await locks!.waiting('case_reports')) > 0);
    const withdrawing = started(() => tb.mem.command(anna, `/case withdraw ${n}`));
    await until(async () => withdrawing.finished() || (await locks!.waiting('"cases"')) > 0);
    await lock.release();
    await Promise.all([hiding.p, withdrawing.p]);

    expect(tb.mem.lastPrivate(facilitator.id)).toContain(`Przypadek #${n} jest ukryty`);
    expect(tb.mem.lastPrivate(anna.id)).toBe(`Przypadek #${n} jest już ukryty albo wycofany.`);
  });
});
