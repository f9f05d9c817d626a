import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { safeError } from '../../src/log.js';
import { testDatabase } from '../helpers/db.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const CASE_TEXT = 'Pani K. (43) z Radomia przerwała terapię po sesji o ojcu';

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('the query was expected to fail');
}

describe('error log lines', () => {
  it('name the failed query and the database code, never the parameters it carried', async () => {
    const e = await failure(() => database.db.execute(sql`select ${CASE_TEXT}::int as n`));
    // The raw error repeats the member's text twice: in the query error and in the driver's cause.
    expect(`${(e as Error).message} ${String((e as Error).cause)}`).toContain('Radomia');
    const line = JSON.stringify(safeError(e));
    expect(line).not.toContain('Radomia');
    expect(line).not.toContain('ojcu');
    expect(line).toContain('select $1::int as n');
    expect(line).toContain('22P02'); // invalid_text_representation: enough to find the bug
  });

  it('keep the frames of the stack, so the bug can be found', () => {
    const s = safeError(new Error('boom'));
    expect(s.message).toBe('boom');
    expect(s.stack).toMatch(/^\s+at /);
  });
});
