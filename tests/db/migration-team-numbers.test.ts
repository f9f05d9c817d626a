// Migration 0016 numbers the rows an existing install already has, per team in creation order — on a database with
// rows in every numbered table (adding the columns NOT NULL at once would fail there). PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, olderInstall } from '../helpers/migrations.js';


const db = olderInstall(15);

describe('migration 0016 (per-team numbers)', () => {
  it('numbers existing schedules, series, sessions, topics and team prompts per team in creation order', async () => {
    await db.migrateOlder();
    const [a, b] = await db.rows<{ id: number }>(sql`insert into teams (platform, external_id) values ('slack', 'TA'), ('slack', 'TB') returning id`);
    const A = a!.id;
    const B = b!.id;
    const rule = sql`'{"type":"weekly","weekday":1,"time":"09:00","every":1,"anchor":"2026-01-05"}'::jsonb`;
    // Interleaved as a busy database has them: serial ids shared by both teams and every kind.
    for (const [team, kind] of [[A, 'housekeeping'], [B, 'prompt'], [A, 'prompt'], [A, 'supervision'], [A, 'personal-prompt'], [B, 'supervision'], [A, 'prompt'], [A, 'supervision']] as const) {
      await db.rows(sql`insert into schedules (team_id, kind, zone, rule) values (${team}, ${kind}, 'Europe/Warsaw', ${rule})`);
    }
    for (const team of [B, A, A, B, A]) {
      await db.rows(sql`insert into supervision_sessions (team_id, starts_at, zone, duration_minutes, channel) values (${team}, now(), 'Europe/Warsaw', 90, 'C1')`);
    }
    for (const team of [A, B, A]) {
      await db.rows(sql`insert into supervision_topics (team_id, text, visibility, created_at) values (${team}, 'topic', 'named', now())`);
      await db.rows(sql`insert into custom_prompts (team_id, text, created_at) values (${team}, 'prompt', now())`);
    }

    await db.migrate(MIGRATIONS);

    const numbers = async (table: string) =>
      (await db.rows<{ team_id: number; kind?: string; number: number | null }>(sql`select * from ${sql.identifier(table)} order by id`)).map((r) => [
        r.team_id === A ? 'A' : 'B',
        ...(r.kind ? [r.kind] : []),
        r.number,
      ]);
    expect(await numbers('schedules')).toEqual([
      ['A', 'housekeeping', null],
      ['B', 'prompt', 1],
      ['A', 'prompt', 1],
      ['A', 'supervision', 1],
      ['A', 'personal-prompt', null],
      ['B', 'supervision', 1],
      ['A', 'prompt', 2],
      ['A', 'supervision', 2],
    ]);
    expect(await numbers('supervision_sessions')).toEqual([['B', 1], ['A', 1], ['A', 2], ['B', 2], ['A', 3]]);
    expect(await numbers('supervision_topics')).toEqual([['A', 1], ['B', 1], ['A', 2]]);
    expect(await numbers('custom_prompts')).toEqual([['A', 1], ['B', 1], ['A', 2]]);

    // From here on the numbers are required and unique per team.
    await expect(db.rows(sql`insert into custom_prompts (team_id, text, created_at) values (${A}, 'no number', now())`)).rejects.toThrow();
    await expect(db.rows(sql`insert into custom_prompts (team_id, number, text, created_at) values (${A}, 2, 'taken', now())`)).rejects.toThrow();
    await expect(db.rows(sql`insert into schedules (team_id, kind, number, zone, rule) values (${A}, 'prompt', 1, 'UTC', ${rule})`)).rejects.toThrow();
    await db.rows(sql`insert into custom_prompts (team_id, number, text, created_at) values (${B}, 2, 'its own 2', now())`);
  });
});
