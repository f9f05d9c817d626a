// The autocheck forms (quick, standard, full) declared from catalogue words, and their answers' shape.
import type { Field, Form, FormValues } from '../../core/form.js';
import { tx, type Lang } from '../../i18n/index.js';

export const VARIANTS = ['quick', 'standard', 'full'] as const;
export type Variant = (typeof VARIANTS)[number];

export const FORM_ID = 'autocheck';
/** The small form behind "Edit" on a held topic. */
export const TOPIC_FORM_ID = 'autocheck-topic';

export const JUDGING = ['no', 'maybe', 'yes'] as const;
export type Judging = (typeof JUDGING)[number];

/** Where a supervision topic goes: nowhere but here, the member's own agenda, or the group's. */
export const DESTINATIONS = ['keep', 'mine', 'named', 'anonymous'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const SUPERVISION_MAX = 500;
export const NOTE_MAX = 1000;

/** Everything one check can hold; only the encrypted blob ever contains it. */
export interface Answers {
  curiosity: number;
  flexibility: number;
  judging: Judging;
  alliance?: number;
  goal?: number;
  task?: number;
  bond?: number;
  supervision?: string;
  destination?: Destination;
  /**
   * A topic bound for the group that looked identifying: it waits here, inside the sealed check, for its author
   * to edit, send or keep it (held.ts). `destination` is 'keep' meanwhile, so a topic nobody decided on stays
   * private; `version` grows with each edit, so an older preview's buttons cannot send newer words.
   */
  held?: { to: GroupDestination; version: number };
  note?: string;
}

export type GroupDestination = Extract<Destination, 'named' | 'anonymous'>;

/** The numeric items and their scales, in the order history and trend show them. */
export const ITEMS = [
  { id: 'curiosity', min: 0, max: 4 },
  { id: 'flexibility', min: 0, max: 4 },
  // no = 0, maybe = 1, yes = 2: lets the trend show whether judging moments grow rarer.
  { id: 'judging', min: 0, max: 2 },
  { id: 'alliance', min: 1, max: 5 },
  { id: 'goal', min: 1, max: 5 },
  { id: 'task', min: 1, max: 5 },
  { id: 'bond', min: 1, max: 5 },
] as const;
export type ItemId = (typeof ITEMS)[number]['id'];

export const ALLIANCE_ITEMS = ['alliance', 'goal', 'task', 'bond'] as const;
export type AllianceItem = (typeof ALLIANCE_ITEMS)[number];

export function isVariant(x: unknown): x is Variant {
  return typeof x === 'string' && (VARIANTS as readonly string[]).includes(x);
}

/** The number an item stands for in an entry (judging mapped to 0–2), or null when not asked. */
export function itemValue(a: Answers, item: ItemId): number | null {
  if (item === 'judging') return JUDGING.indexOf(a.judging);
  const v = a[item];
  return typeof v === 'number' ? v : null;
}

/**
 * Scales and choices first, then the one optional text and where it goes (the text first: one decides where a
 * topic goes once it is written), and in the full check a note. The quick check has only its three taps, and
 * its intro says no more than that.
 */
export function buildForm(lang: Lang, variant: Variant): Form {
  const w = (k: Parameters<typeof tx>[1]) => tx(lang, k);
  const scale4 = (id: 'curiosity' | 'flexibility'): Field => ({
    kind: 'scale', id, label: w(`autocheck.field.${id}`), min: 0, max: 4, minLabel: w('autocheck.scale4.min'), maxLabel: w('autocheck.scale4.max'),
  });
  const scale5 = (id: AllianceItem): Field => ({
    kind: 'scale', id, label: w(`autocheck.field.${id}`), min: 1, max: 5, minLabel: w('autocheck.scale5.min'), maxLabel: w('autocheck.scale5.max'),
  });
  const fields: Field[] = [
    scale4('curiosity'),
    scale4('flexibility'),
    { kind: 'choice', id: 'judging', label: w('autocheck.field.judging'), options: JUDGING.map((v) => ({ value: v, label: w(`autocheck.judging.${v}`) })) },
  ];
  if (variant === 'standard') fields.push(scale5('alliance'));
  if (variant === 'full') fields.push(scale5('goal'), scale5('task'), scale5('bond'));
  if (variant !== 'quick') {
    fields.push(
      { kind: 'text', id: 'supervision', label: w('autocheck.field.supervision'), hint: w('autocheck.field.supervision.hint'), optional: true, multiline: true, maxLength: SUPERVISION_MAX },
      {
        // Asked only once there is a topic to send: a form in steps (Discord) needs no step for it otherwise.
        kind: 'choice', id: 'destination', label: w('autocheck.field.destination'), optional: true, initial: 'keep', onlyIf: 'supervision',
        options: DESTINATIONS.map((v) => ({ value: v, label: w(`autocheck.destination.${v}`) })),
      },
    );
  }
  if (variant === 'full') fields.push({ kind: 'text', id: 'note', label: w('autocheck.field.note'), hint: w('autocheck.field.note.hint'), optional: true, multiline: true, maxLength: NOTE_MAX });
  return { id: FORM_ID, title: w(`autocheck.form.title.${variant}`), submitLabel: w('autocheck.form.submit'), intro: w(variant === 'quick' ? 'autocheck.form.intro.quick' : 'autocheck.form.intro'), fields, state: variant };
}

/** Typed answers from values that already passed the form's declaration. */
export function answersFrom(values: FormValues): Answers {
  const num = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : undefined);
  const str = (k: string) => (typeof values[k] === 'string' && (values[k] as string).trim() !== '' ? (values[k] as string).trim() : undefined);
  const a: Answers = { curiosity: num('curiosity')!, flexibility: num('flexibility')!, judging: values.judging as Judging };
  for (const k of ALLIANCE_ITEMS) if (num(k) !== undefined) a[k] = num(k);
  const supervision = str('supervision');
  if (supervision) a.supervision = supervision;
  const destination = str('destination');
  if (supervision) a.destination = (DESTINATIONS as readonly string[]).includes(destination ?? '') ? (destination as Destination) : 'keep';
  const note = str('note');
  if (note) a.note = note;
  return a;
}

/**
 * "Edit" on a held topic: the one text, pre-filled as the group would read it (mandatory identifiers already masked).
 * `state` names the check and the version shown, never the words. `to`: where the topic goes once it is clean — the
 * intro says what its author chose (with their name, or anonymously a little later), never the other; without it
 * (the topic no longer waits) it says neither.
 */
export function buildTopicForm(lang: Lang, state: string, text: string, to?: GroupDestination): Form {
  return {
    id: TOPIC_FORM_ID,
    title: tx(lang, 'autocheck.held.formTitle'),
    submitLabel: tx(lang, 'autocheck.held.formSubmit'),
    intro: tx(lang, to ? `autocheck.held.formIntro.${to}` : 'autocheck.held.formIntro'),
    fields: [{ kind: 'text', id: 'topic', label: tx(lang, 'autocheck.held.field'), multiline: true, maxLength: SUPERVISION_MAX, initial: text.slice(0, SUPERVISION_MAX) }],
    state,
  };
}
