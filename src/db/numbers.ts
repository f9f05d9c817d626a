// Per-team and per-member numbers: what members see and type ("#2", "S1", "session 3", "topic 5", "entry 4") instead
// of serial ids, which every team in the database shares (a small group's first schedule would be "#48213").
//
// Taken as the owner's highest number + 1 under a transaction-scoped advisory lock on (table, owner), in the
// transaction that inserts the row: two creates at once for one team (or one member) wait for each other instead of
// taking the same number, and a rolled-back insert leaves no gap. Not the team row's lock: the scheduler numbers
// sessions while holding the schedule rows it claimed, and a command that holds the team row and then touches one of
// those rows would deadlock with it. Only the number is per owner: foreign keys, outbox keys, button values and
// calendar UIDs keep the serial id. Lookups by a number a person typed always go through (owner, number).
import { and, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';

/** A table whose rows a team numbers: its team and number columns. */
export type Numbered = PgTable & { teamId: PgColumn; number: PgColumn };
/** A table whose rows each member numbers for themselves (their supervision hours): its member and number columns. */
export type MemberNumbered = PgTable & { memberId: PgColumn; number: PgColumn };

/**
 * The next number of `table` in a team (`within` narrows the sequence, e.g. one schedule kind). Holds the team's
 * numbering lock for that table until the transaction ends, so call it right before the insert, in the same transaction.
 */
export function nextTeamNumber(tx: Tx, table: Numbered, teamId: number, within?: SQL): Promise<number> {
  return nextNumber(tx, table, table.teamId, teamId, within);
}

/** The next number of `table` for one member; as nextTeamNumber, right before the insert, in its transaction. */
export function nextMemberNumber(tx: Tx, table: MemberNumbered, memberId: number): Promise<number> {
  return nextNumber(tx, table, table.memberId, memberId);
}

async function nextNumber(tx: Tx, table: PgTable & { number: PgColumn }, owner: PgColumn, ownerId: number, within?: SQL): Promise<number> {
  // A team's lock keeps the name it has always had; any other owner's is named by its column as well, so a member's
  // lock is never the one of a team whose id happens to be the same.
  const name = `numbers:${getTableName(table)}${owner.name === 'team_id' ? '' : `:${owner.name}`}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}), ${ownerId}::int)`);
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${table.number}), 0) + 1` })
    .from(table as PgTable)
    .where(and(eq(owner, ownerId), within));
  return Number(row!.next);
}
