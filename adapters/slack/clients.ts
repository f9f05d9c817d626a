// One WebClient per workspace, all through SLACK_API_URL; rate limits are reported, never waited out here.
import { webApi } from '@slack/bolt';
import type { DbInstallationStore } from './install/store.js';
import { PlatformError } from '../../src/core/errors.js';
import { pooledFetch } from './transport.js';

export type WebClient = InstanceType<typeof webApi.WebClient>;

export interface ClientOptions {
  slackApiUrl?: string;
  /** Single-workspace mode: the one bot token. */
  botToken?: string;
  /** Multi-workspace mode: tokens come from installations. */
  store?: DbInstallationStore;
  /** How long a workspace's token read from the store is trusted (default one minute). */
  tokenTtlMs?: number;
}

/** One connection pool for every workspace's client in this process. */
let transport: webApi.FetchFunction | undefined;

/** WebClient settings shared by Bolt and the port: our API base, our transport, and 429s handed back to the outbox. */
export function webClientOptions(slackApiUrl?: string) {
  transport ??= pooledFetch();
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    fetch: transport,
    rejectRateLimitedCalls: true,
    // No blind retries: a call that timed out or got a 5xx may have been carried out (posted) already. A request that
    // never reached Slack is tried again by the transport; anything else is the outbox's job, which looks for an
    // earlier copy before sending again.
    retryConfig: { retries: 0 },
    // A call Slack never answers must not hold an admission slot for minutes (undici's own limit is 300 s).
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  };
}

/** Clients kept at once: each WebClient carries its own request queue, so thousands would cost memory. */
const MAX_CLIENTS = 500;

export class Clients {
  /**
   * Team → its token (cheap strings) and until when it is trusted; the clients themselves are shared by token.
   * A reinstall or a revoked token reaches only the replica that received Slack's event: the others read the store
   * again within a minute instead of sending with a dead token until they restart.
   */
  private readonly tokenOf = new Map<string, { token: string; until: number }>();
  private readonly byToken = new Map<string, WebClient>();

  constructor(private readonly o: ClientOptions) {}

  /** One bot token for every workspace (SLACK_BOT_TOKEN, no OAuth): its refusal stops every call, not one team's. */
  get singleToken(): boolean {
    return Boolean(this.o.botToken && !this.o.store);
  }

  async forTeam(team: string): Promise<WebClient> {
    const known = this.tokenOf.get(team);
    let token = known && (known.until > Date.now() || !this.o.store) ? known.token : undefined;
    if (!token) {
      token = this.o.botToken;
      if (this.o.store) token = (await this.o.store.find(team))?.botToken ?? token;
      if (!token) throw new PlatformError('slack', 'not_installed', undefined, undefined, false);
      this.tokenOf.set(team, { token, until: Date.now() + (this.o.tokenTtlMs ?? 60_000) });
    }
    let client = this.byToken.get(token);
    if (client) {
      // Most recently used last, so the oldest is the one to let go.
      this.byToken.delete(token);
    } else {
      client = new webApi.WebClient(token, webClientOptions(this.o.slackApiUrl));
      if (this.byToken.size >= MAX_CLIENTS) this.byToken.delete(this.byToken.keys().next().value!);
    }
    this.byToken.set(token, client);
    return client;
  }

  /** Forget a workspace's client (uninstalled, token revoked). */
  drop(team: string): void {
    const token = this.tokenOf.get(team)?.token;
    this.tokenOf.delete(team);
    if (token && token !== this.o.botToken) this.byToken.delete(token);
  }
}
