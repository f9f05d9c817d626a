// Forms as Slack modals: fields to input blocks, the form id and state in private_metadata, values read back.
import { labelNamesPoint, type Field, type Form, type RawValues } from '../../../src/core/form.js';
import { neutralize, plainSafe } from './escape.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';
import type { KitBlock } from './blocks.js';

/** The callback_id of every modal the bot opens; which form it is travels in private_metadata. */
export const FORM_CALLBACK = 'sojusz_form';
/** The one element in each input block; the block_id is the field id, so errors map back by field. */
const ELEMENT = 'v';

export interface FormMetadata {
  /** Form id. */
  f: string;
  /** Form state (opaque to the adapter). */
  s?: string;
  /** Channel the form was opened from, so answers after submit land where the member was. */
  c?: string;
  /** Thread, likewise. */
  t?: string;
}

export function encodeMetadata(meta: FormMetadata): string {
  const json = JSON.stringify(meta);
  if (json.length > L.privateMetadata) throw new Error(`form state is ${json.length} characters; Slack keeps at most ${L.privateMetadata}`);
  return json;
}

export function decodeMetadata(raw: string | undefined): FormMetadata | undefined {
  try {
    const m = JSON.parse(raw ?? '') as FormMetadata;
    return typeof m?.f === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}

const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(plainSafe(text), max), emoji: true });

/** An option's value is ours (a number, a code): one Slack would refuse is a bug in the declaration, not the member's. */
function option(value: string, label: string) {
  if (value.length > L.optionValue) throw new Error(`option value is ${value.length} characters; Slack allows ${L.optionValue}`);
  return { text: plain(label, L.optionText), value };
}

/**
 * A select shows at most 100 options, and Slack refuses more. Cutting the rest would hide answers without a trace, so a
 * form that declares more is refused loudly instead (none does: the longest is an 11-point scale).
 */
function fitsOneSelect(f: Field, count: number): void {
  if (count > L.optionsPerSelect) throw new Error(`field ${f.id} offers ${count} options; a Slack select shows at most ${L.optionsPerSelect}`);
}

function element(f: Field): KitBlock {
  switch (f.kind) {
    case 'scale': {
      fitsOneSelect(f, f.max - f.min + 1);
      const opts = [];
      for (let n = f.min; n <= f.max; n++) {
        const end = n === f.min ? f.minLabel : n === f.max ? f.maxLabel : undefined;
        // The catalogue's end labels name their point already ("0 — hardly"): the number is added only when one doesn't.
        const label = !end ? String(n) : labelNamesPoint(n, end) ? end : `${n} — ${end}`;
        opts.push(option(String(n), label));
      }
      const initial = f.initial !== undefined ? opts.find((o) => o.value === String(f.initial)) : undefined;
      // Short scales read best as radio buttons; Slack allows at most 10 of them.
      const type = opts.length <= 5 ? 'radio_buttons' : 'static_select';
      return { type, action_id: ELEMENT, options: opts, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'choice': {
      fitsOneSelect(f, f.options.length);
      const opts = f.options.map((o) => option(o.value, o.label));
      const initial = f.initial === undefined ? [] : Array.isArray(f.initial) ? f.initial : [f.initial];
      const chosen = opts.filter((o) => initial.includes(o.value));
      if (f.multiple) {
        const type = opts.length <= L.radioOptions ? 'checkboxes' : 'multi_static_select';
        return { type, action_id: ELEMENT, options: opts, ...(chosen.length ? { initial_options: chosen } : {}) };
      }
      const type = opts.length <= L.radioOptions ? 'radio_buttons' : 'static_select';
      return { type, action_id: ELEMENT, options: opts, ...(chosen[0] ? { initial_option: chosen[0] } : {}) };
    }
    case 'channel':
      return {
        type: 'conversations_select',
        action_id: ELEMENT,
        filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
        ...(f.initial ? { initial_conversation: f.initial } : {}),
      };
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: ELEMENT,
        multiline: Boolean(f.multiline),
        max_length: Math.min(f.maxLength, L.plainTextInput),
        ...(f.minLength ? { min_length: Math.min(f.minLength, L.plainTextInput) } : {}),
        ...(f.placeholder ? { placeholder: plain(f.placeholder, L.placeholder) } : {}),
        ...(f.initial ? { initial_value: truncate(f.initial, Math.min(f.maxLength, L.plainTextInput)) } : {}),
      };
  }
}

/** The modal view for a form; `meta` carries what comes back on submit. */
export function renderModal(form: Form, meta: Omit<FormMetadata, 'f' | 's'> = {}): KitBlock {
  const blocks: KitBlock[] = [];
  if (form.intro) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(neutralize(form.intro), L.sectionText) } });
  // A field cut off the end would be a question the member never sees (and a required one could never be answered).
  if (blocks.length + form.fields.length > L.viewBlocks) throw new Error(`form ${form.id} needs ${blocks.length + form.fields.length} blocks; a Slack modal holds ${L.viewBlocks}`);
  for (const f of form.fields) {
    blocks.push({
      type: 'input',
      block_id: f.id,
      label: plain(f.label, L.inputLabel),
      optional: Boolean(f.optional),
      element: element(f),
      ...(f.hint ? { hint: plain(f.hint, L.inputHint) } : {}),
    });
  }
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalButton),
    private_metadata: encodeMetadata({ f: form.id, ...(form.state !== undefined ? { s: form.state } : {}), ...meta }),
    blocks,
  };
}

interface ElementState {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_conversation?: string | null;
}

/** Values from a view_submission's state, by field id, as the core's validateForm expects them. */
export function readValues(state: { values?: Record<string, Record<string, ElementState>> } | undefined): RawValues {
  const out: RawValues = {};
  for (const [blockId, elements] of Object.entries(state?.values ?? {})) {
    const e = elements[ELEMENT] ?? Object.values(elements)[0];
    if (!e) continue;
    if (e.selected_options) out[blockId] = e.selected_options.map((o) => o.value);
    else if (e.selected_option !== undefined) out[blockId] = e.selected_option?.value ?? undefined;
    else if (e.selected_conversation !== undefined) out[blockId] = e.selected_conversation ?? undefined;
    else out[blockId] = e.value ?? undefined;
  }
  return out;
}
