// Migration 0018 numbers the supervision hours an existing install already has, per member in the order the member
// reads them (date, then creation), on a database with entries of several members in two teams (adding the column
// NOT NULL at once would fail there). PGlite, or PostgreSQL when TEST_DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, olderInstall } from '../helpers/migrations.js';

const db = olderInstall(17);

describe('migration 0018 (per-member entry numbers)', () => {
  it('numbers existing hours per member by date, then by creation, and keeps the numbers unique from then on', async () => {
    await db.migrateOlder();
    const [a, b] = await db.rows<{ id: number }>(sql`insert into teams (platform, external_id) values ('slack', 'TA'), ('slack', 'TB') returning id`);
    const [ann, bob] = await db.rows<{ id: number }>(sql`insert into members (team_id, external_id) values (${a!.id}, 'U_ANN'), (${a!.id}, 'U_BOB') returning id`);
    const [cid] = await db.rows<{ id: number }>(sql`insert into members (team_id, external_id) values (${b!.id}, 'U_CID') returning id`);
    const who = new Map([[ann!.id, 'ann'], [bob!.id, 'bob'], [cid!.id, 'cid']]);
    const team = new Map([[ann!.id, a!.id], [bob!.id, a!.id], [cid!.id, b!.id]]);
    // Interleaved as a busy database has them, and logged out of date order (a late entry for an old supervision).
    const logged: [number, string][] = [
      [ann!.id, '2026-03-02'],
      [bob!.id, '2026-02-10'],
      [cid!.id, '2026-03-01'],
      [ann!.id, '2026-01-15'],
      [ann!.id, '2026-03-02'],
      [bob!.id, '2026-02-01'],
      [ann!.id, '2026-02-20'],
    ];
    for (const [member, date] of logged) {
      await db.rows(sql`insert into supervision_hours (team_id, member_id, date, hours, kind, created_at) values (${team.get(member)!}, ${member}, ${date}, 1, 'group', now())`);
    }

    await db.migrate(MIGRATIONS);

    const rows = await db.rows<{ member_id: number; date: string; number: number }>(sql`select member_id, date, number from supervision_hours order by id`);
    expect(rows.map((r) => [who.get(r.member_id), r.date, r.number])).toEqual([
      ['ann', '2026-03-02', 3],
      ['bob', '2026-02-10', 2],
      ['cid', '2026-03-01', 1],
      ['ann', '2026-01-15', 1],
      ['ann', '2026-03-02', 4],
      ['bob', '2026-02-01', 1],
      ['ann', '2026-02-20', 2],
    ]);

    // From here on the number is required and unique per member (another member's 1 is theirs).
    const insert = (member: number, number: number | null) =>
      db.rows(sql`insert into supervision_hours (team_id, member_id, number, date, hours, kind, created_at) values (${team.get(member)!}, ${member}, ${number}, '2026-03-02', 1, 'group', now())`);
    await expect(insert(ann!.id, null)).rejects.toThrow();
    await expect(insert(ann!.id, 4)).rejects.toThrow();
    await insert(cid!.id, 2);
    await insert(ann!.id, 5);
  });
});
