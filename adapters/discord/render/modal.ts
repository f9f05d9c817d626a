// Form model → Discord modals: at most 5 text inputs per modal (longer forms become steps); scales are typed, choices typed
// or marked in a list, then mapped back to option values.
// A modal holds only text inputs (label ≤45, placeholder ≤100, shown only while the input is empty), so every option a
// member may pick stays in the modal as a list to mark, and the words that cannot fit (the form's intro, a hint hidden
// by a prefilled value) come back as a preface for the caller to show.
import type { APIModalInteractionResponseCallbackData, APIActionRowComponent, APITextInputComponent } from 'discord.js';
import { answered, labelNamesPoint, type Field, type Form, type RawValues } from '../../../src/core/form.js';
import type { Message, Rich } from '../../../src/core/message.js';
import { message, textBlock } from '../../../src/core/message.js';
import { fold } from '../../../src/core/parse.js';
import { tx, type Lang } from '../../../src/i18n/index.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

/** Fields of each modal step, in order. */
export function formSteps(form: Form): Field[][] {
  const steps: Field[][] = [];
  for (let i = 0; i < form.fields.length; i += L.modalComponents) steps.push(form.fields.slice(i, i + L.modalComponents));
  return steps.length ? steps : [[]];
}

/** Whether a field is still to be asked, given the answers of the steps before `step`: not when it only matters for one left empty there. */
function asked(steps: Field[][], step: number, f: Field, kept: RawValues): boolean {
  if (f.onlyIf === undefined) return true;
  const before = steps.slice(0, step).some((s) => s.some((g) => g.id === f.onlyIf));
  return !before || answered(kept[f.onlyIf]);
}

/**
 * The step to show after `step`, given the answers so far; undefined when the form is complete without more (what
 * is left only matters for answers left empty, as where a supervision topic goes when none was written).
 */
export function nextStep(form: Form, step: number, kept: RawValues): number | undefined {
  const steps = formSteps(form);
  for (let i = step + 1; i < steps.length; i++) if (steps[i]!.some((f) => asked(steps, i, f, kept))) return i;
  return undefined;
}

/** One step of a form as Discord shows it, and what the member should read before it opens. */
export interface RenderedModal {
  modal: APIModalInteractionResponseCallbackData;
  /**
   * The form's intro (first step) and every hint or example the modal cannot show in full: a prefilled value hides
   * its placeholder, and a placeholder holds 100 characters. Undefined when the modal shows everything itself.
   */
  preface?: Message;
}

/** A hint or example that the modal could not show in full, for the preface. */
interface Unseen {
  label: string;
  text: string;
}

interface Rendered {
  input: APITextInputComponent;
  unseen?: Unseen;
}

// ---- choices: a short typed answer while the legend fits the placeholder, else a list of every option to mark ----

/** A line of a choice list: "[x] Friday" (marked) or "[ ] Friday". */
const LIST_LINE = /^\s*\[([^\]\n]*)\]\s*(.*?)\s*$/;
const MARK = 'x';

const same = (a: string, b: string) => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

/** The option a typed word stands for: its number (1-based), its value or its label. */
function optionFor(f: Extract<Field, { kind: 'choice' }>, typed: string): string | undefined {
  const p = typed.trim();
  if (/^\d+\.?$/.test(p)) {
    const n = parseInt(p, 10);
    if (n >= 1 && n <= f.options.length) return f.options[n - 1]!.value;
  }
  return f.options.find((o) => same(o.value, p) || same(o.label, p))?.value;
}

/** The option values to show as chosen: the member's own answer if kept, else the declared initial one(s). */
function chosen(f: Extract<Field, { kind: 'choice' }>, kept: RawValues): string[] {
  const v = f.id in kept ? kept[f.id] : f.initial;
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => f.options.some((o) => o.value === x));
}

function choiceLegend(f: Extract<Field, { kind: 'choice' }>, lang: Lang): string {
  const options = f.options.map((o, i) => `${i + 1} ${o.label}`).join(', ');
  return tx(lang, f.multiple ? 'discord.choicesPlaceholder' : 'discord.choicePlaceholder', { options });
}

function choiceList(f: Extract<Field, { kind: 'choice' }>, picked: string[]): string {
  return f.options.map((o) => `[${picked.includes(o.value) ? MARK : ' '}] ${o.label}`).join('\n');
}

function choiceInput(f: Extract<Field, { kind: 'choice' }>, lang: Lang, kept: RawValues): Rendered {
  const legend = choiceLegend(f, lang);
  const picked = chosen(f, kept);
  const base = { type: 4 as const, custom_id: f.id, required: !f.optional };
  // Nothing to show as chosen and every option fits the placeholder: the member types a number or a word.
  if (!picked.length && legend.length <= L.inputPlaceholder) {
    return { input: { ...base, label: truncate(f.label, L.inputLabel), style: 1, max_length: 200, placeholder: legend } };
  }
  // Otherwise every option stays readable as a list, the current choice marked; the member moves the x.
  const how = tx(lang, f.multiple ? 'discord.markAny' : 'discord.markOne');
  const withHow = tx(lang, 'discord.labelHow', { label: f.label, how });
  // A list sent back with two marks on a single choice returns as the member left it: they remove one x.
  const own = kept[f.id];
  const value = typeof own === 'string' && own.split('\n').some((l) => LIST_LINE.test(l)) ? own : choiceList(f, picked);
  return {
    input: {
      ...base,
      label: withHow.length <= L.inputLabel ? withHow : truncate(f.label, L.inputLabel),
      style: 2,
      max_length: Math.min(L.inputValue, value.length + 200),
      ...(legend.length <= L.inputPlaceholder ? { placeholder: legend } : {}),
      value,
    },
    // A question too long to carry "mark one with an x" beside it: the preface says it.
    ...(withHow.length <= L.inputLabel ? {} : { unseen: { label: f.label, text: how } }),
  };
}

// ---- hints: whole sentences in the placeholder, the full text in the preface when any of it is not visible ----

/** As much of `text` as fits in `max`, in whole sentences and in order, choosing the sentences that show the most. */
export function fitSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  // A sentence ends at . ! ? or … before a capital or an opening quote; "E.g." and the like stay with what follows.
  const sentences: string[] = [];
  for (const piece of text.split(/(?<=[.!?…]["”»]?)\s+(?=[\p{Lu}„“"«])/u)) {
    const last = sentences.length - 1;
    if (last >= 0 && sentences[last]!.length <= 5) sentences[last] += ` ${piece}`;
    else sentences.push(piece);
  }
  let best = '';
  // Few sentences per hint: trying every subset in order is cheap and finds the fullest fit.
  const n = Math.min(sentences.length, 10);
  for (let mask = 1; mask < 1 << n; mask++) {
    const pick = sentences.filter((_, i) => mask & (1 << i)).join(' ');
    if (pick.length <= max && pick.length > best.length) best = pick;
  }
  return best || truncate(text, max);
}

function hintPlaceholder(f: Field): { shown?: string; full: boolean } {
  if (!f.hint) return { full: true };
  const shown = fitSentences(f.hint, L.inputPlaceholder);
  return { shown, full: shown === f.hint };
}

function scaleInput(f: Extract<Field, { kind: 'scale' }>, lang: Lang, kept: RawValues): Rendered {
  const range = tx(lang, 'discord.scalePlaceholder', { min: f.min, max: f.max });
  // A catalogue's end label may already start with its number ("0 — hardly"): never "0 = 0 — hardly".
  const end = (n: number, label?: string) => label && (labelNamesPoint(n, label) ? label : `${n} = ${label}`);
  const ends = [end(f.min, f.minLabel), end(f.max, f.maxLabel)].filter(Boolean).join(', ');
  const legend = ends ? `${range} (${ends})` : range;
  const k = kept[f.id];
  const value = k !== undefined ? (Array.isArray(k) ? k.join(', ') : k) : f.initial === undefined ? undefined : String(f.initial);
  // The range stays in sight beside the question when it fits, even once a value hides the placeholder.
  const labelled = tx(lang, 'discord.scaleLabel', { label: f.label, min: f.min, max: f.max });
  const shownInPlaceholder = !value && legend.length <= L.inputPlaceholder;
  return {
    input: {
      type: 4,
      custom_id: f.id,
      label: labelled.length <= L.inputLabel ? labelled : truncate(f.label, L.inputLabel),
      style: 1,
      required: !f.optional,
      max_length: 10,
      placeholder: truncate(legend, L.inputPlaceholder),
      ...(value ? { value: truncate(value, 10) } : {}),
    },
    unseen: shownInPlaceholder || (!ends && labelled.length <= L.inputLabel) ? undefined : { label: f.label, text: legend },
  };
}

/**
 * How a channel chosen before shows in its input: `#name` where that name leads back to it unchanged (see
 * DiscordPort.channelNames), else Discord's `<#id>` — a modal shows it as typed, but it always finds its channel.
 */
export type ChannelNames = Record<string, string>;

function textInput(f: Extract<Field, { kind: 'text' | 'channel' }>, lang: Lang, kept: RawValues, names: ChannelNames): Rendered {
  const k = kept[f.id];
  const max = f.kind === 'text' ? Math.min(f.maxLength, L.inputValue) : 200;
  const value = k !== undefined ? (Array.isArray(k) ? k.join(', ') : k) : f.kind === 'channel' ? (f.initial ? (names[f.initial] ?? `<#${f.initial}>`) : undefined) : f.initial;
  const hint = hintPlaceholder(f);
  const example = f.placeholder;
  const placeholder = example ?? hint.shown ?? (f.kind === 'channel' ? tx(lang, 'discord.channelPlaceholder') : undefined);
  // What the member cannot read while filling in: a hint crowded out or cut short, an example hidden by a value.
  const unseenText = [
    f.hint && (value || example || !hint.full) ? f.hint : undefined,
    example && ((value && value !== example) || example.length > L.inputPlaceholder) ? tx(lang, 'discord.example', { example }) : undefined,
  ].filter(Boolean).join(' ');
  const long = f.kind === 'text' && (f.multiline || f.maxLength > 200);
  return {
    input: {
      type: 4,
      custom_id: f.id,
      label: truncate(f.label, L.inputLabel),
      style: long ? 2 : 1,
      required: !f.optional,
      max_length: max,
      ...(f.kind === 'text' && f.minLength ? { min_length: Math.min(f.minLength, max) } : {}),
      ...(placeholder ? { placeholder: truncate(placeholder, L.inputPlaceholder) } : {}),
      ...(value ? { value: truncate(value, max) } : {}),
    },
    unseen: unseenText ? { label: f.label, text: unseenText } : undefined,
  };
}

function fieldInput(f: Field, lang: Lang, kept: RawValues, names: ChannelNames): Rendered {
  if (f.kind === 'choice') return choiceInput(f, lang, kept);
  if (f.kind === 'scale') return scaleInput(f, lang, kept);
  return textInput(f, lang, kept, names);
}

/** One modal step with its preface; custom_id carries the draft id and step. */
export function renderModal(form: Form, step: number, customId: string, lang: Lang, kept: RawValues = {}, names: ChannelNames = {}): RenderedModal {
  const steps = formSteps(form);
  const title = steps.length > 1 ? `${form.title} (${step + 1}/${steps.length})` : form.title;
  const rendered = (steps[step] ?? []).filter((f) => asked(steps, step, f, kept)).map((f) => fieldInput(f, lang, kept, names));
  const unseen = rendered.flatMap((r) => (r.unseen ? [r.unseen] : []));
  const intro = step === 0 ? form.intro : undefined;
  const items: Rich[] = unseen.map((u) => [{ text: u.label, style: 'bold' }, { text: `: ${u.text}` }]);
  const preface = intro || items.length ? message({ type: 'heading', text: form.title }, intro ? textBlock(intro) : null, items.length ? { type: 'list', items } : null) : undefined;
  return {
    modal: {
      custom_id: customId,
      title: truncate(title, L.modalTitle),
      components: rendered.map((r): APIActionRowComponent<APITextInputComponent> => ({ type: 1, components: [r.input] })),
    },
    ...(preface ? { preface } : {}),
  };
}

/** One modal: the given step of the form; custom_id carries the draft id and step. */
export function formToModal(form: Form, step: number, customId: string, lang: Lang, kept: RawValues = {}, names: ChannelNames = {}): APIModalInteractionResponseCallbackData {
  return renderModal(form, step, customId, lang, kept, names).modal;
}

/** Collect submitted values by custom_id from a modal submit (action rows or label components). */
export function modalValues(components: unknown[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const walk = (c: any): void => {
    if (!c || typeof c !== 'object') return;
    if (typeof c.custom_id === 'string' && (c.value !== undefined || c.values !== undefined)) out[c.custom_id] = c.values ?? c.value;
    for (const child of c.components ?? []) walk(child);
    if (c.component) walk(c.component);
  };
  for (const c of components) walk(c);
  return out;
}

/**
 * A typed choice → option values: its number, value or label, several separated by commas, semicolons or lines.
 * Parts that only make an option together ("Group agenda, with my name") are joined back before giving up on them.
 */
function typedChoices(f: Extract<Field, { kind: 'choice' }>, text: string): string[] {
  const parts = text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = parts.length;
    for (; j > i; j--) {
      const hit = optionFor(f, parts.slice(i, j).join(', '));
      if (hit) {
        out.push(hit);
        break;
      }
    }
    if (j > i) i = j;
    else out.push(parts[i++]!);
  }
  return out;
}

/** A submitted choice list: the marked lines (and any line that names an option on its own); undefined when `text` is no list. */
function listChoices(f: Extract<Field, { kind: 'choice' }>, text: string): string[] | undefined {
  const lines = text.split('\n');
  if (!lines.some((l) => LIST_LINE.test(l))) return undefined;
  const out: string[] = [];
  for (const line of lines) {
    const m = LIST_LINE.exec(line);
    if (m) {
      if (m[1]!.trim()) out.push(optionFor(f, m[2]!) ?? m[2]!);
    } else if (line.trim()) {
      const hit = optionFor(f, line);
      if (hit) out.push(hit);
    }
  }
  return [...new Set(out)];
}

/**
 * Typed answers → the form's raw values: a choice may be typed as its number, its value or its label (several
 * separated by commas), or marked in its list; anything unrecognized is passed on so the core's validation names it.
 */
export function toRawValues(fields: Field[], typed: Record<string, string | string[]>): RawValues {
  const out: RawValues = {};
  for (const f of fields) {
    const v = typed[f.id];
    if (v === undefined) continue;
    if (f.kind !== 'choice' || Array.isArray(v)) {
      out[f.id] = v;
      continue;
    }
    const listed = listChoices(f, v);
    if (f.multiple) {
      out[f.id] = listed ?? typedChoices(f, v);
      continue;
    }
    const whole = optionFor(f, v);
    const picked = listed ?? (whole ? [whole] : typedChoices(f, v));
    // One answer expected: two marks (or an unknown word) go on as typed, and the core asks to pick one option.
    out[f.id] = picked.length === 1 ? picked[0]! : picked.length === 0 ? '' : v;
  }
  return out;
}
