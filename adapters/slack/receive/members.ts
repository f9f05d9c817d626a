// Who acted: locale and admin status from users.info, cached briefly so each click costs no extra API call.
import type { Invocation } from '../../../src/core/port.js';
import type { Clients } from '../clients.js';
import type { SlackHandle } from '../handle.js';

const TTL_MS = 5 * 60_000;

interface Known {
  locale?: string;
  isAdmin: boolean;
  name?: string;
  at: number;
}

export class Members {
  private readonly cache = new Map<string, Known>();

  constructor(private readonly clients: Clients) {}

  /**
   * Who the member is. With `withinMs`, a slow users.info does not hold the caller past it: the last known answer
   * (even a stale one) or, for someone never seen, "no admin rights, the team's language" stands in, and the lookup
   * still finishes in the background for next time.
   */
  private async lookup(team: string, user: string, withinMs?: number): Promise<Known> {
    const key = `${team}:${user}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit;
    const fresh = this.ask(team, user, key);
    if (withinMs === undefined) return fresh;
    let timer: NodeJS.Timeout | undefined;
    const fallback = new Promise<Known>((resolve) => (timer = setTimeout(() => resolve(hit ?? { isAdmin: false, at: Date.now() }), withinMs)));
    try {
      return await Promise.race([fresh, fallback]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(team: string, user: string, key: string): Promise<Known> {
    try {
      const client = await this.clients.forTeam(team);
      const res = await client.users.info({ user, include_locale: true });
      const u = res.user;
      const known: Known = { locale: u?.locale, isAdmin: Boolean(u?.is_admin || u?.is_owner), name: u?.profile?.display_name || u?.name, at: Date.now() };
      this.cache.set(key, known);
      return known;
    } catch {
      // Without the lookup the member still gets an answer: in the team's language, without admin rights.
      return { isAdmin: false, at: Date.now() };
    }
  }

  /** `withinMs`: how long the member lookup may take at most (see lookup). */
  async invocation(o: { team: string; user: string; channel?: string; thread?: string; teamName?: string; handle: SlackHandle; withinMs?: number }): Promise<Invocation> {
    const k = await this.lookup(o.team, o.user, o.withinMs);
    return {
      platform: 'slack',
      team: o.team,
      ...(o.teamName ? { teamName: o.teamName } : {}),
      member: { id: o.user, ...(k.name ? { name: k.name } : {}), ...(k.locale ? { locale: k.locale } : {}), isAdmin: k.isAdmin },
      ...(o.channel ? { channel: o.channel } : {}),
      ...(o.thread ? { thread: o.thread } : {}),
      handle: o.handle,
    };
  }

  forget(team: string, user: string): void {
    this.cache.delete(`${team}:${user}`);
  }
}
