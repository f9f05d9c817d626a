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

  it('keep no line of a parameter that looks like a stack frame, in the error or its cause', async () => {
    const text = `${CASE_TEXT}.\n    at the end of the session Jan Kowalski cried (really:1:2)`;
    const e = await failure(() => database.db.execute(sql`select ${text}::int as n`));
    const line = JSON.stringify(safeError(e));
    expect(line).not.toContain('Kowalski');
    expect(line).not.toContain('Radomia');
    expect(safeError(e).stack).toMatch(/^\s+at /); // the real frames stay
  });

  it('blank what a parser quotes from its input, even when nothing wrapped the error', () => {
    let e: unknown;
    try {
      JSON.parse('Jan Kowalski z Radomia');
    } catch (x) {
      e = x;
    }
    expect(String((e as Error).message)).toContain('Kowals'); // what V8 says on its own
    expect(JSON.stringify(safeError(e))).not.toContain('Kowals');
  });

  it('keep the frames of the stack, so the bug can be found', () => {
    const s = safeError(new Error('boom'));
    expect(s.message).toBe('boom');
    expect(s.stack).toMatch(/^\s+at /);
  });
});
