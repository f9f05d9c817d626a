// Searches every column of every table in the public schema, as text, for a string: "is this stored anywhere?".
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

function rowsOf(r: unknown): Record<string, unknown>[] {
  return (Array.isArray(r) ? r : (r as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}

/** Distinct 'table.column' names whose value, cast to text, contains `needle` (case-insensitive), sorted. */
export async function findInDatabase(db: Db, needle: string): Promise<string[]> {
  const cols = rowsOf(
    await db.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`),
  ) as { table_name: string; column_name: string }[];
  const hits: string[] = [];
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  for (const c of cols) {
    const q = `select 1 from ${ident(c.table_name)} where ${ident(c.column_name)}::text ilike `;
    const found = rowsOf(await db.execute(sql`${sql.raw(q)}${pattern} limit 1`));
    if (found.length) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits.sort();
}
