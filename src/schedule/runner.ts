// The metronome: node-cron ticks once a minute (UTC) to claim due schedules; a short loop delivers the outbox.
import cron from 'node-cron';
import type { Bot } from '../core/bot.js';
import { tick } from './scheduler.js';
import { deliverAll } from './delivery.js';

export class Runner {
  private task?: ReturnType<typeof cron.schedule>;
  private timer?: NodeJS.Timeout;
  private busy?: Promise<unknown>;
  private stopping = false;

  constructor(private readonly bot: Bot, private readonly deliveryEveryMs = 1000) {}

  start(): void {
    // node-cron only keeps time; all zone and DST maths is ours (src/schedule/occurrence.ts).
    this.task = cron.schedule('* * * * *', () => void this.run(() => tick(this.bot)), { timezone: 'UTC', noOverlap: true });
    this.timer = setInterval(() => void this.run(() => deliverAll(this.bot)), this.deliveryEveryMs);
    this.bot.onEnqueued = () => void this.run(() => deliverAll(this.bot));
    void this.run(() => tick(this.bot));
  }

  private async run(fn: () => Promise<unknown>): Promise<void> {
    if (this.stopping || this.busy) return;
    this.busy = fn()
      .catch((e) => this.bot.log.error({ err: { message: (e as Error).message } }, 'scheduled work failed'))
      .finally(() => (this.busy = undefined));
    await this.busy;
  }

  /** Stop claiming new work and wait (bounded) for what is in flight; leases left behind expire. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    this.bot.stopping = true;
    await this.task?.stop();
    clearInterval(this.timer);
    this.bot.onEnqueued = undefined;
    if (this.busy) await Promise.race([this.busy, new Promise((r) => setTimeout(r, timeoutMs))]);
  }
}
