// The platform-neutral form model and its validation, shared by every adapter so all reject alike.
import type { MessageKey, Params } from '../i18n/index.js';
import { channelId } from './args.js';
import { decimal } from './parse.js';

interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /**
   * The id of an earlier field this one only matters for: a form shown in steps does not ask it while that field is
   * left empty (Discord submits without the step). Single-page forms show it as usual, and a value given is checked
   * as usual, so a handler may still ask for the field it depends on. Such a field should be optional.
   */
  onlyIf?: string;
}

export type Field =
  | (FieldBase & { kind: 'scale'; min: number; max: number; minLabel?: string; maxLabel?: string; initial?: number })
  | (FieldBase & { kind: 'choice'; options: { value: string; label: string }[]; multiple?: boolean; initial?: string | string[] })
  | (FieldBase & { kind: 'text'; multiline?: boolean; maxLength: number; minLength?: number; placeholder?: string; initial?: string })
  /** A channel of the team: a picker where the platform has one (Slack, playground), else typed as #name. */
  | (FieldBase & { kind: 'channel'; initial?: string; placeholder?: string });

export interface Form {
  /** Names the submit handler: the `id` of a formHandler in the registry's `forms` (src/core/registry.ts). */
  id: string;
  title: string;
  submitLabel: string;
  /** A short line above the fields. */
  intro?: string;
  fields: Field[];
  /** Opaque small state carried through the platform and back on submit (ids, step number; never personal text). */
  state?: string;
}

export type RawValues = Record<string, string | string[] | undefined>;
export type FormValues = Record<string, string | number | string[] | undefined>;

export interface FieldProblem {
  code: MessageKey;
  params?: Params;
}

/** Whether a raw value holds an answer (not missing, blank or an empty list). */
export function answered(r: RawValues[string]): boolean {
  return Array.isArray(r) ? r.length > 0 : typeof r === 'string' && r.trim() !== '';
}

/** Check raw submitted values against the declaration; returns typed values or per-field problems. */
export function validateForm(form: Form, raw: RawValues): { values: FormValues; errors: Record<string, FieldProblem> } {
  const values: FormValues = {};
  const errors: Record<string, FieldProblem> = {};
  for (const f of form.fields) {
    const r = raw[f.id];
    const s = Array.isArray(r) ? r : typeof r === 'string' ? r.trim() : '';
    const empty = Array.isArray(s) ? s.length === 0 : s === '';
    if (empty) {
      if (!f.optional) errors[f.id] = { code: 'form.required' };
      continue;
    }
    if (f.kind === 'scale') {
      const n = decimal(Array.isArray(s) ? '' : s);
      if (!Number.isInteger(n) || n < f.min || n > f.max) errors[f.id] = { code: 'form.outOfRange', params: { min: f.min, max: f.max } };
      else values[f.id] = n;
    } else if (f.kind === 'channel') {
      const given = Array.isArray(s) ? s[0]! : s;
      // A picker gives a bare platform id; typed text may be <#id|name>, #name or an id.
      const id = channelId(given) ?? (/^[\p{L}\p{N}_-]+$/u.test(given) ? given : undefined);
      if (!id) errors[f.id] = { code: 'form.badChannel' };
      else values[f.id] = id;
    } else if (f.kind === 'choice') {
      const picked = Array.isArray(s) ? s : [s];
      const allowed = new Set(f.options.map((o) => o.value));
      if (picked.some((p) => !allowed.has(p))) errors[f.id] = { code: 'form.badChoice' };
      else values[f.id] = f.multiple ? picked : picked[0];
    } else {
      const text = Array.isArray(s) ? s.join(' ') : s;
      if (text.length > f.maxLength) errors[f.id] = { code: 'form.tooLong', params: { max: f.maxLength, got: text.length } };
      else if (f.minLength && text.length < f.minLength) errors[f.id] = { code: 'form.tooShort', params: { count: f.minLength } };
      else values[f.id] = text;
    }
  }
  return { values, errors };
}

/**
 * Whether a scale's end label already names its point: the catalogue writes them so ("0 — hardly"), and a renderer
 * that puts the number before it again shows "0 — 0 — hardly". A label starting with another number ("10 — …" at
 * point 1) does not count.
 */
export function labelNamesPoint(n: number, label: string): boolean {
  const text = label.trimStart();
  const point = String(n);
  return text.startsWith(point) && !/^[\d.,]/.test(text.slice(point.length));
}
