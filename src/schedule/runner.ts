// The metronome: node-cron ticks once a minute (UTC) to claim due schedules; a separate lane delivers the
// outbox, so messages of a large fan-out start going out as soon as the first claimed batch commits. While the database
// is out of reach both lanes wait, and both run the moment it answers again.
import cron from 'node-cron';
import type { Bot } from '../core/bot.js';
import { OUTBOX_READY, tick } from './scheduler.js';
import { deliverAll } from './delivery.js';
import { safeError } from '../log.js';

type Lane = 'tick' | 'deliver';

export class Runner {
  private task?: ReturnType<typeof cron.schedule>;
  private timer?: NodeJS.Timeout;
  private readonly busy: Partial<Record<Lane, Promise<unknown>>> = {};
  /** A kick that arrived while the lane was busy: run once more when it finishes. */
  private readonly again: Partial<Record<Lane, boolean>> = {};
  private stopping = false;
  private unlisten?: Promise<(() => Promise<void>) | undefined>;
  private offOutageEnd?: () => void;

  constructor(private readonly bot: Bot, private readonly deliveryEveryMs = 1000) {}

  start(): void {
    // node-cron only keeps time; all zone and DST maths is ours (src/schedule/occurrence.ts).
    this.task = cron.schedule('* * * * *', () => void this.run('tick', () => tick(this.bot)), { timezone: 'UTC', noOverlap: true });
    this.timer = setInterval(() => void this.run('deliver', () => deliverAll(this.bot)), this.deliveryEveryMs);
    this.bot.onEnqueued = () => void this.run('deliver', () => deliverAll(this.bot));
    // Back from an outage: what fell due meanwhile is claimed now (within its grace window), not at the next minute.
    this.offOutageEnd = this.bot.outages.onEnd(() => {
      void this.run('tick', () => tick(this.bot));
      void this.run('deliver', () => deliverAll(this.bot));
    });
    // Another replica's tick queued messages: start sending them now rather than at our next beat. Listening again
    // after a lost connection, the notices sent meanwhile went unheard: look once.
    this.unlisten = this.bot.database.listen
      ?.(
        OUTBOX_READY,
        () => void this.run('deliver', () => deliverAll(this.bot)),
        () => void this.run('deliver', () => deliverAll(this.bot)),
      )
      .catch((e) => {
        this.bot.log.warn({ error: safeError(e) }, 'cannot listen for queued messages; delivering on the beat only');
        return undefined;
      });
    // On start (also after a restart), claim what is due and send what is waiting without waiting a beat.
    void this.run('tick', () => tick(this.bot));
    void this.run('deliver', () => deliverAll(this.bot));
  }

  private async run(lane: Lane, fn: () => Promise<unknown>): Promise<void> {
    // During an outage every beat would fail the same way: the outage's end runs both lanes.
    if (this.stopping || this.bot.outages.ongoing) return;
    if (this.busy[lane]) {
      this.again[lane] = true;
      return;
    }
    this.busy[lane] = fn()
      .catch((e) => {
        // The database out of reach is logged once for the whole outage, not once per beat.
        if (!this.bot.outages.noticed(e)) this.bot.log.error({ lane, error: safeError(e) }, 'scheduled work failed');
      })
      .finally(() => {
        this.busy[lane] = undefined;
        if (this.again[lane]) {
          this.again[lane] = false;
          void this.run(lane, fn);
        }
      });
    await this.busy[lane];
  }

  /** Stop claiming new work and wait (bounded) for what is in flight; claimed rows not sent are released. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    this.bot.stopping = true;
    await this.task?.stop();
    clearInterval(this.timer);
    this.bot.onEnqueued = undefined;
    this.offOutageEnd?.();
    await (await this.unlisten)?.().catch(() => undefined);
    const inFlight = Object.values(this.busy).filter(Boolean);
    if (inFlight.length) await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, timeoutMs))]);
  }
}
