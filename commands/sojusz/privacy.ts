// /sojusz privacy, mydata export|delete, team retention and team export: a member's and a team's data rights.
import type { Context } from '../../src/core/context.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import type { MessageRef } from '../../src/core/port.js';
import { actionHandler, type Subcommand } from '../../src/core/registry.js';
import { DEFAULTS, SETTINGS } from '../../src/core/settings.js';
import { setting, updateSettings } from '../../src/core/teams.js';
import { sendJson } from '../../src/features/privacy/files.js';
import { OFFBOARDING_DAYS } from '../../src/features/privacy/housekeeping.js';
import { deleteMember, exportMember, exportTeam } from '../../src/features/privacy/members.js';
import { l10n } from '../../src/i18n/index.js';

export const DELETE_ACTION = 'privacy.delete';

export const privacy: Subcommand = {
  description: l10n('privacy.explain'),
  aliases: ['prywatność', 'prywatnosc'],
  async run(ctx) {
    const cases = setting(ctx.team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
    const autochecks = setting(ctx.team, SETTINGS.retentionAutochecks, DEFAULTS.retentionAutochecks);
    await ctx.reply(
      message(
        { type: 'heading', text: ctx.tx('privacy.explain.title') },
        textBlock(ctx.t('privacy.explain.stored')),
        textBlock(ctx.t('privacy.explain.retention', { cases, autochecks, offboarding: OFFBOARDING_DAYS })),
        textBlock(ctx.t('privacy.explain.who')),
        textBlock(ctx.t('privacy.explain.anonymity')),
        textBlock(ctx.t('privacy.explain.rights')),
      ),
    );
  },
};

export const mydataExport: Subcommand = {
  description: l10n('privacy.mydata.export'),
  aliases: ['dane eksport', 'moje dane eksport'],
  async run(ctx) {
    const data = await ctx.db.transaction((tx) => exportMember(tx, ctx.bot, ctx.team, ctx.member));
    await sendJson(ctx, 'mine', 'sojusz-my-data.json', data);
  },
};

export const mydataDelete: Subcommand = {
  description: l10n('privacy.mydata.delete'),
  aliases: ['dane usuń', 'dane usun', 'moje dane usuń'],
  async run(ctx) {
    // Each button names the members row it was asked for: a press after that row was erased (another client still
    // showing the question) can tell, even when the member has used the bot again since and has a new row.
    const asked = (choice: string) => `${choice}:${ctx.member.id}`;
    await ctx.reply(
      message(
        textBlock(ctx.t('privacy.delete.confirm')),
        noteBlock(ctx.t('privacy.delete.choice')),
        {
          type: 'actions',
          buttons: [
            { action: DELETE_ACTION, value: asked('withdraw'), label: ctx.tx('privacy.delete.withdraw'), style: 'danger' },
            { action: DELETE_ACTION, value: asked('unlink'), label: ctx.tx('privacy.delete.unlink'), style: 'danger' },
            { action: DELETE_ACTION, value: asked('cancel'), label: ctx.tx('privacy.delete.cancel') },
          ],
        },
      ),
    );
  },
};

/**
 * The answer to the erasure question. The question closes after any choice (a note without buttons); a press that
 * still reaches it after an erasure hears that it is already done, and erases nothing more. Looked up only: the
 * press of someone erased must not bring their members row back. A value without the row's id (a question asked
 * by an older version) acts as before, unless there is no row left to act on.
 */
export const deleteAction = actionHandler({
  id: DELETE_ACTION,
  lookupOnly: true,
  async run(ctx, value, source) {
    const [choice, askedFor] = (value ?? '').split(':');
    const erasedSince = ctx.member.id === 0 || (askedFor !== undefined && askedFor !== String(ctx.member.id));
    if (erasedSince) return alreadyErased(ctx, source);
    if (choice !== 'withdraw' && choice !== 'unlink') {
      await ctx.reply('privacy.delete.cancelled');
      await ctx.closeWithNote(source, 'privacy.delete.cancelled');
      return;
    }
    // False: another press of the same question erased the member a moment ago.
    if (!(await deleteMember(ctx.bot, ctx.team, ctx.member, choice))) return alreadyErased(ctx, source);
    await ctx.reply(choice === 'withdraw' ? 'privacy.delete.doneWithdrawn' : 'privacy.delete.doneUnlinked');
    await ctx.closeWithNote(source, 'privacy.delete.erasedNote');
  },
});

async function alreadyErased(ctx: Context, source: MessageRef | undefined): Promise<void> {
  await ctx.reply('privacy.delete.already');
  await ctx.closeWithNote(source, 'privacy.delete.erasedNote');
}

const daysOption = {
  days: { kind: 'int' as const, min: 7, max: 3650, units: ['days', 'dni', 'dnia', 'dzień', 'dzien'], description: l10n('privacy.retention.days') },
};

function retentionSubcommand(which: 'retentionCases' | 'retentionAutochecks', example: string, aliases: string[]): Subcommand {
  return {
    description: l10n(which === 'retentionCases' ? 'privacy.retention.cases' : 'privacy.retention.autochecks'),
    aliases,
    facilitator: true,
    options: daysOption,
    example,
    async run(ctx, opts) {
      if (opts.days !== undefined) ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS[which]]: Number(opts.days) });
      const cases = setting(ctx.team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
      const autochecks = setting(ctx.team, SETTINGS.retentionAutochecks, DEFAULTS.retentionAutochecks);
      await ctx.reply(opts.days === undefined ? 'privacy.retention.current' : 'privacy.retention.set', { cases, autochecks });
    },
  };
}

export const teamRetention = retentionSubcommand('retentionCases', 'team retention 90', ['zespół retencja', 'zespol retencja']);
export const teamRetentionAutochecks = retentionSubcommand('retentionAutochecks', 'team retention autochecks 365', [
  'zespół retencja autochecki',
  'zespol retencja autochecki',
]);

export const teamExport: Subcommand = {
  description: l10n('privacy.teamExport'),
  aliases: ['zespół eksport', 'zespol eksport'],
  facilitator: true,
  async run(ctx) {
    const data = await ctx.db.transaction((tx) => exportTeam(tx, ctx.bot, ctx.team));
    await sendJson(ctx, 'team', 'sojusz-team.json', data);
  },
};
