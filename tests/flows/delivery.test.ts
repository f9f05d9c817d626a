import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import { message, textBlock } from '../../src/core/message.js';
import type { ChatPort, Place } from '../../src/core/port.js';
import { ensureTeam } from '../../src/core/teams.js';
import { outbox } from '../../src/db/schema/index.js';
import { deliverAll, LEASE_MS } from '../../src/schedule/delivery.js';
import { enqueue } from '../../src/schedule/outbox.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
let teamId: number;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-05-04T07:00:00Z' });
  teamId = (await ensureTeam(tb.bot.db, 'memory', 'T1')).id;
});
afterAll(() => tb.close());

const say = (key: string, channel: string, text = key) =>
  enqueue(tb.bot.db, tb.clock.now(), { teamId, key, target: { kind: 'channel', channel }, message: message(textBlock(text)) });
/** What a feature does to call a waiting message off (a cancelled session's reminder, a closed case's reply). */
const callOff = (key: string) => tb.bot.db.update(outbox).set({ status: 'cancelled' }).where(and(eq(outbox.key, key), eq(outbox.status, 'pending')));

describe('outbox delivery', () => {
  it('a 429 on one channel pauses only that channel; the other channel is delivered at once', async () => {
    const real = tb.mem.post.bind(tb.mem);
    let limited = 0;
    tb.mem.post = async (to: Place, m, o) => {
      if (to.channel === 'busy' && limited++ === 0) throw new PlatformError('memory', 'ratelimited', undefined, 30);
      return real(to, m, o);
    };
    await say('busy-1', 'busy');
    await say('busy-2', 'busy');
    await say('calm-1', 'calm');
    await say('calm-2', 'calm');
    await deliverAll(tb.bot);
    expect(tb.mem.posts('calm').map((p) => p.text)).toEqual(['calm-1', 'calm-2']);
    expect(tb.mem.posts('busy')).toHaveLength(0);
    const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'busy-1'));
    expect(row!.status).toBe('pending');
    expect(row!.notBefore.getTime()).toBeGreaterThanOrEqual(tb.clock.now().getTime() + 29_000);
    // Nothing is lost: after Retry-After both arrive, in order.
    tb.clock.advance(10_000);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('busy')).toHaveLength(0);
    tb.clock.advance(21_000);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('busy').map((p) => p.text)).toEqual(['busy-1', 'busy-2']);
    tb.mem.post = real;
  });

  it('does not send a row its feature cancelled while it waited behind its channel’s pacing', async () => {
    // One message every 3 s in a channel: time enough to call the second off even on a loaded machine (at one a
    // second, a busy CI could see the first post only after the second had gone).
    Object.assign(tb.mem, { pacing: { perChannelPerSecond: 1 / 3, burst: 1 } });
    try {
      await say('paced-1', 'paced');
      await say('paced-2', 'paced');
      const run = deliverAll(tb.bot);
      await expect.poll(() => tb.mem.posts('paced').length).toBe(1);
      await callOff('paced-2'); // e.g. the session it reminded of was called off
      const report = await run;
      expect(tb.mem.posts('paced').map((p) => p.text)).toEqual(['paced-1']);
      expect(tb.mem.said.filter((s) => s.kind === 'remove')).toHaveLength(0); // never posted, so nothing to take down
      expect(report).toMatchObject({ sent: 1, dropped: 1 });
      const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'paced-2'));
      expect(row).toMatchObject({ status: 'cancelled', leaseUntil: null });
    } finally {
      delete (tb.mem as Partial<ChatPort> & { pacing?: unknown }).pacing;
    }
  });

  it('does not send a row cancelled while it waited behind a slow send in its channel', async () => {
    const real = tb.mem.post.bind(tb.mem);
    tb.mem.post = async (to: Place, m, o) => {
      await new Promise((r) => setTimeout(r, 3000)); // the platform takes its time with the first one (and a loaded machine with the rest)
      return real(to, m, o);
    };
    try {
      await say('lagging-1', 'lagging');
      await say('lagging-2', 'lagging');
      const run = deliverAll(tb.bot);
      await new Promise((r) => setTimeout(r, 300));
      await callOff('lagging-2');
      expect(await run).toMatchObject({ sent: 1, dropped: 1 });
      expect(tb.mem.posts('lagging').map((p) => p.text)).toEqual(['lagging-1']);
      expect(tb.mem.said.filter((s) => s.kind === 'remove')).toHaveLength(0);
    } finally {
      tb.mem.post = real;
    }
  });

  it('retries a failed send with backoff and gives up on a channel that is gone, without retrying it', async () => {
    tb.mem.closedChannels.add('gone');
    await say('gone-1', 'gone');
    await tb.bot.runDueWork();
    const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'gone-1'));
    expect(row!.status).toBe('failed');
    expect(row!.lastError).toBe('not_in_channel');
  });

  it('on shutdown stops claiming and releases what it had not sent, for another replica', async () => {
    await say('late-1', 'calm');
    tb.bot.stopping = true;
    const r = await deliverAll(tb.bot);
    expect(r.sent).toBe(0);
    tb.bot.stopping = false;
    const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'late-1'));
    expect(row!.status).toBe('pending');
    expect(row!.leaseUntil).toBeNull();
    // Given back unsent: the next claim is a first attempt again, not a resend.
    expect(row!.attempts).toBe(0);
    expect(row!.firstAttemptAt).toBeNull();
  });

  it('leaves a row whose lease ran out while it waited in the queue to the next claim, and sends it once', async () => {
    const real = tb.mem.post.bind(tb.mem);
    tb.mem.post = async (to: Place, m, o) => {
      // The first message takes longer than a whole lease: the second one's lease expires behind it.
      if (o?.key === 'slow-1') tb.clock.advance(LEASE_MS + 1_000);
      return real(to, m, o);
    };
    await say('slow-1', 'slow');
    await say('slow-2', 'slow');
    const first = await deliverAll(tb.bot);
    expect(tb.mem.posts('slow').map((p) => p.text)).toEqual(['slow-1']);
    expect(first.retried).toBe(1);
    // Given back untried: its first real send is not taken for a resend.
    const [waited] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'slow-2'));
    expect(waited).toMatchObject({ attempts: 0, firstAttemptAt: null, leaseOwner: null });
    tb.mem.post = real;
    await deliverAll(tb.bot);
    expect(tb.mem.posts('slow').map((p) => p.text)).toEqual(['slow-1', 'slow-2']);
  });

  /** As if a replica claimed the row, sent (or not), and died before recording it: the lease has run out. */
  const orphan = (key: string, firstAttemptAgoMs = LEASE_MS + 1_000) =>
    tb.bot.db
      .update(outbox)
      .set({
        attempts: 1,
        leaseOwner: 'dead-replica',
        leaseUntil: new Date(tb.clock.now().getTime() - 1_000),
        firstAttemptAt: new Date(tb.clock.now().getTime() - firstAttemptAgoMs),
      })
      .where(eq(outbox.key, key));
  const uncheckedResends = async () => (await tb.bot.metrics.unchecked.get()).values.find((v) => v.labels.platform === 'memory')?.value ?? 0;

  it('sends a DM again after a replica died mid-send, and counts it where the platform cannot check for a first copy', async () => {
    const before = await uncheckedResends();
    await enqueue(tb.bot.db, tb.clock.now(), { teamId, key: 'dm-orphan', target: { kind: 'dm', member: 'U-ORPHAN' }, message: message(textBlock('dm-orphan')) });
    await orphan('dm-orphan');
    await deliverAll(tb.bot);
    expect(tb.mem.dms('U-ORPHAN').map((d) => d.text)).toEqual(['dm-orphan']);
    expect(await uncheckedResends()).toBe(before + 1);
    const line = tb.logs.find((l) => l.includes('sending again without a way to check for an earlier copy'));
    expect(line).toBeDefined();
    expect(line).not.toContain('U-ORPHAN'); // an id and a count, never who or what
    expect(line).not.toContain('dm-orphan');
  });

  it('trusts a platform that dedupes resends within its window, and counts a resend that comes after it', async () => {
    Object.assign(tb.mem, { idempotentSends: { windowMs: 2 * 60_000 } });
    const dm = (key: string) => enqueue(tb.bot.db, tb.clock.now(), { teamId, key, target: { kind: 'dm', member: 'U-NONCE' }, message: message(textBlock(key)) });
    try {
      const before = await uncheckedResends();
      await dm('dm-soon');
      await orphan('dm-soon', 90_000); // taken over after a lease: the platform still remembers the first send
      await deliverAll(tb.bot);
      expect(await uncheckedResends()).toBe(before);
      await dm('dm-late');
      await orphan('dm-late', 10 * 60_000); // e.g. the only replica came back ten minutes later
      await deliverAll(tb.bot);
      expect(await uncheckedResends()).toBe(before + 1);
      expect(tb.mem.dms('U-NONCE').map((d) => d.text)).toEqual(['dm-soon', 'dm-late']);
      expect(tb.logs.filter((l) => l.includes('sending again without a way to check')).at(-1)).toContain('"sinceFirstAttemptS":600');
    } finally {
      delete (tb.mem as { idempotentSends?: unknown }).idempotentSends;
    }
  });

  it('records the copy an earlier attempt already posted instead of posting twice, and counts nothing', async () => {
    const before = await uncheckedResends();
    const findSent = async (to: Place, key: string) => (key === 'ch-orphan' ? { team: to.team, channel: to.channel, id: 'm-earlier' } : undefined);
    Object.assign(tb.mem, { findSent });
    await say('ch-orphan', 'again');
    await orphan('ch-orphan');
    await deliverAll(tb.bot);
    delete (tb.mem as Partial<ChatPort>).findSent;
    expect(tb.mem.posts('again')).toHaveLength(0);
    const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'ch-orphan'));
    expect(row!.status).toBe('sent');
    expect(row!.sentRef).toMatchObject({ id: 'm-earlier' });
    expect(await uncheckedResends()).toBe(before);
  });

  it('records a sent message within a second, while another channel’s send is still under way', async () => {
    const real = tb.mem.post.bind(tb.mem);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    tb.mem.post = async (to: Place, m, o) => {
      if (to.channel === 'stuck') await gate;
      return real(to, m, o);
    };
    try {
      await say('stuck-1', 'stuck');
      await say('quick-1', 'quick');
      const run = deliverAll(tb.bot);
      // Unrecorded, it would stay leased; past the lease another claim would send it again.
      await expect.poll(async () => (await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'quick-1')))[0]!.status, { timeout: 3_000 }).toBe('sent');
      open();
      await run;
    } finally {
      tb.mem.post = real;
      open();
    }
  });

  it('keeps a channel in order when a send fails and is tried again later', async () => {
    const real = tb.mem.post.bind(tb.mem);
    let failures = 0;
    tb.mem.post = async (to: Place, m, o) => {
      if (o?.key === 'order-1' && failures++ === 0) throw new PlatformError('memory', 'internal_error');
      return real(to, m, o);
    };
    try {
      await say('order-1', 'order');
      await say('order-2', 'order');
      await deliverAll(tb.bot);
      expect(tb.mem.posts('order')).toEqual([]);
      tb.clock.advance(60_000);
      await deliverAll(tb.bot);
      expect(tb.mem.posts('order').map((p) => p.text)).toEqual(['order-1', 'order-2']);
    } finally {
      tb.mem.post = real;
    }
  });

  it('never gives back a row another replica took over after its lease ran out here', async () => {
    const real = tb.mem.post.bind(tb.mem);
    tb.mem.post = async (to: Place, m, o) => {
      if (o?.key === 'taken-1') {
        // This send takes longer than a lease; meanwhile replica B claims the next row of the channel.
        tb.clock.advance(LEASE_MS + 1_000);
        await tb.bot.db.update(outbox).set({ leaseOwner: 'replica-b', leaseUntil: new Date(tb.clock.now().getTime() + LEASE_MS) }).where(eq(outbox.key, 'taken-2'));
        throw new PlatformError('memory', 'internal_error');
      }
      return real(to, m, o);
    };
    try {
      await say('taken-1', 'taken');
      await say('taken-2', 'taken');
      await deliverAll(tb.bot);
      const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, 'taken-2'));
      expect(row!.leaseOwner).toBe('replica-b');
    } finally {
      tb.mem.post = real;
    }
  });
});
