// /sojusz team facilitator add|remove and /sojusz team facilitators: who may run the group's settings.
import { and, eq } from 'drizzle-orm';
import { message, noteBlock, textBlock, type Rich } from '../../src/core/message.js';
import type { Subcommand } from '../../src/core/registry.js';
import { members } from '../../src/db/schema/index.js';
import { l10n } from '../../src/i18n/index.js';
import { addFacilitator, removeFacilitator } from '../../src/features/onboarding/facilitators.js';

const who = { member: { kind: 'member' as const, required: true, description: l10n('privacy.roles.member') } };

export const facilitatorAdd: Subcommand = {
  description: l10n('privacy.roles.add'),
  aliases: ['zespół prowadzący dodaj', 'zespol prowadzacy dodaj'],
  facilitator: true,
  options: who,
  example: 'team facilitator add @anna',
  async run(ctx, opts) {
    const id = String(opts.member);
    await addFacilitator(ctx, id);
    await ctx.reply(message(textBlock([...ctx.t('privacy.roles.added'), { text: ' ' }, { text: `@${id}`, mention: id }])));
  },
};

export const facilitatorRemove: Subcommand = {
  description: l10n('privacy.roles.remove'),
  aliases: ['zespół prowadzący usuń', 'zespol prowadzacy usun'],
  facilitator: true,
  options: who,
  example: 'team facilitator remove @anna',
  async run(ctx, opts) {
    const id = String(opts.member);
    await removeFacilitator(ctx, id);
    // The way back, said where it matters: a platform admin removed here is no facilitator until someone adds them.
    await ctx.reply(message(textBlock([...ctx.t('privacy.roles.removed'), { text: ' ' }, { text: `@${id}`, mention: id }]), noteBlock(ctx.t('onboarding.roles.wayBack'))));
  },
};

export const facilitatorList: Subcommand = {
  description: l10n('privacy.roles.list'),
  aliases: ['zespół prowadzący', 'zespol prowadzacy'],
  async run(ctx) {
    const rows = await ctx.db
      .select({ id: members.externalId })
      .from(members)
      .where(and(eq(members.teamId, ctx.team.id), eq(members.facilitator, true), eq(members.facilitatorRevoked, false)));
    const items: Rich[] = rows.map((r) => [{ text: `@${r.id}`, mention: r.id }]);
    await ctx.reply(
      message(
        textBlock(ctx.t(items.length ? 'privacy.roles.listTitle' : 'privacy.roles.listEmpty')),
        items.length ? { type: 'list', items } : null,
        noteBlock(ctx.t('privacy.roles.adminsNote')),
      ),
    );
  },
};
