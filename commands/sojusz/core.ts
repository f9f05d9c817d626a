// /sojusz help, language, timezone and the team's language and time zone.
import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import { parseZone } from '../../src/core/parse.js';
import type { Subcommand } from '../../src/core/registry.js';
import { commandHelp } from '../../src/core/help.js';
import { nearest } from '../../src/core/suggest.js';
import { updateSettings } from '../../src/core/teams.js';
import { members, teams } from '../../src/db/schema/index.js';
import { rhythmText } from '../../src/features/prompts/describe.js';
import { followTeamZone, movePersonalSchedule } from '../../src/features/prompts/personal.js';
import { formatLocal } from '../../src/schedule/occurrence.js';
import { l10n, type Lang } from '../../src/i18n/index.js';
import { foldWord } from '../../src/i18n/lookup.js';

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

export const help: Subcommand = {
  description: l10n('sojusz.help'),
  aliases: ['pomoc'],
  options: { command: { kind: 'string', description: l10n('sojusz.help.command') } },
  async run(ctx, opts) {
    const commands = ctx.bot.registry.commands;
    if (opts.command) {
      const name = String(opts.command).replace(/^\//, '').toLowerCase();
      // Any name the command answers to (/przypadek is /case); a slip gets the same "did you mean" as a command does.
      const names = commands.flatMap((c) => [c.name, ...(c.otherNames ?? [])].map((word) => ({ word, value: c })));
      const cmd = names.find((n) => foldWord(n.word) === foldWord(name))?.value;
      if (!cmd) {
        const guess = nearest(name, names)?.name;
        throw guess ? new UserError('help.unknownGuess', { got: name, guess }) : new UserError('help.unknown', { got: name });
      }
      await ctx.reply(commandHelp(ctx, cmd));
      return;
    }
    const items = commands.map((c) => [{ text: `/${c.name}`, style: 'bold' as const }, { text: ` — ${c.description[ctx.lang]}` }]);
    await ctx.reply(message(textBlock(ctx.t('help.title')), { type: 'list', items }, noteBlock(ctx.t('help.footer'))));
  },
};

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
