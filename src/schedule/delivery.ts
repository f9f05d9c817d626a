// Delivery: sends leased outbox rows through the team's port — channels in parallel, each in order (paced where the
// port declares `pacing`), a 429 pausing only what it names, failures retried with backoff, nothing sent twice once accepted.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Bot } from '../core/bot.js';
import { PlatformError } from '../core/errors.js';
import type { ChatPort, MessageRef, Place, Platform } from '../core/port.js';
import { recordset, rowsOf } from '../db/bulk.js';
import { outbox, teams } from '../db/schema/index.js';
import { claimReady, findByKey, type OutboxRow } from './outbox.js';
import { safeError } from '../log.js';
import { leaseMsFrom } from '../config.js';

/** How long a claimed row stays with its replica; SOJUSZ_LEASE_MS shortens it (benchmarks, crash drills). */
export const LEASE_MS = leaseMsFrom(process.env);
const MAX_ATTEMPTS = 8;
const CONCURRENCY = 64;

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Cancelled by their feature while they waited in this pipeline: never sent. */
  dropped: number;
}

/** The longest a sent row waits to be recorded as sent (they are recorded in bulk). */
const ACK_FLUSH_MS = 1000;

/** A row that waited longer than this in the pipeline (behind its channel's pacing) is looked at again first. */
const RECHECK_AFTER_MS = 1000;

/**
 * In-process state per bot: pauses named by 429s (scope key → until, ms), per-channel pacing buckets, and messages
 * sent whose "sent" could not be recorded because the database was out of reach (the next pipeline records them first).
 */
interface DeliveryState {
  pausedUntil: Map<string, number>;
  buckets: Map<string, { tokens: number; at: number }>;
  unrecorded: Ack[];
}
const states = new WeakMap<Bot, DeliveryState>();
function stateOf(bot: Bot): DeliveryState {
  let s = states.get(bot);
  if (!s) states.set(bot, (s = { pausedUntil: new Map(), buckets: new Map(), unrecorded: [] }));
  return s;
}

const scopeKeys = (platform: string, team: string, channel: string) => [`${platform}`, `${platform}:${team}`, `${platform}:${team}:${channel}`];

/**
 * Deliver until nothing ready is left (or the bot is stopping), as one continuous pipeline: 64 workers take
 * channels from a queue that is topped up by a new claim while the last one is still being sent, so no
 * channel waits on a batch boundary. A channel's rows stay with one worker, in order, across claims.
 */
export async function deliverAll(bot: Bot, limit = 500): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0, dropped: 0 };
  if (bot.stopping) return report;
  const teamById = new Map<number, typeof teams.$inferSelect>();
  /** Channel → its claimed rows no worker has taken yet; `active` channels are with a worker. */
  const waiting = new Map<string, OutboxRow[]>();
  const active = new Map<string, OutboxRow[]>();
  let waitingRows = 0;
  let more = true;
  let claiming: Promise<void> | undefined;
  let failure: unknown;
  const acks = new AckBuffer(bot);
  // Sent before the database went away: recorded before anything is claimed, so none of them goes out again.
  if (acks.carried) await acks.flush();

  /** When each row was last seen not cancelled: claimed or checked (real time: it measures how long it waited here). */
  const checkedAt = new Map<number, number>();
  /**
   * Rows a feature cancelled while they waited here (a session called off) leave the queue unsent: checked for
   * every row still waiting once per claim, in one query, and before sending one that waited long.
   */
  const dropCancelled = async () => {
    const ids = [...waiting.values()].flat().map((r) => r.id);
    if (!ids.length) return;
    const at = Date.now();
    const cancelled = new Set((await bot.db.select({ id: outbox.id }).from(outbox).where(and(inArray(outbox.id, ids), eq(outbox.status, 'cancelled')))).map((r) => r.id));
    // Workers kept taking channels while we asked: only rows still waiting now are answered by this check.
    const gone: number[] = [];
    for (const [g, list] of waiting) {
      for (const r of list) if (!cancelled.has(r.id)) checkedAt.set(r.id, at);
      const keep = list.filter((r) => !cancelled.has(r.id));
      gone.push(...list.filter((r) => cancelled.has(r.id)).map((r) => r.id));
      waitingRows -= list.length - keep.length;
      if (keep.length) waiting.set(g, keep);
      else waiting.delete(g);
    }
    if (!gone.length) return;
    report.dropped += gone.length;
    await unlease(bot, gone);
  };

  const claim = async () => {
    const rows = await bot.db.transaction((tx) => claimReady(tx, bot.instanceId, bot.clock.now(), LEASE_MS, limit, [...bot.ports.keys()]));
    const at = Date.now();
    for (const r of rows) checkedAt.set(r.id, at);
    if (waitingRows) await dropCancelled();
    report.claimed += rows.length;
    more = rows.length === limit;
    const unknown = [...new Set(rows.map((r) => r.teamId))].filter((id) => !teamById.has(id));
    if (unknown.length) for (const t of await bot.db.select().from(teams).where(inArray(teams.id, unknown))) teamById.set(t.id, t);
    for (const r of rows) {
      const g = `${r.teamId}:${channelOf(r)}`;
      const busy = active.get(g);
      if (busy) {
        busy.push(r); // its worker sends it after the ones before
        continue;
      }
      const list = waiting.get(g);
      if (list) list.push(r);
      else waiting.set(g, [r]);
      waitingRows++;
    }
  };
  /** Claim more while half a claim is still waiting; one claim at a time. Undefined: nothing to wait for. */
  const topUp = () => {
    if (claiming) return claiming;
    if (!more || bot.stopping || waitingRows >= limit / 2) return undefined;
    claiming = claim()
      .catch((e) => {
        more = false;
        failure = e;
      })
      .finally(() => (claiming = undefined));
    return claiming;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (!waiting.size) {
        const c = topUp();
        if (!c) return;
        await c;
        continue;
      }
      const [g, group] = waiting.entries().next().value as [string, OutboxRow[]];
      waiting.delete(g);
      waitingRows -= group.length;
      active.set(g, group);
      void topUp();
      // The list may grow while we send (a later claim's rows for this channel): they follow in order.
      for (let i = 0; i < group.length; i++) {
        if (bot.stopping) {
          await release(bot, group.slice(i));
          report.retried += group.length - i;
          break;
        }
        const row = group[i]!;
        const team = teamById.get(row.teamId)!;
        const { outcome, retryInMs } = await deliverOne(bot, row, team.platform as Platform, team.externalId, acks, checkedAt.get(row.id) ?? Date.now(), i > 0);
        report[outcome]++;
        checkedAt.delete(row.id);
        if (retryInMs !== undefined) {
          // The rest of the channel waits with it, so that nothing overtakes it (also rows a claim adds meanwhile).
          for (let rest = group.splice(i + 1); rest.length; rest = group.splice(i + 1)) {
            await release(bot, rest, retryInMs);
            report.retried += rest.length;
            for (const r of rest) checkedAt.delete(r.id);
          }
        }
      }
      active.delete(g);
    }
  };
  try {
    await topUp();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (waiting.size) {
      // Stopping: rows claimed but never started go back for another replica.
      const left = [...waiting.values()].flat();
      await release(bot, left);
      report.retried += left.length;
    }
  } finally {
    // Whatever happened, what was sent is recorded (a crash here is the case findSent and the nonce cover).
    await acks.flush();
  }
  if (failure) throw failure;
  return report;
}

/** Cancelled rows taken out of the pipeline: their lease ends now (they are never claimed again anyway). */
async function unlease(bot: Bot, ids: number[]): Promise<void> {
  await bot.db.update(outbox).set({ leaseUntil: null, leaseOwner: null }).where(inArray(outbox.id, ids));
}

/** Still to be sent: false once its feature cancelled it. */
async function stillWanted(bot: Bot, row: OutboxRow): Promise<boolean> {
  const [r] = await bot.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, row.id));
  return r?.status !== 'cancelled';
}

function channelOf(r: OutboxRow): string {
  return r.target.kind === 'dm' ? `dm:${r.target.member}` : r.target.channel;
}

/**
 * Give claimed rows back (the claim's attempt is not counted): on shutdown as they were, or after `delayMs`
 * (a pause or a platform this process does not serve), behind what is ready now. Only rows still leased to this
 * process: one whose lease ran out while it waited here may be another replica's now, on its way out.
 */
async function release(bot: Bot, rows: OutboxRow[], delayMs?: number): Promise<void> {
  if (!rows.length) return;
  await bot.db
    .update(outbox)
    .set({ ...untried(), ...(delayMs === undefined ? {} : { notBefore: new Date(bot.clock.now().getTime() + delayMs) }) })
    .where(and(inArray(outbox.id, rows.map((r) => r.id)), eq(outbox.leaseOwner, bot.instanceId)));
}

/** A claimed row given back as if never claimed: no lease, and the claim's attempt (and first-attempt time) undone. */
const untried = () => ({
  leaseUntil: null,
  leaseOwner: null,
  attempts: sql`greatest(${outbox.attempts} - 1, 0)`,
  firstAttemptAt: sql`case when ${outbox.attempts} <= 1 then null else ${outbox.firstAttemptAt} end`,
});

/**
 * Wait for a pacing token for this channel (real time: it is the platform's clock that counts). True when it had
 * to wait: the row sat behind its channel, long enough for its feature to have called it off.
 */
async function pace(bot: Bot, port: ChatPort, key: string): Promise<boolean> {
  if (!port.pacing) return false;
  let waited = false;
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
      return waited;
    }
    waited = true;
    await new Promise((r) => setTimeout(r, Math.ceil(((1 - b.tokens) / rate) * 1000)));
  }
}

/** What a sent row keeps of its message: nothing. */
const SENT_MESSAGE = JSON.stringify({ blocks: [] });

interface Ack {
  id: number;
  key: string;
  ref: { channel: string; id: string; thread?: string; more?: string[]; direct?: boolean };
  at: Date;
  /** Where the message went, to take it down again if its row was cancelled while it was on its way. */
  platform: Platform;
  team: string;
}

/**
 * Sent rows waiting to be marked "sent" in one statement. Until the mark commits, a thread reply finds its
 * parent's reference here; a crash in between is the "unknown outcome" case that findSent and the Discord
 * nonce resolve without a duplicate.
 */
class AckBuffer {
  private pending: Ack[] = [];
  /** Key → ref of every ack not yet committed (including one being written now). */
  private readonly refs = new Map<string, Ack['ref']>();
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** Taken over from a pipeline that could not record them (the database was out of reach). */
  readonly carried: number;

  constructor(private readonly bot: Bot) {
    const left = stateOf(bot).unrecorded.splice(0);
    for (const a of left) this.add(a);
    this.carried = left.length;
  }

  add(ack: Ack): void {
    this.pending.push(ack);
    this.refs.set(ack.key, ack.ref);
    if (this.pending.length >= 200) void this.flush();
    // Never long unrecorded: a sent row stays leased until then, and a lease that runs out (a slow channel holding the
    // pipeline) would let another claim send it again.
    else this.timer ??= setTimeout(() => void this.flush(), ACK_FLUSH_MS);
  }

  /** The reference of a message this pipeline sent and has not recorded yet. */
  refOf(key: string): Ack['ref'] | undefined {
    return this.refs.get(key);
  }

  /** Write what is pending (after any write already under way); resolves when all of it is committed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    this.writing = this.writing.then(async () => {
      if (!batch.length) return;
      let late: Ack[];
      try {
        const rows = batch.map((a) => ({ id: a.id, ref: a.ref, at: a.at }));
        // A leased row is still 'pending', so its feature may cancel it while the message is on its way (a session
        // called off mid-send). Such a row stays cancelled — the feature has already refreshed what it saw as
        // sent — and keeps the reference of the copy that went out anyway, which is taken down below.
        // Once on the platform, the copy is no longer needed (edits render afresh): the row keeps no member text.
        const cancelled = rowsOf<{ id: number | string }>(
          await this.bot.db.execute(
            sql`with marked as (update ${outbox} set status = case when ${outbox.status} = 'cancelled' then 'cancelled' else 'sent' end, sent_ref = v.ref, sent_at = v.at, lease_until = null, message = ${SENT_MESSAGE}::jsonb from ${recordset(rows, { id: 'bigint', ref: 'jsonb', at: 'timestamptz' })} where ${outbox.id} = v.id returning ${outbox.id} as id, ${outbox.status} as status) select id from marked where status = 'cancelled'`,
          ),
        );
        const ids = new Set(cancelled.map((r) => Number(r.id)));
        late = batch.filter((a) => ids.has(a.id));
        for (const a of batch) this.refs.delete(a.key);
      } catch (e) {
        // The database out of reach (logged once by Outages): kept, still known here as sent, and recorded by the
        // next pipeline before it claims anything — else they would be sent again once their lease ran out.
        if (this.bot.outages.noticed(e)) {
          stateOf(this.bot).unrecorded.push(...batch);
          return;
        }
        // The rows stay leased; when the lease ends they are resent, and findSent / the nonce catch the repeat.
        this.bot.log.error({ rows: batch.length, error: safeError(e) }, 'could not record sent messages');
        return;
      }
      for (const a of late) await this.takeDown(a);
    });
    return this.writing;
  }

  /** A message whose row was cancelled while it was being sent: off the platform, so no stale buttons stay live. */
  private async takeDown(a: Ack): Promise<void> {
    const port = this.bot.ports.get(a.platform);
    try {
      if (!port) throw new PlatformError(a.platform, 'no_port');
      await port.remove({ team: a.team, ...a.ref });
      this.bot.log.info({ outbox: a.id }, 'removed a message cancelled while it was being sent');
    } catch (e) {
      this.bot.log.warn({ outbox: a.id, error: safeError(e) }, 'could not remove a message cancelled while it was being sent');
    }
  }
}

/**
 * Before sending a row again: the message an earlier attempt already posted, found on the platform (Slack:
 * history by metadata). Where the platform dedupes by itself (Discord's nonce) nothing needs checking; where
 * it can neither (e.g. Slack DMs: reading them would need another scope), the resend is counted and logged.
 */
async function earlierCopy(bot: Bot, port: ChatPort, row: OutboxRow, place: Place | undefined): Promise<MessageRef | undefined> {
  if (place && port.findSent) return port.findSent(place, row.key);
  const sinceFirstMs = bot.clock.now().getTime() - (row.firstAttemptAt ?? row.notBefore).getTime();
  // After a long backoff or a restart much later, the platform's dedupe may have forgotten the first send.
  if (!port.idempotentSends || sinceFirstMs > port.idempotentSends.windowMs) {
    bot.metrics.uncheckedResend(port.platform);
    bot.log.warn(
      { outbox: row.id, platform: port.platform, attempts: row.attempts, sinceFirstAttemptS: Math.round(sinceFirstMs / 1000) },
      'sending again without a way to check for an earlier copy',
    );
  }
  return undefined;
}

/** What became of one row; a row to be tried again later says in how long, so the rest of its channel waits too. */
interface Delivered {
  outcome: 'sent' | 'retried' | 'failed' | 'dropped';
  retryInMs?: number;
}

async function deliverOne(bot: Bot, row: OutboxRow, platform: Platform, teamExt: string, acks: AckBuffer, checkedAt: number, behind: boolean): Promise<Delivered> {
  const port = bot.ports.get(platform);
  const now = () => bot.clock.now();
  if (!port) {
    // This process does not serve that platform (another replica may); leave it for later.
    await release(bot, [row], 30_000);
    return { outcome: 'retried', retryInMs: 30_000 };
  }
  const s = stateOf(bot);
  const channel = channelOf(row);
  const keys = scopeKeys(platform, teamExt, channel);
  // Pauses are on the bot's clock, like not_before, so a moved test clock (or the playground's) lifts them.
  const pausedUntil = Math.max(...keys.map((k) => s.pausedUntil.get(k) ?? 0));
  const nowMs = now().getTime();
  // Sent already by this pipeline (claimed again before its "sent" was recorded): nothing to do.
  if (acks.refOf(row.key)) return { outcome: 'sent' };
  // Waited so long in this pipeline that the lease ran out: another replica may hold the row now. If it is still
  // ours, it goes back untried (its attempt not counted, so its first send is not taken for a resend).
  if (row.leaseUntil && row.leaseUntil.getTime() <= nowMs) {
    await bot.db
      .update(outbox)
      .set(untried())
      .where(and(eq(outbox.id, row.id), eq(outbox.leaseOwner, bot.instanceId), eq(outbox.leaseUntil, row.leaseUntil)));
    return { outcome: 'retried' };
  }
  if (pausedUntil > nowMs) {
    await release(bot, [row], pausedUntil - nowMs);
    return { outcome: 'retried', retryInMs: pausedUntil - nowMs };
  }
  try {
    let thread = row.target.kind === 'channel' ? row.target.thread : undefined;
    if (row.target.kind === 'channel' && row.target.threadOfKey) {
      const parentKey = row.target.threadOfKey;
      const justSent = acks.refOf(parentKey);
      const parent = justSent ? undefined : await findByKey(bot.db, parentKey);
      if (!justSent && (!parent || parent.status === 'cancelled' || parent.status === 'failed')) throw new PlatformError(platform, 'thread_parent_gone', undefined, undefined, false);
      const parentRef = justSent ?? parent!.sentRef;
      if (!parentRef) throw new PlatformError(platform, 'thread_parent_not_sent', undefined, 5);
      thread = parentRef.thread ?? parentRef.id;
    }
    const place = row.target.kind === 'channel' ? { team: teamExt, channel: row.target.channel, thread } : undefined;
    // A row leased before (its owner died or failed) may already be on the platform: ask before resending.
    const maybeSent = row.attempts > 1 ? await earlierCopy(bot, port, row, place) : undefined;
    const paced = maybeSent ? false : await pace(bot, port, keys[2]!);
    // Waited behind its channel (earlier rows' sends, or pacing) long enough for its feature to have called it off
    // meanwhile. Only then: a fan-out (one message per channel) never waits so, and a query per row would cost it
    // more than the send.
    if (!maybeSent && (paced || behind) && Date.now() - checkedAt > RECHECK_AFTER_MS && !(await stillWanted(bot, row))) {
      await unlease(bot, [row.id]);
      return { outcome: 'dropped' };
    }
    const ref =
      maybeSent ??
      (place
        ? await port.post(place, row.message, { key: row.key })
        : await port.direct({ team: teamExt, id: (row.target as { member: string }).member }, row.message, { key: row.key }));
    // Recorded in bulk (AckBuffer); until then the row stays leased.
    acks.add({ id: row.id, key: row.key, ref: { channel: ref.channel, id: ref.id, thread: ref.thread, ...(ref.more ? { more: ref.more } : {}), ...(ref.direct ? { direct: true } : {}) }, at: now(), platform, team: teamExt });
    bot.metrics.delivered(platform, now().getTime() - row.notBefore.getTime());
    return { outcome: 'sent' };
  } catch (e) {
    const pe = e instanceof PlatformError ? e : undefined;
    // The updates below touch the row only while it is still leased to this process (see release).
    if (pe?.retryAfterSeconds !== undefined) {
      if (pe.code !== 'thread_parent_not_sent') {
        bot.metrics.rateLimited(platform);
        const k = pe.scope === 'global' ? keys[0]! : pe.scope === 'team' ? keys[1]! : keys[2]!;
        s.pausedUntil.set(k, now().getTime() + pe.retryAfterSeconds * 1000);
      }
      await bot.db
        .update(outbox)
        .set({
          notBefore: new Date(now().getTime() + pe.retryAfterSeconds * 1000),
          leaseUntil: null,
          // Refused before sending: this attempt does not count, nor its time if it was the first.
          attempts: row.attempts - 1,
          ...(row.attempts <= 1 ? { firstAttemptAt: null } : {}),
          lastError: pe.code,
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.leaseOwner, bot.instanceId)));
      return { outcome: 'retried', retryInMs: pe.retryAfterSeconds * 1000 };
    }
    const attempts = row.attempts;
    const backoffMs = Math.min(3_600_000, 5000 * 2 ** attempts);
    const give = (pe && !pe.retryable) || attempts >= MAX_ATTEMPTS;
    bot.log.warn({ outbox: row.id, code: pe?.code ?? (e as Error).name, attempts }, give ? 'delivery failed' : 'delivery will retry');
    // Refused for good (not merely out of attempts): the feature that queued it hears of it, with the row's mark.
    const told = pe?.gone && !pe.retryable ? bot.registry.scheduleKinds.find((k) => k.undelivered && row.key.startsWith(k.undelivered.keyPrefix))?.undelivered : undefined;
    await bot.db.transaction(async (tx) => {
      const [marked] = await tx
        .update(outbox)
        .set({
          // Cancelled while this attempt was under way: it stays cancelled rather than coming back for another try.
          status: sql`case when ${outbox.status} = 'cancelled' then 'cancelled' else ${give ? 'failed' : 'pending'} end`,
          leaseUntil: null,
          notBefore: new Date(now().getTime() + backoffMs),
          lastError: pe?.code ?? (e as Error).name,
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.leaseOwner, bot.instanceId)))
        .returning({ status: outbox.status });
      if (!told || marked?.status !== 'failed') return;
      // In a savepoint: a feature's bug must not leave the row leased (and so sent again when the lease ends).
      await tx
        .transaction((sp) => told.handle({ bot, tx: sp as unknown as typeof tx, key: row.key, code: pe!.code, gone: pe!.gone!, why: pe!.why, now: now() }))
        .catch((err) => bot.log.error({ outbox: row.id, error: safeError(err) }, 'the feature could not handle an undeliverable message'));
    });
    return give ? { outcome: 'failed' } : { outcome: 'retried', retryInMs: backoffMs };
  }
}
