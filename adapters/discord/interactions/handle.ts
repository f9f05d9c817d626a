// The state of one interaction while the core handles it (kept in Invocation.handle): how it was acknowledged and how to answer.
import type { APIInteractionResponse } from 'discord.js';

/** Discord keeps an interaction token for 15 minutes; after that private answers go by DM. */
export const TOKEN_LIFE_MS = 15 * 60_000;

/** How the interaction was first answered: 'deferredUpdate' (type 6) and 'updated' (type 7) keep @original the clicked message. */
export type Ack = 'none' | 'deferred' | 'deferredUpdate' | 'updated' | 'modal' | 'pong' | 'answered';

export interface InteractionHandle {
  id: string;
  token: string;
  applicationId: string;
  /** 2 command, 3 component, 5 modal submit. */
  type: number;
  receivedAt: number;
  /** The client's locale ("pl", "en-GB"): which command names the member's Discord offers. */
  locale?: string;
  /** The interaction came from a message (component, or modal opened by one): a deferred update is allowed. */
  fromMessage: boolean;
  /** Sent from a DM (no server): buttons in answers must name their server themselves. */
  inDm: boolean;
  /**
   * A click on an ephemeral message (a private preview): only this interaction can change that message (Discord
   * answers 10008 to PATCH /channels/…/messages/… for it), through @original — so it is acknowledged as an update
   * (type 6 or 7), never with a new message (4 or 5) that would become @original, and private answers are follow-ups.
   */
  onEphemeral: boolean;
  ack: Ack;
  /**
   * HTTP interactions: a private answer ready before the deferral goes out as the response itself. Discord takes
   * the response a moment after our side has sent it, and an edit of a "thinking…" placeholder that gets there
   * first is refused (10015); an answer that is the response cannot be overtaken.
   */
  answerInResponse: boolean;
  /**
   * A confirm pressed on our private question before a step that cannot be undone (see interactions/confirm.ts): the
   * first private answer takes the question's place, so its buttons cannot be pressed twice. Cleared once it has.
   */
  replacesQuestion: boolean;
  /** The deferred "thinking…" response has been replaced by a real answer (set once Discord accepted the edit). */
  originalFilled: boolean;
  /** The first response: an HTTP callback POST (gateway) or the HTTP response body (HTTP interactions). */
  respond(body: APIInteractionResponse): Promise<void>;
  /** Serializes answers so a timed defer and a handler's reply never race. */
  queue: Promise<unknown>;
}

/** Run `fn` after every earlier step on the same interaction. */
export function serially<T>(h: InteractionHandle, fn: () => Promise<T>): Promise<T> {
  const next = h.queue.then(fn, fn);
  h.queue = next.catch(() => undefined);
  return next;
}

export function isHandle(x: unknown): x is InteractionHandle {
  return Boolean(x && typeof x === 'object' && 'token' in x && 'respond' in x);
}

/** Acknowledge with a deferred private answer (or a silent deferred update on a message) unless already acknowledged. */
export function ensureAcked(h: InteractionHandle, mode: 'private' | 'update' = 'private'): Promise<void> {
  return serially(h, async () => {
    if (h.ack !== 'none') return;
    if (mode === 'update' && h.fromMessage) {
      h.ack = 'deferredUpdate';
      await h.respond({ type: 6 });
    } else {
      h.ack = 'deferred';
      await h.respond({ type: 5, data: { flags: 64 } });
    }
  });
}
