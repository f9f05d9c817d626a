// Incoming events: what adapters turn platform traffic into before the core handles it.
import type { RawValues } from './form.js';
import type { Invocation, MessageRef, Platform } from './port.js';

export type CoreEvent =
  /** A slash command with its arguments as typed text (Slack, web playground). */
  | { kind: 'command'; inv: Invocation; command: string; text: string }
  /** A slash command whose platform already parsed subcommand and options (Discord). */
  | { kind: 'command'; inv: Invocation; command: string; path: string[]; options: Record<string, string | number | boolean> }
  | { kind: 'form'; inv: Invocation; formId: string; values: RawValues; state?: string }
  | { kind: 'button'; inv: Invocation; action: string; value?: string; source?: MessageRef }
  /** A member replied in a thread (counted for follow-ups; the text is never read or stored). */
  | { kind: 'threadReply'; platform: Platform; team: string; channel: string; thread: string; member: string }
  | { kind: 'installed'; platform: Platform; team: string; teamName?: string; installer?: string; locale?: string; systemChannel?: string }
  | { kind: 'uninstalled'; platform: Platform; team: string }
  | { kind: 'joinedChannel'; platform: Platform; team: string; channel: string };
// No event for opening the bot's home (Slack App Home): an adapter that shows one asks bot.home(inv) for its content.

/** What a form submission asks the adapter to do with the open form. */
export type FormOutcome =
  | { kind: 'close' }
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'next'; form: import('./form.js').Form };
