// /sojusz settings: everything configured, for members what concerns them, for facilitators the whole team with
// buttons to change it.
import { and, eq } from 'drizzle-orm';
import type { Context } from '../../src/core/context.js';
import { UserError } from '../../src/core/errors.js';
import { channelRef, type Block, type Button, type Rich } from '../../src/core/message.js';
import { actionHandler, type Subcommand } from '../../src/core/registry.js';
import { caseDelay, DEFAULTS, SETTINGS } from '../../src/core/settings.js';
import { setting, teamLang } from '../../src/core/teams.js';
import { members } from '../../src/db/schema/index.js';
import { l10n, type MessageKey } from '../../src/i18n/index.js';
import { formatLocal } from '../../src/schedule/occurrence.js';
import { setupStep1 } from '../../src/features/onboarding/forms.js';
import { teamPromptSchedules } from '../../src/features/prompts/schedules.js';
import { scheduleLine } from '../../src/features/prompts/home.js';
import { nextSession } from '../../src/features/supervision/store.js';

/** Stands in for a channel or a list of people inside a catalogue line, then is swapped for real spans. */
const SLOT = '\u0000slot\u0000';
const fillSlot = (line: Rich, spans: Rich): Rich => line.flatMap((s) => (s.text === SLOT ? spans : [s]));
const channelText = (ctx: Context, id: string | undefined): Rich => (id ? [channelRef(id)] : ctx.t('onboarding.settings.none'));

/** The settings view: members see what concerns them; facilitators see the whole team with buttons to change it. */
export const settings: Subcommand = {
  description: l10n('onboarding.settings.description'),
  aliases: ['ustawienia'],
  async run(ctx) {
    const team = ctx.team;
    const fields: { label: string; value: Rich }[] = [
      { label: ctx.tx('onboarding.settings.yourLang'), value: [{ text: ctx.tx(`lang.${ctx.lang}` as MessageKey) }] },
      { label: ctx.tx('onboarding.settings.yourZone'), value: [{ text: ctx.zone, untrusted: true }] },
      { label: ctx.tx('onboarding.settings.teamLang'), value: [{ text: `${ctx.tx(`lang.${teamLang(team)}`)}, ${team.zone}`, untrusted: true }] },
    ];
    const roles = [
      ['prompts', SETTINGS.promptChannel],
      ['cases', SETTINGS.caseChannel],
      ['moderation', SETTINGS.moderationChannel],
      ['supervision', SETTINGS.supervisionChannel],
    ] as const;
    const channelLines = roles.map(([role, key]) =>
      fillSlot(ctx.t('onboarding.settings.channelLine', { role: ctx.tx(`onboarding.settings.roleNames.${role}` as MessageKey), channel: SLOT }), channelText(ctx, setting<string | undefined>(team, key, undefined))),
    );
    // Every schedule, paused ones too (said so), with its rhythm and themes: the same lines as /reflect list.
    const promptLines = (await teamPromptSchedules(ctx.db, team.id)).map((s) => scheduleLine(ctx, s));
    const session = await nextSession(ctx.db, team.id, ctx.now);
    const blocks: Block[] = [
      { type: 'text', text: ctx.t('onboarding.settings.title') },
      { type: 'fields', fields },
      { type: 'heading', text: ctx.tx('onboarding.settings.channels') },
      { type: 'list', items: channelLines },
      { type: 'heading', text: ctx.tx('onboarding.settings.prompts') },
      promptLines.length ? { type: 'list', items: promptLines } : { type: 'note', text: ctx.t('onboarding.settings.none') },
      { type: 'heading', text: ctx.tx('onboarding.settings.supervision') },
      session
        ? { type: 'text', text: ctx.t('onboarding.settings.supervisionLine', { next: formatLocal(session.startsAt, session.zone, ctx.lang) }) }
        : { type: 'note', text: ctx.t('onboarding.settings.none') },
    ];
    const buttons: Button[] = [];
    if (ctx.isFacilitator) {
      const [min, max] = caseDelay(team);
      const added = await ctx.db.select({ id: members.externalId }).from(members).where(and(eq(members.teamId, team.id), eq(members.facilitator, true)));
      blocks.push(
        { type: 'heading', text: ctx.tx('onboarding.settings.cases') },
        {
          type: 'text',
          text: ctx.t('onboarding.settings.casesLine', {
            min,
            max,
            members: setting(team, SETTINGS.caseMinMembers, DEFAULTS.caseMinMembers),
            daily: setting(team, SETTINGS.caseDailyLimit, DEFAULTS.caseDailyLimit),
          }),
        },
        { type: 'heading', text: ctx.tx('onboarding.settings.retention') },
        {
          type: 'text',
          text: ctx.t('onboarding.settings.retentionLine', {
            cases: setting(team, SETTINGS.retentionCases, DEFAULTS.retentionCases),
            autochecks: setting(team, SETTINGS.retentionAutochecks, DEFAULTS.retentionAutochecks),
          }),
        },
        { type: 'heading', text: ctx.tx('onboarding.settings.facilitators') },
        {
          type: 'text',
          text: added.length
            ? fillSlot(ctx.t('onboarding.settings.facilitatorsNote', { list: SLOT }), added.flatMap((m, i) => [...(i ? [{ text: ', ' }] : []), { text: m.id, mention: m.id }]))
            : ctx.t('onboarding.settings.adminsOnly'),
        },
      );
      buttons.push(
        { action: SETTINGS_ACTION, value: 'setup', label: ctx.tx('onboarding.settings.change'), style: 'primary' },
        { action: SETTINGS_ACTION, value: 'reflect list', label: ctx.tx('onboarding.settings.promptList') },
        { action: SETTINGS_ACTION, value: 'supervision list', label: ctx.tx('onboarding.settings.supervisionList') },
      );
    } else {
      blocks.push({ type: 'note', text: ctx.t('onboarding.settings.membersNote') });
    }
    buttons.push({ action: SETTINGS_ACTION, value: 'sojusz privacy', label: ctx.tx('onboarding.settings.privacy') });
    blocks.push({ type: 'actions', buttons });
    await ctx.reply({ blocks });
  },
};

const SETTINGS_ACTION = 'onboarding.settings';

/** A settings button runs the named subcommand as if the member had typed it (same permission checks). */
export const settingsAction = actionHandler({
  id: SETTINGS_ACTION,
  async run(ctx, value) {
    if (value === 'setup') {
      ctx.requireFacilitator();
      await ctx.openForm(await setupStep1(ctx));
      return;
    }
    const [name, ...path] = (value ?? '').split(' ');
    const cmd = ctx.bot.registry.commands.find((c) => c.name === name);
    const sub = cmd?.subcommands[path.join(' ')];
    // A button from an older settings view whose subcommand no longer exists: say so, and how to get a fresh one.
    if (!sub) throw new UserError('core.staleButton');
    if (sub.facilitator) ctx.requireFacilitator();
    await sub.run(ctx, {});
  },
});
