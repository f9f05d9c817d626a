// Bulk seeding in SQL: teams with a prompt due now, schedules that are not, outbox rows for Discord.
import type { Sql } from 'postgres';

/** Empty the tables the bench writes to (every team-owned row goes with its team). */
export async function reset(sql: Sql): Promise<void> {
  await sql`truncate teams, schedules, occurrences, outbox restart identity cascade`;
}

const RULE = { type: 'weekly', weekday: 1, time: '09:00', every: 1, anchor: '2026-01-05' };

/** `count` Slack teams, each with one 'prompt' schedule for channel C<team id>, due `dueSecondsAgo` ago. */
export async function seedSlackPrompts(sql: Sql, count: number, dueSecondsAgo = 1): Promise<void> {
  await sql`insert into teams (platform, external_id, name) select 'slack', 'T' || g, 'Bench ' || g from generate_series(1, ${count}::int) g`;
  await sql`
    insert into schedules (team_id, kind, zone, rule, next_due_at, payload)
    select id, 'prompt', 'Europe/Warsaw', ${sql.json(RULE)}, now() - make_interval(secs => ${dueSecondsAgo}::int),
           jsonb_build_object('channel', 'C' || id, 'themes', '[]'::jsonb, 'creator', 'U1')
    from teams where platform = 'slack'`;
}

/** `total` prompt schedules over `teams` teams, of which `due` are due now and the rest next month. */
export async function seedMixedSchedules(sql: Sql, teams: number, total: number, due: number): Promise<void> {
  await sql`insert into teams (platform, external_id, name) select 'slack', 'T' || g, 'Bench ' || g from generate_series(1, ${teams}::int) g`;
  await sql`
    insert into schedules (team_id, kind, zone, rule, next_due_at, payload)
    select 1 + (g % ${teams}::int), 'prompt', 'Europe/Warsaw', ${sql.json(RULE)},
           case when g <= ${due}::int then now() - interval '1 minute' else now() + interval '30 days' + make_interval(secs => g) end,
           jsonb_build_object('channel', 'C' || g, 'themes', '[]'::jsonb, 'creator', 'U1')
    from generate_series(1, ${total}::int) g`;
  await sql`analyze schedules`;
}

/** Discord teams (one per guild) and one pending outbox row per channel, ready now. */
export async function seedDiscordOutbox(sql: Sql, guilds: { id: string; channels: string[] }[], message: unknown): Promise<void> {
  for (const g of guilds) {
    const [team] = await sql<{ id: number }[]>`insert into teams (platform, external_id, name) values ('discord', ${g.id}, ${'Bench ' + g.id}) returning id`;
    await sql`
      insert into outbox (team_id, key, target, message, not_before, created_at)
      select ${team!.id}, 'bench:' || c, jsonb_build_object('kind', 'channel', 'channel', c), ${sql.json(message as never)}, now(), now()
      from unnest(${sql.array(g.channels)}::text[]) c`;
  }
}
