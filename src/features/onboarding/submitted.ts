// The two pages of /sojusz setup as submitted, read and checked: each problem is a field error next to its field, and
// page 1 is also checked against what someone else changed while it was open.
import type { Context } from '../../core/context.js';
import { FieldErrors, UserError } from '../../core/errors.js';
import type { FormValues } from '../../core/form.js';
import { parseTime, parseZone } from '../../core/parse.js';
import { teamChannel } from '../../core/settings.js';
import { readOffsets } from '../supervision/reminders.js';
import { currentPrompt, view1 } from './current.js';
import { parseRhythm } from './rhythm.js';
import { conflicts1, NO_PROMPTS, type Asked1, type Asked2, type Shown1 } from './shown.js';

/** Page 1 as submitted. `promptsOff`: "no weekly prompts" was chosen — a running schedule is paused, a paused one stays so. */
export type Step1 = Asked1;
/** Page 2 as submitted. */
export type Step2 = Asked2;

/** A channel typed or picked → its id, checked that the bot can post there; field errors otherwise. */
async function checkChannel(ctx: Context, field: string, raw: unknown, errors: FieldErrors['fields']): Promise<string | undefined> {
  if (raw === undefined || raw === '') return undefined;
  let id = String(raw);
  // Every port's lookup takes an id as well as a name, so the feature need not know what a platform's ids look like.
  if (ctx.port.resolveChannel) id = (await ctx.port.resolveChannel(ctx.team.externalId, id)) ?? id;
  if (ctx.port.canPost && !(await ctx.port.canPost(ctx.team.externalId, id))) {
    errors[field] = { code: 'onboarding.setup.cannotPost', params: { channel: String(raw) } };
  }
  return id;
}

/** A field's own UserError (a zone, an hour, a rhythm) as that field's error, so that every field's problem is said at once. */
function catching<T>(errors: FieldErrors['fields'], field: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) {
      errors[field] = { code: e.code, params: e.params };
      return undefined;
    }
    throw e;
  }
}

/**
 * Page 1 read and checked; `shown` is what it showed. A field changed here that someone else changed meanwhile is
 * answered with the value it has now (checked again on saving, when it may have moved since).
 */
export async function readStep1(ctx: Context, v: FormValues, shown: Shown1): Promise<Step1> {
  const step = await readFields1(ctx, v);
  const meanwhile = conflicts1(ctx.lang, step, shown, view1(ctx.team, await currentPrompt(ctx.db, ctx.team)));
  if (Object.keys(meanwhile).length) throw new FieldErrors(meanwhile);
  return step;
}

async function readFields1(ctx: Context, v: FormValues): Promise<Step1> {
  const errors: FieldErrors['fields'] = {};
  const zone = catching(errors, 'zone', () => parseZone(String(v.zone)));
  if (v.promptDay === NO_PROMPTS) {
    // No prompts: the channel and hour shown (a paused schedule's) are not read, nor checked — a paused schedule's
    // channel may be the very one that refused its prompts.
    if (Object.keys(errors).length) throw new FieldErrors(errors);
    return { lang: v.lang === 'en' ? 'en' : 'pl', zone: zone!, promptsOff: true };
  }
  const promptTime = v.promptTime ? catching(errors, 'promptTime', () => parseTime(String(v.promptTime))) : undefined;
  const promptChannel = await checkChannel(ctx, 'promptChannel', v.promptChannel, errors);
  const promptDay = v.promptDay ? Number(v.promptDay) : undefined;
  const given = [v.promptChannel, v.promptDay, v.promptTime].filter((x) => x !== undefined && x !== '').length;
  if (given > 0 && given < 3) {
    for (const f of ['promptChannel', 'promptDay', 'promptTime']) if (!v[f] && !errors[f]) errors[f] = { code: 'onboarding.setup.needAllPrompt' };
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return { lang: v.lang === 'en' ? 'en' : 'pl', zone: zone!, promptChannel, promptDay, promptTime };
}

/** Page 2 read and checked. */
export async function readStep2(ctx: Context, v: FormValues): Promise<Step2> {
  const errors: FieldErrors['fields'] = {};
  const caseChannel = await checkChannel(ctx, 'caseChannel', v.caseChannel, errors);
  const modChannel = await checkChannel(ctx, 'modChannel', v.modChannel, errors);
  const supChannel = await checkChannel(ctx, 'supChannel', v.supChannel, errors);
  // A blank field keeps the current channel, so compare what each would be after saving, whichever was given.
  if (caseChannel || modChannel) {
    const cases = caseChannel ?? teamChannel(ctx.team, 'caseChannel');
    const moderation = modChannel ?? teamChannel(ctx.team, 'moderationChannel');
    const field = modChannel ? 'modChannel' : 'caseChannel';
    if (cases && cases === moderation && !errors[field]) errors[field] = { code: 'onboarding.setup.sameChannel' };
  }
  const rhythm = v.supRhythm ? catching(errors, 'supRhythm', () => parseRhythm(String(v.supRhythm))) : undefined;
  if (rhythm && !supChannel && !errors.supChannel) errors.supChannel = { code: 'onboarding.setup.needSupChannel' };
  // readOffsets, as /supervision remind: "20d" is told the allowed range, not that it cannot be read.
  const offsets = v.reminders ? catching(errors, 'reminders', () => readOffsets(String(v.reminders))) : undefined;
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return { caseChannel, modChannel, supChannel, rhythm, offsets };
}
