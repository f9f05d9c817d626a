// What the setup form showed, kept in its state: saving changes only the fields a facilitator changed from it, so a
// form opened before another facilitator's change cannot quietly undo that change, and a field both changed is
// refused with the value it has now.
import type { FieldErrors } from '../../core/errors.js';
import { isBareChannelId } from '../../core/args.js';
import { tx, weekdayName, type Lang, type MessageKey } from '../../i18n/index.js';
import type { Rhythm } from './rhythm.js';

/**
 * The prompt day's answer for "no weekly prompts": a choice cannot be unticked on every platform (Slack's radio
 * buttons), so going without prompts, or pausing a running schedule, is an option of its own.
 */
export const NO_PROMPTS = 'off';

/** Page 1 as shown (or as it would be shown now): the prompt schedule as its three fields. */
export interface Shown1 {
  lang: Lang;
  zone: string;
  promptChannel?: string;
  /** A weekday 1–7, "off" for a paused schedule, none without a schedule. */
  promptDay?: string;
  promptTime?: string;
}

/** Page 2 as shown (or as it would be shown now). */
export interface Shown2 {
  caseChannel?: string;
  modChannel?: string;
  supChannel?: string;
  rhythm?: Rhythm;
  offsets: number[];
}

/** Page 1 as submitted (read and checked). */
export interface Asked1 {
  lang: Lang;
  zone: string;
  promptChannel?: string;
  promptDay?: number;
  promptTime?: string;
  promptsOff?: boolean;
}

/** Page 2 as submitted: a blank field is undefined (it keeps what is there). */
export interface Asked2 {
  caseChannel?: string;
  modChannel?: string;
  supChannel?: string;
  rhythm?: Rhythm;
  offsets?: number[];
}

/**
 * Page 1's state: its values in order, joined by "|" (no channel id, zone or hour holds one). JSON would be twice as
 * long: when a platform's moment for opening a form has passed, the form comes back behind a button that carries its
 * state in Discord's 100-character custom id (core/open-form.ts), and page 1 should still fit there.
 */
export function packShown1(s: Shown1): string {
  return [s.lang, s.zone, s.promptChannel ?? '', s.promptDay ?? '', s.promptTime ?? ''].join('|');
}

/** Page 1's state back; undefined for a form from before the state was kept (or anything else). */
export function unpackShown1(state: string | undefined): Shown1 | undefined {
  const parts = state?.split('|');
  if (parts?.length !== 5 || (parts[0] !== 'pl' && parts[0] !== 'en') || !parts[1]) return undefined;
  const [lang, zone, promptChannel, promptDay, promptTime] = parts as [Lang, string, string, string, string];
  return { lang, zone, promptChannel: promptChannel || undefined, promptDay: promptDay || undefined, promptTime: promptTime || undefined };
}

/** The prompt schedule as one value: paused or none, or its day, hour and channel. */
function promptOf(s: Shown1): string {
  if (s.promptDay === NO_PROMPTS) return NO_PROMPTS;
  return s.promptDay ? `${s.promptDay} ${s.promptTime} ${s.promptChannel}` : '';
}
function askedPrompt(a: Asked1): string {
  if (a.promptsOff) return NO_PROMPTS;
  return a.promptDay ? `${a.promptDay} ${a.promptTime} ${a.promptChannel}` : '';
}
const rhythmOf = (r: Rhythm | undefined) => (r ? `${r.weekday} ${r.time} ${r.every}` : '');
const seriesOf = (channel: string | undefined, r: Rhythm | undefined) => `${channel ?? ''} ${rhythmOf(r)}`;

/**
 * What the facilitator changed on page 1. The prompt fields go together, as one schedule: "changed", "empty" (every
 * field cleared: the schedule goes on, and the answer says so) or "kept".
 */
export function changes1(a: Asked1, shown: Shown1) {
  const prompt = askedPrompt(a);
  return {
    lang: a.lang !== shown.lang,
    zone: a.zone !== shown.zone,
    prompts: prompt === promptOf(shown) ? ('kept' as const) : prompt === '' ? ('empty' as const) : ('changed' as const),
  };
}

/** What the facilitator changed on page 2: a blank field changes nothing; the supervision channel and rhythm go together. */
export function changes2(b: Asked2, shown: Shown2) {
  return {
    caseChannel: b.caseChannel !== undefined && b.caseChannel !== shown.caseChannel,
    modChannel: b.modChannel !== undefined && b.modChannel !== shown.modChannel,
    series: (b.supChannel !== undefined && b.supChannel !== shown.supChannel) || (b.rhythm !== undefined && rhythmOf(b.rhythm) !== rhythmOf(shown.rhythm)),
    reminders: b.offsets !== undefined && b.offsets.join(',') !== shown.offsets.join(','),
  };
}

type Problems = FieldErrors['fields'];
const meanwhile = (now: string) => ({ code: 'onboarding.setup.changedMeanwhile' as MessageKey, params: { now } });

/** A channel as a field error can name it: plain text, where a platform's id (C0123…, a snowflake) means nothing to anyone. */
function channelText(lang: Lang, channel: string | undefined): string {
  if (!channel) return tx(lang, 'onboarding.setup.nowNone');
  return isBareChannelId(channel) ? tx(lang, 'onboarding.setup.nowOtherChannel') : `#${channel}`;
}

/** The prompt schedule now, as the facilitator will recognise it: "Tuesday 10:00", with its channel if that moved. */
function promptText(lang: Lang, now: Shown1, shown: Shown1): string {
  if (!now.promptDay || now.promptDay === NO_PROMPTS) return tx(lang, 'onboarding.setup.noPrompts');
  const when = `${weekdayName(lang, Number(now.promptDay))} ${now.promptTime}`;
  return now.promptChannel !== shown.promptChannel ? `${when}, ${channelText(lang, now.promptChannel)}` : when;
}

function seriesText(lang: Lang, now: Shown2, shown: Shown2): string {
  const r = now.rhythm;
  if (!r) return tx(lang, 'onboarding.setup.nowNone');
  const when = `${weekdayName(lang, r.weekday)} ${r.time}${r.every > 1 ? ` ${tx(lang, 'supervision.every', { count: r.every })}` : ''}`;
  return now.supChannel !== shown.supChannel ? `${when}, ${channelText(lang, now.supChannel)}` : when;
}

/**
 * Page 1's fields this facilitator changed that someone else changed meanwhile to something else: each with the value
 * it has now. A field changed by both to the same value is no conflict.
 */
export function conflicts1(lang: Lang, a: Asked1, shown: Shown1, now: Shown1): Problems {
  const out: Problems = {};
  const c = changes1(a, shown);
  if (c.lang && now.lang !== shown.lang && now.lang !== a.lang) out.lang = meanwhile(tx(lang, `lang.${now.lang}` as MessageKey));
  if (c.zone && now.zone !== shown.zone && now.zone !== a.zone) out.zone = meanwhile(now.zone);
  if (c.prompts === 'changed' && promptOf(now) !== promptOf(shown) && promptOf(now) !== askedPrompt(a)) {
    const problem = meanwhile(promptText(lang, now, shown));
    // Next to each prompt field this facilitator changed.
    if (a.promptsOff || String(a.promptDay) !== shown.promptDay) out.promptDay = problem;
    if (!a.promptsOff && a.promptTime !== shown.promptTime) out.promptTime = problem;
    if (!a.promptsOff && a.promptChannel !== shown.promptChannel) out.promptChannel = problem;
  }
  return out;
}

/** Page 2's, likewise. */
export function conflicts2(lang: Lang, b: Asked2, shown: Shown2, now: Shown2): Problems {
  const out: Problems = {};
  const c = changes2(b, shown);
  if (c.caseChannel && now.caseChannel !== shown.caseChannel && now.caseChannel !== b.caseChannel) out.caseChannel = meanwhile(channelText(lang, now.caseChannel));
  if (c.modChannel && now.modChannel !== shown.modChannel && now.modChannel !== b.modChannel) out.modChannel = meanwhile(channelText(lang, now.modChannel));
  const asked = seriesOf(b.supChannel ?? now.supChannel, b.rhythm ?? now.rhythm);
  if (c.series && seriesOf(now.supChannel, now.rhythm) !== seriesOf(shown.supChannel, shown.rhythm) && seriesOf(now.supChannel, now.rhythm) !== asked) {
    const problem = meanwhile(seriesText(lang, now, shown));
    if (b.rhythm !== undefined && rhythmOf(b.rhythm) !== rhythmOf(shown.rhythm)) out.supRhythm = problem;
    if (b.supChannel !== undefined && b.supChannel !== shown.supChannel) out.supChannel = problem;
  }
  if (c.reminders && now.offsets.join(',') !== shown.offsets.join(',') && now.offsets.join(',') !== b.offsets!.join(',')) {
    out.reminders = meanwhile(now.offsets.map(offsetText).join(','));
  }
  return out;
}

/** An offset as the field's placeholder and the reminders' titles say it: "24h", not "1d"; days from two up ("2d"). */
export function offsetText(min: number): string {
  return min % 1440 === 0 && min >= 2880 ? `${min / 1440}d` : min % 60 === 0 ? `${min / 60}h` : `${min}m`;
}

/** The label of a page-1 field, to name it where page 1 is no longer on screen (a conflict found when saving page 2). */
export function fieldName(field: string): MessageKey {
  return field === 'lang' ? 'onboarding.setup.lang' : field === 'zone' ? 'onboarding.setup.zone' : 'onboarding.settings.prompts';
}
