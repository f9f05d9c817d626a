// 5. Scheduler cost: one tick with 100 due among 1,000 schedules vs among 100,000, and the plan of its query.
import pino from 'pino';
import type { Sql } from 'postgres';
import { buildRegistry } from '../commands/index.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { tick } from '../src/schedule/scheduler.js';
import { reset, seedMixedSchedules } from './seed.js';
import { SECRET } from './procs.js';

export interface TickResult {
  smallMs: number;
  largeMs: number;
  ratio: number;
  indexScan: boolean;
  plan: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeTicks(sql: Sql, database: Database, databaseUrl: string, total: number, due: number, rounds: number): Promise<number> {
  await reset(sql);
  await seedMixedSchedules(sql, 100, total, due);
  const app = await createApp(loadConfig({ DATABASE_URL: databaseUrl, SOJUSZ_SECRET: SECRET }), pino({ level: 'silent' }), buildRegistry(), undefined, database);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Make the same 100 due again (a later instant each round, so each is a new occurrence).
    if (r > 0) await sql`update schedules set next_due_at = now() - interval '1 second' where id <= ${due}`;
    const t0 = performance.now();
    const rep = await tick(app.bot);
    times.push(performance.now() - t0);
    if (rep.fired !== due) throw new Error(`tick fired ${rep.fired}, expected ${due}`);
  }
  await app.stop();
  return median(times);
}

export async function benchTick(sql: Sql, database: Database, databaseUrl: string): Promise<TickResult> {
  const smallMs = await timeTicks(sql, database, databaseUrl, 1_000, 100, 5);
  const largeMs = await timeTicks(sql, database, databaseUrl, 100_000, 100, 5);
  // The claim query of src/schedule/scheduler.ts, as drizzle sends it.
  const rows = await sql<{ 'QUERY PLAN': string }[]>`
    explain select * from schedules
    where paused = false and next_due_at is not null and next_due_at <= now()
    order by next_due_at asc limit 200 for update skip locked`;
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  return { smallMs, largeMs, ratio: largeMs / smallMs, indexScan: /Index Scan using schedules_due/.test(plan), plan };
}
