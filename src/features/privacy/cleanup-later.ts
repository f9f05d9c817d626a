// Platform clean-up an erasure owes, done later and spread out: several cases (or replies in several threads)
// closing in the same minute would tell the group they had one author. Each piece waits in a one-off schedule of
// its own, due at a random moment in the next hours; it carries only message references and the closed notice, or the
// case it is to close then, never the member or the text.
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { isPlatformBusy } from '../../core/errors.js';
import type { Message } from '../../core/message.js';
import type { ChatPort, MessageRef } from '../../core/port.js';
import { portOf, teamLang, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { schedules } from '../../db/schema/index.js';
import { MINUTE } from '../../schedule/clock.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { payloadFor, payloadOf, scheduleKindName } from '../../schedule/payload.js';
import { localDate, onceRule } from '../../schedule/occurrence.js';
import { closeForErasure } from '../cases/close.js';

/** Each piece is due this many minutes after the erasure, drawn at random and independently. */
export const CLEANUP_DELAY_MINUTES: readonly [number, number] = [5, 6 * 60];
/** A piece whose process died mid-way is done again this long after it started (edits and removals repeat harmlessly). */
export const CLEANUP_RETRY_MS = 15 * MINUTE;
const ATTEMPTS = 3;

type Ref = Omit<MessageRef, 'team'>;

const isEmpty = (w: Cleanup) => !w.edits.length && !w.removals.length && w.closeCase === undefined;

/** What one piece does on the platform: messages rewritten (a closed case's post, its reports) and messages removed. */
export type Cleanup = {
  edits: { ref: Ref; message: Message }[];
  removals: Ref[];
  /**
   * A case (row id) an erasure withdrew while its post was in the channel: it is closed only when its piece runs, and
   * its post, replies and reports are then what this piece edits and removes. Until then it answers everyone as any
   * open case does, so the group cannot see which cases closed together.
   */
  closeCase?: number;
};

/** A piece as it waits: its work, and which try this is (1 to ATTEMPTS). */
type Piece = Cleanup & { attempt: number };

export const CLEANUP_LATER = scheduleKindName<Piece>()('cleanup-later');

/**
 * Queue one piece, due at its own random moment (or after `delayMs`: what a withdrawal could not do at once). Inside
 * the erasure's transaction: a rollback queues nothing.
 */
export async function queueCleanup(tx: Tx, team: Pick<Team, 'id' | 'zone'>, now: Date, work: Cleanup, delayMs?: number): Promise<void> {
  if (isEmpty(work)) return;
  const [min, max] = CLEANUP_DELAY_MINUTES;
  await insertPiece(tx, team, new Date(now.getTime() + (delayMs ?? randomInt(min * 60, max * 60 + 1) * 1000)), work, 1);
}

async function insertPiece(tx: Tx, team: Pick<Team, 'id' | 'zone'>, due: Date, work: Cleanup, attempt: number): Promise<number> {
  const [row] = await tx
    .insert(schedules)
    .values({
      teamId: team.id,
      kind: CLEANUP_LATER,
      zone: team.zone,
      rule: onceRule(due, team.zone),
      nextDueAt: due,
      payload: payloadFor(CLEANUP_LATER, { ...work, attempt }),
      // Not the moment of the erasure: several pieces of one erasure must not share it.
      createdAt: new Date(Math.floor(due.getTime() / 86_400_000) * 86_400_000),
    })
    .returning({ id: schedules.id });
  return row!.id;
}

/**
 * Edit and remove, each best effort: a message someone already deleted is not a reason to stop. Returns what is
 * worth trying again (the platform was busy or out of reach).
 */
export async function performCleanup(bot: Bot, port: ChatPort, team: string, work: Cleanup): Promise<Cleanup> {
  const again: Cleanup = { edits: [], removals: [] };
  let failed = 0;
  for (const e of work.edits) {
    await port.update({ team, ...e.ref }, e.message).catch((err: unknown) => {
      failed++;
      if (isPlatformBusy(err)) again.edits.push(e);
    });
  }
  for (const r of work.removals) {
    await port.remove({ team, ...r }).catch((err: unknown) => {
      failed++;
      if (isPlatformBusy(err)) again.removals.push(r);
    });
  }
  if (failed) bot.log.warn({ edits: work.edits.length, removals: work.removals.length, failed, again: again.edits.length + again.removals.length }, 'an erasure’s clean-up could not reach every message');
  return again;
}

export const cleanupLaterKind: ScheduleKind = {
  kind: CLEANUP_LATER,
  hidden: true,
  // However late (downtime), the clean-up is still owed.
  graceMs: Number.POSITIVE_INFINITY,
  next: () => null,
  async fire({ tx, bot, schedule, team, now, afterCommit }) {
    const { attempt = 1, ...waiting } = payloadOf(schedule, CLEANUP_LATER);
    await tx.delete(schedules).where(eq(schedules.id, schedule.id));
    const port = portOf(bot, team);
    if (!port) {
      // This process does not serve the team's platform (another replica may): the piece waits for one that does,
      // with its case still open, so the case never looks closed while its post is unchanged.
      await insertPiece(tx, team, new Date(now.getTime() + CLEANUP_RETRY_MS), waiting, attempt);
      return;
    }
    const { closeCase, ...work } = waiting;
    if (closeCase !== undefined) {
      const closed = await closeForErasure(tx, closeCase, teamLang(team), localDate(now, 'UTC'));
      work.edits = [...work.edits, ...closed.edits];
      work.removals = [...work.removals, ...closed.removals];
    }
    // A retry waits in case this process dies before the platform calls are done, or the platform is busy; done,
    // it goes (or keeps only what is worth trying again).
    const retry = attempt < ATTEMPTS ? await insertPiece(tx, team, new Date(now.getTime() + CLEANUP_RETRY_MS), work, attempt + 1) : undefined;
    afterCommit(async () => {
      const again = await performCleanup(bot, port, team.externalId, work);
      if (retry === undefined) return;
      if (isEmpty(again)) await bot.db.delete(schedules).where(eq(schedules.id, retry));
      else await bot.db.update(schedules).set({ payload: payloadFor(CLEANUP_LATER, { ...again, attempt: attempt + 1 }) }).where(eq(schedules.id, retry));
    });
  },
};
