// A whole bot for flow tests: the real core on a real database, the memory adapter, a movable clock, captured logs.
import { Writable } from 'node:stream';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import { MemoryAdapter } from '../../adapters/memory/index.js';
import { Bot } from '../../src/core/bot.js';
import type { Registry } from '../../src/core/registry.js';
import { Secrets } from '../../src/core/secrets.js';
import type { Database } from '../../src/db/client.js';
import { createLogger } from '../../src/log.js';
import { ManualClock } from '../../src/schedule/clock.js';
import { testDatabase } from './db.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface TestBot {
  bot: Bot;
  mem: MemoryAdapter;
  clock: ManualClock;
  database: Database & { url?: string };
  /** Every log line the bot wrote, raw JSON. */
  logs: string[];
  close(): Promise<void>;
}

/** A log destination that keeps every line, so tests can check that nothing personal was logged. */
export function captureLogs(): { logs: string[]; sink: Writable } {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  return { logs, sink };
}

export async function makeBot(o: { start?: string; registry?: Registry; database?: Database & { url?: string }; team?: string } = {}): Promise<TestBot> {
  const database = o.database ?? (await testDatabase());
  const clock = new ManualClock(o.start ?? '2026-03-02T08:00:00Z');
  const { logs, sink } = captureLogs();
  const bot = new Bot({ database, clock, secrets: new Secrets(TEST_SECRET), log: createLogger('debug', sink), registry: o.registry ?? withPlatforms(buildRegistry()) });
  const mem = new MemoryAdapter(o.team ?? 'T1').connect(bot);
  return {
    bot,
    mem,
    clock,
    database,
    logs,
    close: () => (o.database ? Promise.resolve() : database.close()),
  };
}

export const facilitator = { id: 'U_FAC', name: 'Fac', isAdmin: true, locale: 'pl-PL' };
export const anna = { id: 'U_ANNA', name: 'Anna', locale: 'pl-PL' };
export const ben = { id: 'U_BEN', name: 'Ben', locale: 'en-GB' };
