// Prometheus metrics (prom-client): counts and latencies only, never personal content or ids.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How a slash command ended: done, a mistake explained to the member, the platform busy in the middle of the answer
 * ("try again in a minute"), the database out of reach (the same request, logged once per outage), or a bug (also
 * counted in sojusz_errors_total, with its reference in the log).
 */
export type CommandOutcome = 'ok' | 'user-error' | 'platform-busy' | 'database-unavailable' | 'bug';

/** The one `command` label of every command the registry does not know: what was typed never becomes a label. */
export const UNKNOWN_COMMAND = 'unknown';

export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({ name: 'sojusz_commands_total', help: 'Slash commands handled, by declared command name and outcome', labelNames: ['command', 'outcome'], registers: [this.registry] });
  readonly errors = new Counter({ name: 'sojusz_errors_total', help: 'Unexpected errors (bugs)', labelNames: ['where'], registers: [this.registry] });
  readonly deliveries = new Histogram({
    name: 'sojusz_delivery_latency_seconds',
    help: 'From due to delivered',
    labelNames: ['platform'],
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 1800],
    registers: [this.registry],
  });
  readonly limited = new Counter({ name: 'sojusz_rate_limited_total', help: 'HTTP 429 answers from platforms', labelNames: ['platform'], registers: [this.registry] });
  readonly unchecked = new Counter({
    name: 'sojusz_delivery_unchecked_resends_total',
    help: 'Messages sent again after an earlier attempt, where the platform offers no way to check whether that attempt arrived',
    labelNames: ['platform'],
    registers: [this.registry],
  });
  readonly busy = new Counter({ name: 'sojusz_commands_busy_total', help: 'Commands answered "busy, try again" because too many were in flight', registers: [this.registry] });
  readonly outboxDepth = new Gauge({ name: 'sojusz_outbox_pending', help: 'Messages due and waiting in the outbox (not those dated later)', registers: [this.registry] });
  readonly outboxAge = new Gauge({ name: 'sojusz_outbox_oldest_seconds', help: 'Age of the oldest waiting message', registers: [this.registry] });

  /** `command`: the declared name (never as typed), or UNKNOWN_COMMAND. Forms and buttons are not counted here. */
  command(command: string, outcome: CommandOutcome): void {
    this.commands.inc({ command, outcome });
  }
  delivered(platform: string, latencyMs: number): void {
    this.deliveries.observe({ platform }, Math.max(0, latencyMs) / 1000);
  }
  rateLimited(platform: string): void {
    this.limited.inc({ platform });
  }
  uncheckedResend(platform: string): void {
    this.unchecked.inc({ platform });
  }
}
