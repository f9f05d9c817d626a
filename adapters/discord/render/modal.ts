// Form model → Discord modals: at most 5 text inputs per modal (longer forms become steps); choices and scales are typed, then mapped back to option values.
import type { APIModalInteractionResponseCallbackData, APIActionRowComponent, APITextInputComponent } from 'discord.js';
import type { Field, Form, RawValues } from '../../../src/core/form.js';
import { fold } from '../../../src/core/parse.js';
import { tx, type Lang } from '../../../src/i18n/index.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

/** Fields of each modal step, in order. */
export function formSteps(form: Form): Field[][] {
  const steps: Field[][] = [];
  for (let i = 0; i < form.fields.length; i += L.modalComponents) steps.push(form.fields.slice(i, i + L.modalComponents));
  return steps.length ? steps : [[]];
}

function placeholder(f: Field, lang: Lang): string | undefined {
  if (f.kind === 'scale') {
    const range = tx(lang, 'discord.scalePlaceholder', { min: f.min, max: f.max });
    const ends = [f.minLabel && `${f.min} = ${f.minLabel}`, f.maxLabel && `${f.max} = ${f.maxLabel}`].filter(Boolean).join(', ');
    return truncate(ends ? `${range} (${ends})` : range, L.inputPlaceholder);
  }
  if (f.kind === 'choice') {
    const options = f.options.map((o, i) => `${i + 1} ${o.label}`).join(', ');
    return truncate(tx(lang, 'discord.choicePlaceholder', { options }), L.inputPlaceholder);
  }
  if (f.kind === 'channel') return truncate(f.placeholder ?? '#channel', L.inputPlaceholder);
  return f.placeholder ? truncate(f.placeholder, L.inputPlaceholder) : undefined;
}

function initialText(f: Field, kept: RawValues): string | undefined {
  const v = kept[f.id];
  if (v !== undefined) return Array.isArray(v) ? v.join(', ') : v;
  if (f.kind === 'text') return f.initial;
  if (f.kind === 'channel') return f.initial ? `<#${f.initial}>` : undefined;
  if (f.kind === 'scale') return f.initial === undefined ? undefined : String(f.initial);
  if (f.initial === undefined) return undefined;
  const picked = Array.isArray(f.initial) ? f.initial : [f.initial];
  return picked.map((p) => String(f.options.findIndex((o) => o.value === p) + 1)).join(', ');
}

function textInput(f: Field, lang: Lang, kept: RawValues): APITextInputComponent {
  const long = f.kind === 'text' && (f.multiline || f.maxLength > 200);
  const max = f.kind === 'text' ? Math.min(f.maxLength, L.inputValue) : f.kind === 'scale' ? 10 : 200;
  const value = initialText(f, kept);
  const ph = placeholder(f, lang);
  return {
    type: 4,
    custom_id: f.id,
    label: truncate(f.label, L.inputLabel),
    style: long ? 2 : 1,
    required: !f.optional,
    max_length: max,
    ...(f.kind === 'text' && f.minLength ? { min_length: Math.min(f.minLength, max) } : {}),
    ...(ph ? { placeholder: ph } : {}),
    ...(value ? { value: truncate(value, max) } : {}),
  };
}

/** One modal: the given step of the form; custom_id carries the draft id and step. */
export function formToModal(form: Form, step: number, customId: string, lang: Lang, kept: RawValues = {}): APIModalInteractionResponseCallbackData {
  const steps = formSteps(form);
  const title = steps.length > 1 ? `${form.title} (${step + 1}/${steps.length})` : form.title;
  return {
    custom_id: customId,
    title: truncate(title, L.modalTitle),
    components: steps[step]!.map((f): APIActionRowComponent<APITextInputComponent> => ({ type: 1, components: [textInput(f, lang, kept)] })),
  };
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
 * Typed answers → the form's raw values: a choice may be typed as its number, its value or its label
 * (several separated by commas); anything unrecognized is passed on so the core's validation names it.
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
    const parts = (f.multiple ? v.split(/[,;]/) : [v]).map((p) => p.trim()).filter(Boolean);
    const mapped = parts.map((p) => {
      const n = Number(p);
      if (Number.isInteger(n) && n >= 1 && n <= f.options.length) return f.options[n - 1]!.value;
      const hit = f.options.find((o) => fold(o.value) === fold(p) || fold(o.label) === fold(p));
      return hit ? hit.value : p;
    });
    out[f.id] = f.multiple ? mapped : (mapped[0] ?? '');
  }
  return out;
}
