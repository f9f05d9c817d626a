// Discord interactions → core events, the same for gateway and HTTP mode: commands, buttons (and the questions of those that ask first), modal steps, field errors.
import { busyText, restartingText } from '../../../src/core/admission.js';
import type { Bot } from '../../../src/core/bot.js';
import type { CoreEvent, FormOutcome } from '../../../src/core/events.js';
import { message, noteBlock, textBlock, type Message } from '../../../src/core/message.js';
import type { Invocation } from '../../../src/core/port.js';
import { findCommand } from '../../../src/core/registry.js';
import { FormWindowPassed } from '../../../src/core/errors.js';
import { t, tx, type Lang } from '../../../src/i18n/index.js';
import { discordName, registryPath, OptionType } from '../commands/build.js';
import { createDraft, dropDraft, loadDraft, markSent, saveDraft, wasSent, type Draft } from '../forms/drafts.js';
import { DiscordPort, MODAL_PREFIX } from '../port.js';
import { parseCustomId } from '../render/message.js';
import { formSteps, modalValues, nextStep, renderModal, toRawValues } from '../render/modal.js';
import { ask, closeQuestion, keep, KEEP } from './confirm.js';
import { ensureAcked, type InteractionHandle } from './handle.js';

const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;
const EPHEMERAL = 64;
const THREAD_TYPES = new Set([10, 11, 12]);
export const CONTINUE = 'dc:next';
export const REOPEN = 'dc:reopen';

/** A raw interaction as Discord sends it (gateway dispatch or HTTP body). */
export type RawInteraction = Record<string, any>;

export interface DispatchOptions {
  bot: Bot;
  port: DiscordPort;
  /** Acknowledge (defer) when the handler has not answered by then; Discord allows 3 s. */
  deferAfterMs?: number;
  /** HTTP interactions: a private answer ready in time is the response itself (see InteractionHandle.answerInResponse). */
  answerInResponse?: boolean;
}

function invocation(raw: RawInteraction, handle: InteractionHandle): Invocation {
  const user = raw.member?.user ?? raw.user ?? {};
  const perms = BigInt(raw.member?.permissions ?? '0');
  const inThread = THREAD_TYPES.has(raw.channel?.type);
  return {
    platform: 'discord',
    team: raw.guild_id ?? 'dm',
    member: { id: user.id, name: user.global_name ?? user.username, locale: raw.locale, isAdmin: (perms & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n },
    channel: inThread ? (raw.channel.parent_id ?? raw.channel_id) : raw.channel_id,
    thread: inThread ? raw.channel_id : undefined,
    handle,
  };
}

/** Subcommand path and options from Discord's nested option objects. */
export function commandArgs(options: RawInteraction[] | undefined): { path: string[]; options: Record<string, string | number | boolean> } {
  const path: string[] = [];
  const out: Record<string, string | number | boolean> = {};
  let level = options ?? [];
  for (;;) {
    const sub = level.find((o) => o.type === OptionType.SubCommand || o.type === OptionType.SubCommandGroup);
    if (!sub) break;
    path.push(sub.name);
    level = sub.options ?? [];
  }
  for (const o of level) out[o.name] = o.value;
  return { path, options: out };
}

export function makeHandle(raw: RawInteraction, respond: InteractionHandle['respond'], answerInResponse = false): InteractionHandle {
  return {
    id: raw.id,
    token: raw.token,
    applicationId: raw.application_id,
    type: raw.type,
    receivedAt: Date.now(),
    locale: typeof raw.locale === 'string' ? raw.locale : undefined,
    fromMessage: Boolean(raw.message),
    inDm: !raw.guild_id,
    onEphemeral: raw.type === 3 && (Number(raw.message?.flags ?? 0) & EPHEMERAL) !== 0,
    ack: 'none',
    answerInResponse,
    replacesQuestion: false,
    originalFilled: false,
    respond,
    queue: Promise.resolve(),
  };
}

/** Handle one interaction; every path acknowledges it exactly once. A stop waits for it (Admission.track). */
export function dispatchInteraction(o: DispatchOptions, raw: RawInteraction, respond: InteractionHandle['respond']): Promise<void> {
  return o.bot.admission.track(() => dispatchTracked(o, raw, respond));
}

async function dispatchTracked(o: DispatchOptions, raw: RawInteraction, respond: InteractionHandle['respond']): Promise<void> {
  if (raw.type === 1) return respond({ type: 1 });
  // Stopping (over HTTP it reached this replica before the load balancer noticed): a command or a press is answered
  // privately, nothing done. A form part is still taken: what the member wrote could not be kept otherwise.
  if (o.bot.stopping && (raw.type === 2 || raw.type === 3)) return respond({ type: 4, data: { content: restartingText(), flags: 64, allowed_mentions: { parse: [] } } });
  if (raw.type === 2) {
    // Too much already waiting: a private "busy, try again" now, instead of a form that could open too late.
    if (!o.bot.admission.tryEnter()) return respond({ type: 4, data: { content: busyText(), flags: 64, allowed_mentions: { parse: [] } } });
    return o.bot.admission.hold(() => dispatchAdmitted(o, raw, respond));
  }
  return dispatchAdmitted(o, raw, respond);
}

async function dispatchAdmitted(o: DispatchOptions, raw: RawInteraction, respond: InteractionHandle['respond']): Promise<void> {
  const h = makeHandle(raw, respond, o.answerInResponse);
  const inv = invocation(raw, h);
  o.port.sawLocale(inv.member.id, raw.locale);
  // A modal opened by our Continue or Reopen is acknowledged like a click on that message, so the message stays the
  // one its last part can close (see onModal).
  const mode = raw.type === 3 || (raw.type === 5 && formButtonOn(raw.message) !== undefined) ? 'update' : 'private';
  const timer = setTimeout(() => void ensureAcked(h, mode).catch(() => undefined), o.deferAfterMs ?? 2000);
  try {
    // A click in a DM carries no server; our DM buttons name theirs, believed only for someone in that server.
    if (!raw.guild_id && raw.type === 3) {
      const named = parseCustomId(String(raw.data?.custom_id ?? '')).team;
      const member = named ? await o.port.isMember(named, inv.member.id) : false;
      // Discord could not say (a hiccup): ask to press again rather than act for no server.
      if (member === undefined) return await o.port.answerPrivately(inv, message(textBlock(busyText())));
      if (member) inv.team = named!;
    }
    if (raw.type === 2) await onCommand(o, raw, inv);
    else if (raw.type === 3) await onComponent(o, raw, inv, h);
    else if (raw.type === 5) await onModal(o, raw, inv, h);
  } catch (e) {
    // The adapter's own work failed before the core had the event (a form's draft, read or written in the database):
    // answered like any handler's failure — the database out of reach, or a bug with its reference. In the language
    // the member was last answered in: their stored one cannot be read when the database is what failed.
    const where = raw.type === 5 ? 'form:discord' : raw.type === 3 ? 'button:discord' : 'command:discord';
    await o.bot.answerFailure(inv, o.bot.languageOf(inv), e, where);
  } finally {
    clearTimeout(timer);
    await ensureAcked(h, mode).catch(() => undefined);
  }
}

async function onCommand(o: DispatchOptions, raw: RawInteraction, inv: Invocation): Promise<void> {
  const cmd = findCommand(o.bot.registry, raw.data.name);
  const args = commandArgs(raw.data.options);
  const byDiscordName = new Map<string, string>();
  const path = cmd ? registryPath(cmd, args.path) : args.path;
  for (const n of Object.keys(cmd?.subcommands[path.join(' ')]?.options ?? {})) byDiscordName.set(discordName(n) ?? n, n);
  const options = Object.fromEntries(Object.entries(args.options).map(([k, v]) => [byDiscordName.get(k) ?? k, v]));
  await o.bot.handle({ kind: 'command', inv, command: raw.data.name, path, options });
}

async function lang(o: DispatchOptions, inv: Invocation): Promise<Lang> {
  try {
    return (await o.bot.context(inv)).lang;
  } catch {
    return o.bot.languageOf(inv);
  }
}

async function onComponent(o: DispatchOptions, raw: RawInteraction, inv: Invocation, h: InteractionHandle): Promise<void> {
  const { action, value, ask: asks, confirmed } = parseCustomId(raw.data.custom_id);
  // A button that asks first: only the question now (see confirm.ts); its deny changes nothing.
  if (asks) return ask(o.port, o.bot.registry, raw, inv, { action, value }, () => lang(o, inv));
  if (action === KEEP) return keep(o.port, inv, h, await lang(o, inv));
  if (action === CONTINUE || action === REOPEN) {
    const draft = value ? await loadDraft(o.bot, value, inv.member.id) : undefined;
    if (!draft) {
      const sent = value ? await wasSent(o.bot, value) : false;
      const l = await lang(o, inv);
      // Its form went in from another message: this one closes too, rather than ask for the command again.
      if (sent) await closeSentForm(o, inv, h, l);
      return o.port.answerPrivately(inv, message(textBlock(t(l, sent ? 'discord.alreadySent' : 'discord.draftExpired'))));
    }
    try {
      return await o.port.showModal(h, draft.form, draft.step, value!, draft.lang ?? (await lang(o, inv)), draft.values, inv.team);
    } catch (e) {
      if (!(e instanceof FormWindowPassed)) throw e;
      // The draft took too long to load and the click was acknowledged: the same button, to press again.
      const l = await lang(o, inv);
      return o.port.answerPrivately(inv, message(textBlock(t(l, 'core.formReady')), { type: 'actions', buttons: [{ action: CONTINUE, value, label: tx(l, 'discord.continue'), style: 'primary' }] }));
    }
  }
  const m = raw.message;
  // The confirm of a question is the press it asked about: on the message that press was on (the question is in the
  // same channel), and its first private answer takes the question's place.
  const sourceId = confirmed !== undefined ? confirmed || undefined : m?.id;
  if (confirmed !== undefined) h.replacesQuestion = h.onEphemeral;
  const source = m && sourceId ? { team: inv.team, channel: inv.channel ?? m.channel_id, id: sourceId, thread: inv.thread } : undefined;
  const ev: CoreEvent = { kind: 'button', inv, action, value, source };
  // An edit of the clicked ephemeral message (a preview closed with a note) can only go through this interaction.
  const done = h.onEphemeral && m && confirmed === undefined ? o.port.editableThrough(m.id, h) : undefined;
  try {
    const out = await o.bot.handle(ev);
    if (out) await afterForm(o, inv, out, undefined);
    if (h.replacesQuestion) await closeQuestion(o.port, inv, h, await lang(o, inv));
  } finally {
    done?.();
  }
}

async function onModal(o: DispatchOptions, raw: RawInteraction, inv: Invocation, h: InteractionHandle): Promise<void> {
  const { action, value } = parseCustomId(raw.data.custom_id);
  if (action !== MODAL_PREFIX || !value) throw new Error('modal submit without a Sojusz custom id');
  const [draftId, stepText] = value.split(':');
  const draft = await loadDraft(o.bot, draftId!, inv.member.id);
  if (!draft) {
    const sent = await wasSent(o.bot, draftId!);
    return o.port.answerPrivately(inv, message(textBlock(t(await lang(o, inv), sent ? 'discord.alreadySent' : 'discord.draftExpired'))));
  }
  const steps = formSteps(draft.form);
  const step = Number(stepText);
  const typed = modalValues(raw.data.components ?? []);
  const values = { ...draft.values, ...toRawValues(steps[step] ?? [], typed) };
  // The form goes in as soon as what is left only matters for answers left empty.
  const next = nextStep(draft.form, step, values);
  if (next !== undefined) {
    // A modal cannot open another modal: keep the answers and offer a button to the next part.
    await saveDraft(o.bot, draftId!, { ...draft, values, step: next });
    const l = draft.lang ?? (await lang(o, inv));
    // What the next part's modal cannot show (its intro, a long hint) goes above its button.
    const preface = renderModal(draft.form, next, '', l, values).preface?.blocks ?? [];
    return o.port.answerPrivately(inv, message(textBlock(t(l, 'discord.step', { step: step + 1, steps: steps.length })), ...preface, { type: 'actions', buttons: [{ action: CONTINUE, value: draftId, label: tx(l, 'discord.continue'), style: 'primary' }] }));
  }
  // The last part, opened by the Continue (or Reopen) on a message of ours: answers follow that message, which stays
  // the one this interaction can change, so once the form is in it can close (its button would only lead back here).
  const closes = formButtonOn(raw.message) === draftId;
  if (closes) h.onEphemeral = true;
  const out = await o.bot.handle({ kind: 'form', inv, formId: draft.form.id, values, state: draft.form.state });
  await afterForm(o, inv, out ?? { kind: 'close' }, { id: draftId!, draft: { ...draft, values }, closes });
}

/** The draft whose Continue or Reopen button is on this message (the message a modal was opened from), if any. */
function formButtonOn(m: RawInteraction | undefined): string | undefined {
  for (const row of m?.components ?? []) {
    for (const c of row?.components ?? []) {
      const { action, value } = parseCustomId(String(c?.custom_id ?? ''));
      if ((action === CONTINUE || action === REOPEN) && value) return value;
    }
  }
  return undefined;
}

/**
 * The message whose button led to a form that has gone in becomes a short note without the button. Best effort: the
 * form is in and the member has their answer; a message Discord will not let us change keeps its button, whose press
 * then hears "already sent".
 */
async function closeSentForm(o: DispatchOptions, inv: Invocation, h: InteractionHandle, l: Lang): Promise<void> {
  try {
    await o.port.replaceClicked(h, inv.team, message(noteBlock(t(l, 'discord.sentNote'))));
  } catch {
    // Nothing lost (see above).
  }
}

/**
 * What to do with the modal after a submit: done, show field errors with a reopen button, or offer the next form.
 * `closes`: the modal came from our Continue or Reopen, whose message closes once the form is in.
 */
async function afterForm(o: DispatchOptions, inv: Invocation, out: FormOutcome, current: { id: string; draft: Draft; closes?: boolean } | undefined): Promise<void> {
  const h = inv.handle as InteractionHandle;
  const l = await lang(o, inv);
  if (out.kind === 'close') {
    if (current) await markSent(o.bot, current.id);
    // Nothing else said: the closed message is the answer ("sent"), else a short "saved".
    if (current?.closes) await closeSentForm(o, inv, h, l);
    else if (h.ack === 'none' && h.type === 5) await o.port.answerPrivately(inv, message(textBlock(t(l, 'discord.saved'))));
    return;
  }
  if (out.kind === 'errors') {
    const fields = current?.draft.form.fields ?? [];
    const firstBad = fields.findIndex((f) => f.id in out.errors);
    const id = current?.id;
    if (current) await saveDraft(o.bot, current.id, { ...current.draft, step: Math.max(0, Math.floor(firstBad / 5)) });
    const items = Object.entries(out.errors).map(([field, text]) => [{ text: `${fields.find((f) => f.id === field)?.label ?? field}: `, style: 'bold' as const }, { text }]);
    const msg: Message = message(textBlock(t(l, 'discord.errorsTitle')), { type: 'list', items }, id ? { type: 'actions', buttons: [{ action: REOPEN, value: id, label: tx(l, 'discord.reopen'), style: 'primary' }] } : null);
    return o.port.answerPrivately(inv, msg);
  }
  if (current) await dropDraft(o.bot, current.id);
  if (current?.closes) await closeSentForm(o, inv, h, l);
  const next = await createDraft(o.bot, { team: inv.team, id: inv.member.id }, { form: out.form, values: {}, step: 0, lang: l });
  // The next form's title and intro ("empty fields stay as they are") above its button: its modal has no room. First,
  // that nothing is saved yet: a member who stops here must not think the first part took effect.
  const preface = renderModal(out.form, 0, '', l).preface?.blocks ?? [noteBlock(out.form.title)];
  return o.port.answerPrivately(inv, message(textBlock(t(l, 'discord.nextForm')), ...preface, { type: 'actions', buttons: [{ action: CONTINUE, value: next, label: tx(l, 'discord.continue'), style: 'primary' }] }));
}
