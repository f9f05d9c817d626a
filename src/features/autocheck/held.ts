// A group-bound topic from /autocheck that may identify a client: held inside the member's own sealed check until
// they edit it, send it as it is or keep it private. It is stored nowhere else meanwhile, and nothing leaves before.
import type { Context } from '../../core/context.js';
import type { Tx } from '../../db/client.js';
import { queueAnonymousTopic } from '../supervision/anon-later.js';
import { checkTopic } from '../supervision/deidentify.js';
import { TOPIC_MAX } from '../supervision/agenda.js';
import type { Answers, GroupDestination } from './forms.js';
import { lockAutocheck, updateAnswers, type Entry } from './store.js';
import { takeToSupervision, type AgendaOutcome } from './supervision.js';

/** How long a held topic waits for its author's choice: after that it simply stays private in the check. */
export const HOLD_MS = 24 * 60 * 60 * 1000;

export const HELD_ACTIONS = { edit: 'autocheck.topic.edit', send: 'autocheck.topic.send', keep: 'autocheck.topic.keep' } as const;

/** A preview button's value and the edit form's state: which check, and which version of its topic was shown. */
export const heldRef = (id: number, version: number): string => `${id}.${version}`;

function parseHeldRef(value: string | undefined): { id: number; version: number } | undefined {
  const m = /^(\d{1,9})\.(\d{1,6})$/.exec(value ?? '');
  return m ? { id: Number(m[1]), version: Number(m[2]) } : undefined;
}

/** What a press (or an edit) on a held topic came to. */
export type HeldOutcome =
  | Exclude<AgendaOutcome, { kind: 'held' }>
  /** A preview for the next version: an edit that still looks identifying. */
  | (Extract<AgendaOutcome, { kind: 'held' }> & { ref: string })
  /** No such check of this member's, or it waited longer than HOLD_MS: it stays private. */
  | { kind: 'gone' }
  /** A preview older than the last edit. */
  | { kind: 'stale' }
  /** Decided before (a second press): `sent` when the topic went to the group. */
  | { kind: 'decided'; sent: boolean };

type Found = { kind: 'open'; entry: Entry; to: GroupDestination; version: number } | Extract<HeldOutcome, { kind: 'gone' | 'stale' | 'decided' }>;

/** The member's held topic behind a button, locked so that of two presses only one decides. */
async function find(ctx: Context, tx: Tx, value: string | undefined): Promise<Found> {
  const ref = parseHeldRef(value);
  const entry = ref && (await lockAutocheck(tx, ctx.bot.secrets, { memberId: ctx.member.id, id: ref.id }));
  if (!entry || !entry.answers.supervision) return { kind: 'gone' };
  const held = entry.answers.held;
  if (!held) return { kind: 'decided', sent: entry.answers.destination === 'named' || entry.answers.destination === 'anonymous' };
  if (entry.createdAt.getTime() + HOLD_MS <= ctx.now.getTime()) return { kind: 'gone' };
  if (held.version !== ref.version) return { kind: 'stale' };
  return { kind: 'open', entry, to: held.to, version: held.version };
}

/** The answers without the hold, sent or kept. */
function decided(a: Answers, destination: Answers['destination']): Answers {
  const { held: _, ...rest } = a;
  return { ...rest, destination };
}

/** The topic as the group would read it, for "Edit"; or why there is nothing to edit. */
export async function heldForEdit(ctx: Context, value: string | undefined): Promise<{ kind: 'open'; text: string; to: GroupDestination } | Exclude<Found, { kind: 'open' }>> {
  return ctx.db.transaction(async (tx) => {
    const f = await find(ctx, tx, value);
    return f.kind === 'open' ? { kind: 'open', text: checkTopic(f.entry.answers.supervision!.slice(0, TOPIC_MAX)).text, to: f.to } : f;
  });
}

/**
 * "Send as it is" (no `edited`): the topic goes where its author meant it, as it is. An edit (`edited`) is checked
 * again: still identifying, it waits as a new version; otherwise it goes. The check keeps the words that went.
 * An anonymous topic takes the usual way (anon-later.ts): queued after this transaction, written minutes later.
 */
export async function sendHeld(ctx: Context, value: string | undefined, edited?: string): Promise<HeldOutcome> {
  const out = await ctx.db.transaction(async (tx): Promise<HeldOutcome> => {
    const f = await find(ctx, tx, value);
    if (f.kind !== 'open') return f;
    const answers: Answers = { ...f.entry.answers, supervision: edited?.trim() || f.entry.answers.supervision };
    const agenda = await takeToSupervision(tx, ctx.bot, {
      team: ctx.team,
      memberExternalId: ctx.inv.member.id,
      answers: { ...answers, destination: f.to },
      now: ctx.now,
      lang: ctx.lang,
      hold: edited !== undefined,
    });
    if (agenda.kind === 'held') {
      const version = f.version + 1;
      await updateAnswers(tx, ctx.bot.secrets, f.entry.id, { ...answers, held: { to: f.to, version } });
      return { ...agenda, ref: heldRef(f.entry.id, version) };
    }
    await updateAnswers(tx, ctx.bot.secrets, f.entry.id, decided(answers, agenda.kind === 'added' ? f.to : 'keep'));
    return agenda;
  });
  if (out.kind === 'added' && out.later) {
    const later = out.later;
    await ctx.db.transaction((tx) => queueAnonymousTopic(tx, ctx.bot, { team: ctx.team, memberExternalId: ctx.inv.member.id, ...later, now: ctx.now }));
  }
  if (out.kind !== 'held') await forget(ctx);
  return out;
}

/** "Keep it private instead": the topic stays only in the check, as if 'keep' had been chosen in the form. */
export async function keepHeld(ctx: Context, value: string | undefined): Promise<HeldOutcome> {
  const out = await ctx.db.transaction(async (tx): Promise<HeldOutcome> => {
    const f = await find(ctx, tx, value);
    if (f.kind !== 'open') return f;
    await updateAnswers(tx, ctx.bot.secrets, f.entry.id, decided(f.entry.answers, 'keep'));
    return { kind: 'kept' };
  });
  await forget(ctx);
  return out;
}

/** An "Edit" form still open may hold the topic under the member's id (Discord keeps form drafts): not after a decision. */
async function forget(ctx: Context): Promise<void> {
  await ctx.port.forgetForms?.({ team: ctx.inv.team, id: ctx.inv.member.id });
}
