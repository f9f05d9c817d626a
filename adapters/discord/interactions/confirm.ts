// Buttons that ask first (a core Button's `confirm`) on Discord, whose buttons have no confirmation step: the press is answered with a private question.
//
// The button's custom_id says that it asks (`?key/`, see render/message.ts); the press answers with an ephemeral
// question, its title and text, and two buttons: the confirm carries the original action and value (`!<message id>/`:
// the press happens again, as on the message it was first made on), the deny is the adapter's own KEEP. Both turn the
// question into their outcome, so neither can be pressed twice. The words cannot travel in a custom_id: the button's
// action declares them (ActionHandler.confirm), so whichever process gets the press asks in them, in the presser's
// language; an action that declares none is asked about in the catalogue's general words.
import { message, textBlock, type ButtonConfirm, type Message } from '../../../src/core/message.js';
import type { Invocation } from '../../../src/core/port.js';
import type { Registry } from '../../../src/core/registry.js';
import { tx, type Lang } from '../../../src/i18n/index.js';
import type { DiscordPort } from '../port.js';
import type { DiscordButton } from '../render/message.js';
import type { InteractionHandle } from './handle.js';

/** The deny on a question: nothing happens, and the question says so. */
export const KEEP = 'dc:keep';

/** Discord's danger button style: the confirm of a danger button is one too. */
const DANGER = 4;

type Raw = Record<string, any>;

/** The pressed button as the message it is on shows it (its label and style), from the interaction. */
function pressedButton(raw: Raw): { label?: string; style?: number } | undefined {
  const id = raw.data?.custom_id;
  for (const row of raw.message?.components ?? []) for (const c of row?.components ?? []) if (c?.custom_id === id) return c;
  return undefined;
}

/** The question before `action`: its words, and its confirm (the original press, marked) and deny buttons. */
export function question(words: ButtonConfirm, danger: boolean, press: { action: string; value?: string; source?: string }): Message {
  const yes: DiscordButton = { action: press.action, value: press.value, label: words.confirm, style: danger ? 'danger' : 'primary', mark: { confirmed: press.source ?? '' } };
  const no: DiscordButton = { action: KEEP, label: words.deny };
  return message(textBlock([{ text: words.title, style: 'bold' }]), textBlock(words.text), { type: 'actions', buttons: [yes, no] });
}

/** A press of a button that asks first: the question, privately and at once; nothing else happens. */
export async function ask(port: DiscordPort, registry: Registry, raw: Raw, inv: Invocation, press: { action: string; value?: string }, lang: () => Promise<Lang>): Promise<void> {
  const shown = pressedButton(raw);
  const l = await lang();
  const handler = registry.actions.find((a) => a.id === press.action || press.action.startsWith(`${a.id}:`));
  const words: ButtonConfirm = handler?.confirm?.(l, press.value) ?? {
    title: tx(l, 'discord.confirm.title'),
    text: tx(l, 'discord.confirm.text'),
    confirm: shown?.label || tx(l, 'discord.confirm.yes'),
    deny: tx(l, 'discord.confirm.no'),
  };
  await port.answerAtOnce(inv, question(words, shown?.style === DANGER, { action: press.action, value: press.value, source: raw.message?.id }));
}

/** The deny: the question becomes a note that nothing was changed. */
export async function keep(port: DiscordPort, inv: Invocation, h: InteractionHandle, lang: Lang): Promise<void> {
  await port.replaceClicked(h, inv.team, message(textBlock(tx(lang, 'discord.confirm.kept'))));
}

/** After the confirmed press: a question the core's answer did not replace becomes a short note, without its buttons. */
export async function closeQuestion(port: DiscordPort, inv: Invocation, h: InteractionHandle, lang: Lang): Promise<void> {
  if (!h.replacesQuestion) return;
  h.replacesQuestion = false;
  // The press opened a form (a modal) instead: the question can no longer be changed through it.
  if (h.ack === 'modal') return;
  await port.replaceClicked(h, inv.team, message(textBlock(tx(lang, 'discord.confirm.done'))));
}
