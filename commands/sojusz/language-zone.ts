// /sojusz language, timezone, team language and team timezone: whose words and whose clock, a member's or the team's.
import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import { message, textBlock } from '../../src/core/message.js';
import { parseZone } from '../../src/core/parse.js';
import type { Subcommand } from '../../src/core/registry.js';
import { updateSettings } from '../../src/core/teams.js';
import { members, teams } from '../../src/db/schema/index.js';
import { rhythmText } from '../../src/features/prompts/describe.js';
import { followTeamZone, movePersonalSchedule } from '../../src/features/prompts/personal.js';
import { formatLocal } from '../../src/schedule/occurrence.js';
import { l10n, type Lang } from '../../src/i18n/index.js';

const langOption = {
  lang: {
    kind: 'string' as const,
    required: true,
    description: l10n('sojusz.language.lang'),
    choices: [
      { value: 'pl', name: l10n('lang.pl') },
      { value: 'en', name: l10n('lang.en') },
    ],
  },
};
const zoneOption = { zone: { kind: 'string' as const, required: true, description: l10n('sojusz.timezone.zone') } };

export const language: Subcommand = {
  description: l10n('sojusz.language'),
  aliases: ['język', 'jezyk'],
  options: langOption,
  example: 'language en',
  async run(ctx, opts) {
    const lang = opts.lang as Lang;
    await ctx.db.update(members).set({ lang }).where(eq(members.id, ctx.member.id));
    ctx.lang = lang;
    await ctx.reply('sojusz.languageSet');
  },
};

export const timezone: Subcommand = {
  description: l10n('sojusz.timezone'),
  aliases: ['strefa'],
  options: zoneOption,
  example: 'timezone Europe/Warsaw',
  async run(ctx, opts) {
    const zone = parseZone(String(opts.zone));
    // The personal prompt goes along: "Friday 08:30" is meant where the member is, not where they set it.
    const moved = await ctx.db.transaction(async (tx) => {
      await tx.update(members).set({ zone }).where(eq(members.id, ctx.member.id));
      return movePersonalSchedule(tx, ctx.team.id, ctx.member.id, zone, ctx.now);
    });
    const time = DateTime.fromJSDate(ctx.now, { zone }).toFormat('HH:mm');
    await ctx.reply(
      message(
        textBlock(ctx.t('sojusz.timezoneSet', { zone, time })),
        moved?.next && textBlock(ctx.t('prompts.me.moved', { rhythm: rhythmText(moved.rule, ctx.lang), next: formatLocal(moved.next, zone, ctx.lang) })),
      ),
    );
  },
};

export const teamLanguage: Subcommand = {
  description: l10n('sojusz.teamLanguage'),
  aliases: ['zespół język', 'zespol jezyk'],
  facilitator: true,
  options: langOption,
  example: 'team language pl',
  async run(ctx, opts) {
    const lang = opts.lang as Lang;
    await ctx.db.update(teams).set({ lang }).where(eq(teams.id, ctx.team.id));
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { langSet: true });
    if (!ctx.member.lang) ctx.lang = lang;
    await ctx.reply('sojusz.teamLanguageSet');
  },
};

export const teamTimezone: Subcommand = {
  description: l10n('sojusz.teamTimezone'),
  aliases: ['zespół strefa', 'zespol strefa'],
  facilitator: true,
  options: zoneOption,
  example: 'team timezone Europe/Warsaw',
  async run(ctx, opts) {
    const zone = parseZone(String(opts.zone));
    await ctx.db.transaction(async (tx) => {
      await tx.update(teams).set({ zone }).where(eq(teams.id, ctx.team.id));
      await followTeamZone(tx, ctx.team.id, zone, ctx.now);
    });
    await ctx.reply('sojusz.teamTimezoneSet', { zone });
  },
};
