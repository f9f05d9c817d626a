// Delivery: sends leased outbox rows through the team's port — channels in parallel, each in order, paced,
// a 429 pausing only what it names, failures retried with backoff, nothing sent twice once accepted.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Bot } from '../core/bot.js';
import { PlatformError } from '../core/errors.js';
import type { ChatPort, Platform } from '../core/port.js';
import { outbox, teams } from '../db/schema/index.js';
import { claimReady, findByKey, type OutboxRow } from './outbox.js';

/** How long a claimed row stays with its replica; SOJUSZ_LEASE_MS shortens it (benchmarks, crash drills). */
export const LEASE_MS = Number(process.env.SOJUSZ_LEASE_MS) > 0 ? Number(process.env.SOJUSZ_LEASE_MS) : 60_000;
const MAX_ATTEMPTS = 8;
const CONCURRENCY = 64;

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** In-process state per bot: pauses named by 429s (scope key → until, ms) and per-channel pacing buckets. */
interface DeliveryState {
  pausedUntil: Map<string, number>;
  buckets: Map<string, { tokens: number; at: number }>;
}
const states = new WeakMap<Bot, DeliveryState>();
function stateOf(bot: Bot): DeliveryState {
  let s = states.get(bot);
  if (!s) states.set(bot, (s = { pausedUntil: new Map(), buckets: new Map() }));
  return s;
}

const scopeKeys = (platform: string, team: string, channel: string) => [`${platform}`, `${platform}:${team}`, `${platform}:${team}:${channel}`];

/** Deliver what is ready now (one claimed batch). `claimed === limit` means there may be more. */
export async function deliverReady(bot: Bot, limit = 500): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  if (bot.stopping) return report;
  const now = bot.clock.now();
  const rows = await bot.db.transaction((tx) => claimReady(tx, bot.instanceId, now, LEASE_MS, limit));
  report.claimed = rows.length;
  if (!rows.length) return report;
  const teamIds = [...new Set(rows.map((r) => r.teamId))];
  const teamRows = await bot.db.select().from(teams).where(inArray(teams.id, teamIds));
  const teamById = new Map(teamRows.map((t) => [t.id, t]));
  const groups = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const g = `${r.teamId}:${channelOf(r)}`;
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  const queue = [...groups.values()];
  const acks: Ack[] = [];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (let i = 0; i < group.length; i++) {
        const row = group[i]!;
        const team = teamById.get(row.teamId)!;
        if (bot.stopping) {
          await release(bot, row, 0);
          report.retried++;
          continue;
        }
        const outcome = await deliverOne(bot, row, team.platform as Platform, team.externalId, acks);
        report[outcome]++;
      }
      // Record what this channel sent before its next messages (threads look up their parent's ref).
      if (acks.length >= 50 || !queue.length) await recordSent(bot, acks.splice(0));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  await recordSent(bot, acks.splice(0));
  return report;
}

/** Deliver until nothing ready is left (or the bot is stopping). */
export async function deliverAll(bot: Bot, limit = 500): Promise<DeliveryReport> {
  const total: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const r = await deliverReady(bot, limit);
    for (const k of Object.keys(total) as (keyof DeliveryReport)[]) total[k] += r[k];
    if (r.claimed < limit || r.sent === 0 || bot.stopping) return total;
  }
}

function channelOf(r: OutboxRow): string {
  return r.target.kind === 'dm' ? `dm:${r.target.member}` : r.target.channel;
}

async function release(bot: Bot, row: OutboxRow, delayMs: number): Promise<void> {
  await bot.db
    .update(outbox)
    .set({ leaseUntil: null, leaseOwner: null, attempts: Math.max(0, row.attempts - 1), notBefore: new Date(bot.clock.now().getTime() + delayMs) })
    .where(eq(outbox.id, row.id));
}

/** Wait for a pacing token for this channel (real time: it is the platform's clock that counts). */
async function pace(bot: Bot, port: ChatPort, key: string): Promise<void> {
  if (!port.pacing) return;
  const { perChannelPerSecond: rate, burst } = port.pacing;
  const s = stateOf(bot);
  for (;;) {
    const now = Date.now();
    const b = s.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    s.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return;
    }
    await new Promise((r) => setTimeout(r, Math.ceil(((1 - b.tokens) / rate) * 1000)));
  }
}

interface Ack {
  id: number;
  key: string;
  ref: { channel: string; id: string; thread?: string };
  at: Date;
}

/** Mark sent rows in one statement. */
async function recordSent(bot: Bot, acks: Ack[]): Promise<void> {
  for (let i = 0; i < acks.length; i += 500) {
    const values = sql.join(
      acks.slice(i, i + 500).map((a) => sql`(${a.id}::bigint, ${JSON.stringify(a.ref)}::jsonb, ${a.at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await bot.db.execute(
      sql`update ${outbox} set status = 'sent', sent_ref = v.ref, sent_at = v.at, lease_until = null from (values ${values}) as v(id, ref, at) where ${outbox.id} = v.id`,
    );
  }
}

async function deliverOne(bot: Bot, row: OutboxRow, platform: Platform, teamExt: string, acks: Ack[]): Promise<'sent' | 'retried' | 'failed'> {
  const port = bot.ports.get(platform);
  const now = () => bot.clock.now();
  if (!port) {
    // This process does not serve that platform (another replica may); leave it for later.
    await release(bot, row, 30_000);
    return 'retried';
  }
  const s = stateOf(bot);
  const channel = channelOf(row);
  const keys = scopeKeys(platform, teamExt, channel);
  // Pauses are on the bot's clock, like not_before, so a moved test clock (or the playground's) lifts them.
  const pausedUntil = Math.max(...keys.map((k) => s.pausedUntil.get(k) ?? 0));
  const nowMs = now().getTime();
  if (pausedUntil > nowMs) {
    await release(bot, row, pausedUntil - nowMs);
    return 'retried';
  }
  try {
    let thread = row.target.kind === 'channel' ? row.target.thread : undefined;
    if (row.target.kind === 'channel' && row.target.threadOfKey) {
      const parentKey = row.target.threadOfKey;
      const justSent = acks.find((a) => a.key === parentKey)?.ref;
      const parent = justSent ? undefined : await findByKey(bot.db, parentKey);
      if (!justSent && (!parent || parent.status === 'cancelled' || parent.status === 'failed')) throw new PlatformError(platform, 'thread_parent_gone', undefined, undefined, false);
      const parentRef = justSent ?? parent!.sentRef;
      if (!parentRef) throw new PlatformError(platform, 'thread_parent_not_sent', undefined, 5);
      thread = parentRef.thread ?? parentRef.id;
    }
    const place = row.target.kind === 'channel' ? { team: teamExt, channel: row.target.channel, thread } : undefined;
    // A row leased before (its owner died or failed) may already be on the platform: ask before resending.
    const maybeSent = row.attempts > 1 && place && port.findSent ? await port.findSent(place, row.key) : undefined;
    if (!maybeSent) await pace(bot, port, keys[2]!);
    const ref =
      maybeSent ??
      (place
        ? await port.post(place, row.message, { key: row.key })
        : await port.direct({ team: teamExt, id: (row.target as { member: string }).member }, row.message, { key: row.key }));
    // Recorded in bulk by the caller; until then the row stays leased, and a crash in between is the
    // "unknown outcome" case that findSent / the Discord nonce resolve without a duplicate.
    acks.push({ id: row.id, key: row.key, ref: { channel: ref.channel, id: ref.id, thread: ref.thread }, at: now() });
    bot.metrics.delivered(platform, now().getTime() - row.notBefore.getTime());
    return 'sent';
  } catch (e) {
    const pe = e instanceof PlatformError ? e : undefined;
    if (pe?.retryAfterSeconds !== undefined) {
      if (pe.code !== 'thread_parent_not_sent') {
        bot.metrics.rateLimited(platform);
        const k = pe.scope === 'global' ? keys[0]! : pe.scope === 'team' ? keys[1]! : keys[2]!;
        s.pausedUntil.set(k, now().getTime() + pe.retryAfterSeconds * 1000);
      }
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
        leaseUntil: null,
        notBefore: new Date(now().getTime() + Math.min(3_600_000, 5000 * 2 ** attempts)),
        lastError: pe?.code ?? (e as Error).name,
      })
      .where(eq(outbox.id, row.id));
    return give ? 'failed' : 'retried';
  }
}
