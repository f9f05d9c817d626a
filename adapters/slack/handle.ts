// What the Slack adapter keeps in Invocation.handle: the short-lived ids Slack gives with each action.
import type { Invocation } from '../../src/core/port.js';

export interface SlackHandle {
  /** Opens a modal; valid for 3 seconds after the action. */
  triggerId?: string;
  /** Answers privately in place; valid for 30 minutes and 5 uses. */
  responseUrl?: string;
  /** When Slack sent the action (ms since epoch, by the bot's clock), to know whether response_url is fresh. */
  receivedAt: number;
}

export function slackHandle(inv: Invocation): SlackHandle | undefined {
  const h = inv.handle as SlackHandle | undefined;
  return h && typeof h === 'object' && typeof h.receivedAt === 'number' ? h : undefined;
}
