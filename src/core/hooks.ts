// Reactions to platform events other than commands: thread replies, install, channel joins, home tab.
import type { Bot } from './bot.js';
import type { Context } from './context.js';
import type { CoreEvent } from './events.js';
import type { Block } from './message.js';

type Ev<K extends CoreEvent['kind']> = Extract<CoreEvent, { kind: K }>;

export interface Hooks {
  /** Once when the app starts (before the scheduler runs): idempotent set-up such as system schedules. */
  onStart?(bot: Bot): Promise<void>;
  onThreadReply?(bot: Bot, ev: Ev<'threadReply'>): Promise<void>;
  onInstalled?(bot: Bot, ev: Ev<'installed'>): Promise<void>;
  onUninstalled?(bot: Bot, ev: Ev<'uninstalled'>): Promise<void>;
  onJoinedChannel?(bot: Bot, ev: Ev<'joinedChannel'>): Promise<void>;
  /** Blocks this feature adds to the member's home view (Slack App Home, playground side panel). */
  home?(ctx: Context): Promise<Block[]>;
}
