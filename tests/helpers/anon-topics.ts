// Anonymous agenda topics reach the agenda at a random moment minutes after they were added (anon-later.ts): for
// tests about something else, this lets the ones waiting arrive now, without moving the clock.
import { and, eq, sql } from 'drizzle-orm';
import { schedules } from '../../src/db/schema/index.js';
import { ANON_TOPIC } from '../../src/features/supervision/anon-later.js';
import type { TestBot } from './bot.js';

/** Every anonymous topic still waiting is written now (and the other work due now is done, as a tick would). */
export async function anonymousTopicsArrive(tb: Pick<TestBot, 'bot' | 'clock'>): Promise<void> {
  await tb.bot.db
    .update(schedules)
    .set({ nextDueAt: tb.clock.now() })
    .where(and(eq(schedules.kind, ANON_TOPIC), sql`${schedules.payload} ? 'sealed'`));
  await tb.bot.runDueWork();
}
