// Delivery: sends leased outbox rows through the team's port, retries with backoff, honours Retry-After.
import { eq } from 'drizzle-orm';
import type { Bot } from '../core/bot.js';
import { PlatformError } from '../core/errors.js';
import type { Platform } from '../core/port.js';
import { outbox, teams } from '../db/schema/index.js';
import { claimReady, findByKey, type OutboxRow } from './outbox.js';

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Deliver everything ready now; groups by channel so one channel's order holds and channels run in parallel. */
export async function deliverReady(bot: Bot, limit = 500): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const now = bot.clock.now();
  const rows = await bot.db.transaction((tx) => claimReady(tx, bot.instanceId, now, LEASE_MS, limit));
  if (!rows.length) return report;
  const teamIds = [...new Set(rows.map((r) => r.teamId))];
  const teamRows = await Promise.all(teamIds.map((id) => bot.db.select().from(teams).where(eq(teams.id, id)).then((r) => r[0]!)));
  const teamById = new Map(teamRows.map((t) => [t.id, t]));
  const groups = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const g = `${r.teamId}:${r.target.kind === 'dm' ? `dm:${r.target.member}` : r.target.channel}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      for (const row of group) {
        const team = teamById.get(row.teamId)!;
        const outcome = await deliverOne(bot, row, team.platform as Platform, team.externalId);
        report[outcome]++;
      }
    }),
  );
  return report;
}

async function deliverOne(bot: Bot, row: OutboxRow, platform: Platform, teamExt: string): Promise<'sent' | 'retried' | 'failed'> {
  const port = bot.ports.get(platform);
  const now = () => bot.clock.now();
  if (!port) {
    // This process does not serve that platform (another replica may); leave it for later.
    await bot.db.update(outbox).set({ leaseUntil: null, leaseOwner: null, notBefore: new Date(now().getTime() + 30_000) }).where(eq(outbox.id, row.id));
    return 'retried';
  }
  try {
    let thread = row.target.kind === 'channel' ? row.target.thread : undefined;
    if (row.target.kind === 'channel' && row.target.threadOfKey) {
      const parent = await findByKey(bot.db, row.target.threadOfKey);
      if (!parent?.sentRef) throw new PlatformError(platform, 'thread_parent_not_sent', undefined, 5);
      thread = parent.sentRef.thread ?? parent.sentRef.id;
    }
    const place = row.target.kind === 'channel' ? { team: teamExt, channel: row.target.channel, thread } : undefined;
    // A row whose earlier lease expired may have been sent by a process that died: ask before resending.
    const maybeSent = row.attempts > 1 && place && port.findSent ? await port.findSent(place, row.key) : undefined;
    const ref =
      maybeSent ??
      (place
        ? await port.post(place, row.message, { key: row.key })
        : await port.direct({ team: teamExt, id: (row.target as { member: string }).member }, row.message, { key: row.key }));
    await bot.db
      .update(outbox)
      .set({ status: 'sent', sentRef: { channel: ref.channel, id: ref.id, thread: ref.thread }, sentAt: now(), leaseUntil: null })
      .where(eq(outbox.id, row.id));
    bot.metrics.delivered(platform, now().getTime() - row.notBefore.getTime());
    return 'sent';
  } catch (e) {
    const pe = e instanceof PlatformError ? e : undefined;
    if (pe?.retryAfterSeconds !== undefined) {
      bot.metrics.rateLimited(platform);
      await bot.db
        .update(outbox)
        .set({ notBefore: new Date(now().getTime() + pe.retryAfterSeconds * 1000), leaseUntil: null, attempts: row.attempts - 1, lastError: pe.code })
        .where(eq(outbox.id, row.id));
      return 'retried';
    }
    const attempts = row.attempts;
    const give = (pe && !pe.retryable) || attempts >= MAX_ATTEMPTS;
    bot.log.warn({ outbox: row.id, code: pe?.code ?? (e as Error).name, attempts }, give ? 'delivery failed' : 'delivery will retry');
    await bot.db
      .update(outbox)
      .set({
        status: give ? 'failed' : 'pending',
        attempts,
        leaseUntil: null,
        notBefore: new Date(now().getTime() + Math.min(3_600_000, 5000 * 2 ** attempts)),
        lastError: pe?.code ?? (e as Error).name,
      })
      .where(eq(outbox.id, row.id));
    return give ? 'failed' : 'retried';
  }
}
