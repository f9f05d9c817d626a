// A workspace's installation that could not be read (the database out of reach, or a bug): the member still hears
// from the bot — without a token — and an Events API delivery is refused so that Slack sends it again.
import type { AnyMiddlewareArgs, AuthorizeResult, HTTPModuleFunctions, InstallationQuery, Middleware } from '@slack/bolt';
import type { Bot } from '../../../src/core/bot.js';
import { UNKNOWN_COMMAND, type CommandOutcome } from '../../../src/core/metrics.js';
import { findCommand } from '../../../src/core/registry.js';
import { inBothLanguages, type MessageKey } from '../../../src/i18n/index.js';
import { safeError } from '../../../src/log.js';
import { actionOf } from '../render/blocks.js';
import { decodeMetadata } from '../render/modal.js';
import { NotInstalled } from './store.js';

/** The context key under which a failed lookup reaches the middleware below. */
const FAILED = 'sojuszInstallationUnread';

interface Failure {
  /** The database out of reach (logged once by bot.outages), rather than a bug. */
  unreachable: boolean;
  error: unknown;
}

/** Thrown for an Events API delivery whose lookup failed: the receiver refuses it (see refuseEvent*). */
export class LookupFailed extends Error {
  constructor(unreachable: boolean) {
    super(unreachable ? 'the database cannot be reached' : 'the installation could not be read');
    this.name = 'LookupFailed';
  }
}

/** Whether a Bolt error is a LookupFailed, as Bolt passes it on (wrapped in its AuthorizationError). */
export function isLookupFailed(e: unknown): boolean {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 3; x = (x as { original?: unknown }).original, depth++) if (x instanceof LookupFailed) return true;
  return false;
}

/**
 * The installer's own authorize, made to tell its failures apart. Bolt takes that function as it is and refuses an
 * `authorize` option beside OAuth options, so it is wrapped here before Bolt is built. A workspace with no
 * installation still fails as before (Bolt calls no listener); any other failure of a command, an interaction or a
 * submission is handed on in the context (no token), for `answerUnread` to answer; an event's is thrown as
 * LookupFailed, since Bolt acknowledges events before any middleware runs.
 */
export function guardAuthorize(bot: Bot, authorize: (source: InstallationQuery<boolean>) => Promise<AuthorizeResult>) {
  return async (source: InstallationQuery<boolean>, body?: AnyMiddlewareArgs['body']): Promise<AuthorizeResult> => {
    try {
      return await authorize(source);
    } catch (e) {
      const cause = (e as { original?: unknown }).original ?? e;
      if (cause instanceof NotInstalled) throw e;
      // Logged once for the whole outage by bot.outages, never here per request.
      const unreachable = bot.outages.noticed(cause);
      if ((body as { type?: string } | undefined)?.type === 'event_callback') {
        if (!unreachable) bot.log.error({ adapter: 'slack', error: safeError(cause) }, 'a workspace installation could not be read: the event is refused for Slack to send again');
        throw new LookupFailed(unreachable);
      }
      const failure: Failure = { unreachable, error: cause };
      return { teamId: source.teamId, enterpriseId: source.enterpriseId, [FAILED]: failure };
    }
  };
}

/** Both languages: the member's own is kept in the database that could not be read. */

interface Body {
  type?: string;
  command?: string;
  actions?: { action_id: string }[];
  view?: { private_metadata?: string; blocks?: { type: string; block_id?: string }[]; state?: { values?: Record<string, unknown> } };
}

/**
 * Global middleware: answers a command, a form submission or a button press whose installation could not be read, as
 * the core answers its own failures (core.databaseDown, or core.bug with a logged reference), and runs no listener.
 * A command is answered in its acknowledgement and a submission keeps its modal open with the words on its first
 * field, neither needing a token; a press is answered on its response_url. A press on the App Home tab comes without
 * one and answering it would need the token: it is only acknowledged.
 */
export function answerUnread(bot: Bot): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const failure = args.context[FAILED] as Failure | undefined;
    if (!failure) return args.next();
    const body = args.body as Body;
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    const respond = (args as { respond?: (message: unknown) => Promise<unknown> }).respond;
    /** The words for this failure; a bug is counted and logged as the core does (Bot.reportBug). */
    const words = (where: string, down: MessageKey): { text: string; outcome: Exclude<CommandOutcome, 'ok' | 'user-error' | 'platform-busy'> } => {
      if (failure.unreachable) return { text: inBothLanguages(down), outcome: 'database-unavailable' };
      return { text: inBothLanguages('core.bug', { ref: bot.reportBug(failure.error, where) }), outcome: 'bug' };
    };

    if (typeof body.command === 'string') {
      const name = findCommand(bot.registry, body.command.replace(/^\//, ''))?.name ?? UNKNOWN_COMMAND;
      const { text, outcome } = words(`command:${name}`, 'core.databaseDown');
      bot.metrics.command(name, outcome);
      await ack?.({ response_type: 'ephemeral', text });
      return;
    }
    if (body.type === 'view_submission') {
      const first = body.view?.blocks?.find((b) => b.type === 'input' && b.block_id)?.block_id ?? Object.keys(body.view?.state?.values ?? {})[0];
      const { text } = words(`form:${decodeMetadata(body.view?.private_metadata)?.f ?? 'unknown'}`, 'core.databaseDownForm');
      // Kept open even for a bug: what the member typed (a case's text) is not lost with the modal.
      await ack?.(first ? { response_action: 'errors', errors: { [first]: text } } : undefined);
      return;
    }
    await ack?.();
    if (body.type === 'block_actions') {
      const { text } = words(`button:${actionOf(body.actions?.[0]?.action_id ?? 'unknown')}`, 'core.databaseDown');
      await respond?.({ response_type: 'ephemeral', replace_original: false, text }).catch((e) => bot.log.warn({ adapter: 'slack', error: safeError(e) }, 'could not answer a press'));
    }
  };
}

/**
 * Over HTTP: an event whose lookup failed gets 503, and Slack sends it again (at once, after a minute, after five);
 * its handlers never ran, so the resend is not taken for one already seen.
 */
export function refuseEventOverHttp(otherwise: typeof HTTPModuleFunctions.defaultProcessEventErrorHandler): typeof HTTPModuleFunctions.defaultProcessEventErrorHandler {
  return async (args) => {
    if (!isLookupFailed(args.error)) return otherwise(args);
    if (!args.response.headersSent) args.response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '60' }).end(JSON.stringify({ ok: false }));
    // Answered: Bolt's "not acknowledged within 3 seconds" must not follow.
    return true;
  };
}
