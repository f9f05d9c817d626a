// Admission: how much member-facing work may wait at once. Past the limit a new command is answered at once
// with a calm "busy, try again" instead of an acknowledgement whose form would open only after the platform's
// few-second window had closed — which the member would see as silence.
import { tx } from '../i18n/index.js';

/** Commands handled at once by one process, unless SOJUSZ_MAX_IN_FLIGHT says otherwise. */
export const DEFAULT_MAX_IN_FLIGHT = 100;

export class Admission {
  private inFlight = 0;

  /** `onBusy` counts each command turned away (sojusz_commands_busy_total). */
  constructor(
    readonly limit = DEFAULT_MAX_IN_FLIGHT,
    private readonly onBusy: () => void = () => {},
  ) {}

  /** Take a place for one command; false when full (answer with `busyText`, change nothing). */
  tryEnter(): boolean {
    if (this.inFlight >= this.limit) {
      this.onBusy();
      return false;
    }
    this.inFlight++;
    return true;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Run `work` holding a place taken by tryEnter. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.leave();
    }
  }
}

/**
 * The busy answer, in both languages: it is given before the member's language is looked up (looking it up
 * is the work being spared).
 */
export function busyText(): string {
  return `${tx('pl', 'core.busy')}\n${tx('en', 'core.busy')}`;
}
