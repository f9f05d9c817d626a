// Migration 0020 lets an hours entry be marked removed instead of deleted: entries an install already has stay counted,
// and a removed one keeps its number from every later entry of its member. PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, olderInstall } from '../helpers/migrations.js';

const db = olderInstall(19);

describe('migration 0020 (removed hours entries)', () => {
  it('leaves existing entries counted, and a removed entry’s number taken', async () => {
    await db.migrateOlder();
    const [team] = await db.rows<{ id: number }>(sql`insert into teams (platform, external_id) values ('slack', 'TA') returning id`);
    const [ann] = await db.rows<{ id: number }>(sql`insert into members (team_id, external_id) values (${team!.id}, 'U_ANN') returning id`);
    const insert = (number: number) =>
      db.rows(sql`insert into supervision_hours (team_id, member_id, number, date, hours, kind, created_at) values (${team!.id}, ${ann!.id}, ${number}, '2026-03-02', 1, 'group', now())`);
    await insert(1);
    await insert(2);

    await db.migrate(MIGRATIONS);

    expect(await db.rows(sql`select number, removed_at from supervision_hours order by number`)).toEqual([
      { number: 1, removed_at: null },
      { number: 2, removed_at: null },
    ]);
    await db.rows(sql`update supervision_hours set removed_at = now() where number = 2`);
    await expect(insert(2)).rejects.toThrow();
  });
});
