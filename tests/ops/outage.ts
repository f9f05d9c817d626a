// For tests that take the database away under a running bot: the outage watch's two log lines, waiting for a
// condition, the commands counter, and one outage (stop, act, start, seen back).
import type { Bot } from '../../src/core/bot.js';
import type { OwnPostgres } from './pg-server.js';

/** What the outage watch logs (src/db/outages.ts), as docs/operations.md quotes it. */
export const DOWN = 'the database cannot be reached: members are asked to try again in a minute, and scheduled work waits until it answers';
export const BACK = 'the database answers again: scheduled work resumes';

/** Waits until `what` holds (`ms` at most). */
export async function until(what: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** JSON log lines with this message. */
export const linesSaying = (logs: string[], msg: string): string[] => logs.filter((l) => (JSON.parse(l) as { msg?: string }).msg === msg);

/** sojusz_commands_total for one command and outcome, as /metrics shows it. */
export async function commandCount(bot: Bot, command: string, outcome: string): Promise<number> {
  const text = await bot.metrics.registry.metrics();
  return Number(text.split('\n').find((l) => l.startsWith(`sojusz_commands_total{command="${command}",outcome="${outcome}"}`))?.split(' ')[1] ?? 0);
}

/** An outage: the server stops, `during` runs, the server starts again and the bot has logged that it is back. */
export async function outage(pg: OwnPostgres, logs: string[], during: () => Promise<void>, backWithinMs = 10_000): Promise<void> {
  const backs = linesSaying(logs, BACK).length;
  pg.stop();
  try {
    await during();
  } finally {
    pg.start();
  }
  await until(() => linesSaying(logs, BACK).length > backs, backWithinMs);
}
