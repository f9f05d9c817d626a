// Set-based statements for fan-outs: many rows travel as one JSON parameter read by jsonb_to_recordset.
// Building thousands of typed VALUES tuples through the query builder cost more CPU than the database spent
// on the rows (10,000 prompts: ~3 s of a replica's time), so the few statements a fan-out repeats use this.
import { sql, type SQL } from 'drizzle-orm';

/** PostgreSQL column types of a recordset, by JSON key (which is also the column name). */
export type Columns = Record<string, 'int' | 'bigint' | 'text' | 'jsonb' | 'timestamptz'>;

/**
 * `jsonb_to_recordset(…) as <alias>(col type, …)`: `rows` as a relation to select, insert or join from.
 * Dates become ISO strings on the way (JSON), which timestamptz columns read back exactly.
 */
export function recordset(rows: readonly Record<string, unknown>[], columns: Columns, alias = 'v'): SQL {
  const shape = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(alias)}(${sql.raw(shape)})`;
}

/** The rows a raw statement returned, whichever driver ran it (postgres.js: an array; PGlite: `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
