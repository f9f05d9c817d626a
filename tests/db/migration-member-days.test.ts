// Migration 0017 cuts the members' first-contact and first-use-note times back to their day (midnight UTC), on a
// database with members already in it, and makes the column's default a day too. PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, olderInstall } from '../helpers/migrations.js';

const db = olderInstall(16);

const iso = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());

describe('migration 0017 (members keep only days)', () => {
  it('keeps only the day of existing members’ first contact and first-use note, and of new ones', async () => {
    await db.migrateOlder();
    const [team] = await db.rows<{ id: number }>(sql`insert into teams (platform, external_id) values ('slack', 'T1') returning id`);
    await db.rows(sql`insert into members (team_id, external_id, created_at, privacy_note_shown_at)
      values (${team!.id}, 'U1', '2026-03-02T10:17:23.456Z', '2026-03-02T10:17:23.456Z'),
             (${team!.id}, 'U2', '2026-03-01T23:59:59.999Z', null)`);

    await db.migrate(MIGRATIONS);

    const rows = await db.rows<{ external_id: string; created_at: unknown; privacy_note_shown_at: unknown }>(
      sql`select external_id, created_at, privacy_note_shown_at from members order by external_id`,
    );
    expect(rows.map((r) => [r.external_id, iso(r.created_at), iso(r.privacy_note_shown_at)])).toEqual([
      ['U1', '2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['U2', '2026-03-01T00:00:00.000Z', null],
    ]);
    // A row written without a time (the default) keeps only its day as well.
    const [fresh] = await db.rows<{ created_at: unknown }>(sql`insert into members (team_id, external_id) values (${team!.id}, 'U3') returning created_at`);
    expect(iso(fresh!.created_at)).toMatch(/T00:00:00\.000Z$/);
  });
});
