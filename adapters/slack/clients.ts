// One WebClient per workspace, all through SLACK_API_URL; rate limits are reported, never waited out here.
import { webApi } from '@slack/bolt';
import type { DbInstallationStore } from './install/store.js';
import { PlatformError } from '../../src/core/errors.js';

export type WebClient = InstanceType<typeof webApi.WebClient>;

export interface ClientOptions {
  slackApiUrl?: string;
  /** Single-workspace mode: the one bot token. */
  botToken?: string;
  /** Multi-workspace mode: tokens come from installations. */
  store?: DbInstallationStore;
}

/** WebClient settings shared by Bolt and the port: our API base, and 429s handed back to the outbox. */
export function webClientOptions(slackApiUrl?: string) {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    // Network hiccups are retried briefly; anything longer is the outbox's job, with its own backoff.
    retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
    logLevel: webApi.LogLevel.ERROR,
  };
}

export class Clients {
  private readonly byTeam = new Map<string, WebClient>();

  constructor(private readonly o: ClientOptions) {}

  async forTeam(team: string): Promise<WebClient> {
    const cached = this.byTeam.get(team);
    if (cached) return cached;
    let token = this.o.botToken;
    if (this.o.store) token = (await this.o.store.find(team))?.botToken ?? token;
    if (!token) throw new PlatformError('slack', 'not_installed', undefined, undefined, false);
    const client = new webApi.WebClient(token, webClientOptions(this.o.slackApiUrl));
    this.byTeam.set(team, client);
    return client;
  }

  /** Forget a workspace's client (uninstalled, token revoked). */
  drop(team: string): void {
    this.byTeam.delete(team);
  }
}
