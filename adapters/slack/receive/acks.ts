// Acknowledgements still owed on a Socket Mode connection: a stop keeps the WebSocket open until they are sent.
/** Slack waits 3 s for an acknowledgement; past that one owed is lost anyway. */
const ACK_WINDOW_MS = 3_000;

export class OwedAcks {
  private readonly owed = new Set<Promise<void>>();

  /** Note one acknowledgement owed; call what it returns once it is sent (or will never be). */
  owe(): () => void {
    let paid!: () => void;
    const p = new Promise<void>((resolve) => (paid = resolve));
    this.owed.add(p);
    void p.then(() => this.owed.delete(p));
    return paid;
  }

  /** Resolves once none is owed (also those owed meanwhile), or after Slack's window. */
  async paid(withinMs = ACK_WINDOW_MS): Promise<void> {
    const until = Date.now() + withinMs;
    while (this.owed.size && Date.now() < until) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(this.owed), new Promise((resolve) => (timer = setTimeout(resolve, until - Date.now())))]);
      clearTimeout(timer);
    }
  }
}
