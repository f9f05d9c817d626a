// Migration 0019 drops limit_counters, the table of a second rate-limit mechanism nothing used (the real daily limits
// are case_counters): an install that has rows in it keeps none of them. PGlite, or PostgreSQL when TEST_DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, olderInstall } from '../helpers/migrations.js';

const db = olderInstall(18);

describe('migration 0019 (no limit_counters)', () => {
  it('drops the unused limit_counters table with whatever it held, and leaves the real case counters', async () => {
    await db.migrateOlder();
    await db.rows(sql`insert into limit_counters (key, count, resets_at) values (${'ab'.repeat(32)}, 2, now())`);

    await db.migrate(MIGRATIONS);

    const tables = await db.rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public'`);
    const names = tables.map((t) => t.name);
    expect(names).not.toContain('limit_counters');
    expect(names).toContain('case_counters');
  });
});
