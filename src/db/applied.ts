// Which migrations a start applied, by name: drizzle records only each one's hash and journal time, so the rows it
// holds before and after migrate() are compared and named from migrations/meta/_journal.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** The journal times of the migrations recorded in this database (none in a bare one). */
export async function recordedMigrations(db: Db): Promise<Set<number>> {
  const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const [table] = rows(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  if (!table?.present) return new Set();
  // bigint: a string from postgres.js, a number or bigint from PGlite.
  return new Set(rows(await db.execute(sql`select created_at from drizzle.__drizzle_migrations`)).map((r) => Number(r.created_at)));
}

/** The names (journal tags, e.g. `0017_member_days`) of the migrations recorded in `after` but not in `before`. */
export function newlyApplied(folder: string, before: Set<number>, after: Set<number>): string[] {
  const journal = JSON.parse(readFileSync(resolve(folder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
  const tags = new Map(journal.entries.map((e) => [e.when, e.tag]));
  return [...after]
    .filter((when) => !before.has(when))
    .sort((a, b) => a - b)
    .map((when) => tags.get(when) ?? String(when));
}
