// Admission: how much member-facing work may wait at once, and what has been let in and not finished yet. Past the
// limit a new command is answered at once with a calm "busy, try again" instead of an acknowledgement whose form would
// open only after the platform's few-second window had closed — which the member would see as silence. On a stop,
// what was let in (its acknowledgement already promised an answer) is waited for before anything closes.
import { AsyncLocalStorage } from 'node:async_hooks';
import { inBothLanguages } from '../i18n/index.js';

/** Commands handled at once by one process, unless SOJUSZ_MAX_IN_FLIGHT says otherwise. */
export const DEFAULT_MAX_IN_FLIGHT = 100;

/**
 * One piece of accepted member work (a command, a form submission, a button press), from its arrival to its last
 * answer. Work tracked while it runs is part of it, so a request that hands its work on is one piece, not two.
 */
class Piece {
  private pending = 0;
  finished = false;
  private finish!: () => void;
  readonly done = new Promise<void>((resolve) => (this.finish = resolve));

  add(work: Promise<unknown>): void {
    this.pending++;
    const settled = () => {
      if (--this.pending > 0) return;
      this.finished = true;
      this.finish();
    };
    void work.then(settled, settled);
  }
}

export class Admission {
  private inFlight = 0;
  private readonly running = new Set<Piece>();
  private readonly current = new AsyncLocalStorage<Piece>();

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

  /**
   * Run `work` as accepted member work, which a stop waits for (see settle). Adapters call it where an event enters,
   * before anything is acknowledged; called again inside that work (an HTTP request handing its event to the
   * platform SDK), it joins the same piece.
   */
  track<T>(work: () => Promise<T>): Promise<T> {
    let piece = this.current.getStore();
    if (!piece || piece.finished) {
      const fresh = new Piece();
      this.running.add(fresh);
      void fresh.done.then(() => this.running.delete(fresh));
      piece = fresh;
    }
    // Started at once, inside the piece, so that anything it tracks in turn belongs to it.
    const p = this.current.run(piece, async () => work());
    piece.add(p);
    return p;
  }

  /** Pieces of accepted work not finished yet. */
  get unfinished(): number {
    return this.running.size;
  }

  /**
   * Wait until every piece of accepted work has finished (including any that arrives meanwhile), for at most
   * `withinMs`; resolves with how many are still unfinished then.
   */
  async settle(withinMs: number): Promise<number> {
    const until = Date.now() + withinMs;
    while (this.running.size && Date.now() < until) {
      let timer: NodeJS.Timeout | undefined;
      const out = new Promise<void>((resolve) => (timer = setTimeout(resolve, until - Date.now())));
      await Promise.race([Promise.all([...this.running].map((p) => p.done)), out]);
      clearTimeout(timer);
    }
    return this.running.size;
  }
}

/**
 * The busy answer, in both languages: it is given before the member's language is looked up (looking it up
 * is the work being spared).
 */
export function busyText(): string {
  return inBothLanguages('core.busy');
}

/**
 * What a stopping replica says to a command or a button press that reached it after its stop began (a load balancer
 * takes a few seconds to notice): in both languages, for the same reason as busyText, and nothing was done.
 */
export function restartingText(): string {
  return inBothLanguages('core.restarting');
}
