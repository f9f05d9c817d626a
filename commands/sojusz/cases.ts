// /sojusz team case-channel, mod-channel, case-delay, case-min-members: where and how anonymous cases appear.
import { UserError } from '../../src/core/errors.js';
import type { Subcommand } from '../../src/core/registry.js';
import { SETTINGS, teamChannel } from '../../src/core/settings.js';
import { updateSettings } from '../../src/core/teams.js';
import { l10n } from '../../src/i18n/index.js';

const channelOption = { channel: { kind: 'channel' as const, required: true, description: l10n('cases.team.opt.channel') } };
const MAX_DELAY = 180;


export const teamCaseChannel: Subcommand = {
  description: l10n('cases.team.caseChannel'),
  aliases: ['zespół kanał-przypadków', 'zespol kanal-przypadkow'],
  facilitator: true,
  options: channelOption,
  example: { en: 'team case-channel #cases', pl: 'zespół kanał-przypadków #przypadki' },
  async run(ctx, opts) {
    const channel = String(opts.channel);
    if (channel === teamChannel(ctx.team, 'moderationChannel')) throw new UserError('cases.err.sameChannel');
    await ctx.requireCanPost(channel);
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.caseChannel]: channel });
    await ctx.reply('cases.set.caseChannel', { channel: { channel } });
  },
};

export const teamModChannel: Subcommand = {
  description: l10n('cases.team.modChannel'),
  aliases: ['zespół kanał-moderacji', 'zespol kanal-moderacji'],
  facilitator: true,
  options: { channel: { ...channelOption.channel, description: l10n('args.opt.modChannel') } },
  example: { en: 'team mod-channel #moderation', pl: 'zespół kanał-moderacji #moderacja' },
  async run(ctx, opts) {
    const channel = String(opts.channel);
    // Reports next to the case would show everyone who is watching it being reported.
    if (channel === teamChannel(ctx.team, 'caseChannel')) throw new UserError('cases.err.sameChannel');
    await ctx.requireCanPost(channel);
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.moderationChannel]: channel });
    await ctx.reply('cases.set.modChannel', { channel: { channel } });
  },
};

/** "2-20", "0-0", "5" (= 5-5); minutes from 0 to 180, min ≤ max. */
export function parseDelay(raw: string): [number, number] | undefined {
  const m = /^(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?$/.exec(raw.trim());
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (min > max || max > MAX_DELAY) return undefined;
  return [min, max];
}

export const teamCaseDelay: Subcommand = {
  description: l10n('cases.team.delay'),
  aliases: ['zespół opóźnienie-przypadków', 'zespol opoznienie-przypadkow'],
  facilitator: true,
  options: { range: { kind: 'string', required: true, description: l10n('cases.team.opt.range') } },
  example: 'team case-delay 2-20',
  async run(ctx, opts) {
    const got = String(opts.range);
    const range = parseDelay(got);
    if (!range) throw new UserError('cases.err.badDelay', { got });
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.caseDelay]: range });
    const [min, max] = range;
    // A fixed or zero delay cannot promise what a random one does: the answer says what it does mean.
    if (max === 0) await ctx.reply('cases.set.delayNone');
    else if (min === max) await ctx.reply('cases.set.delayFixed', { count: min });
    else await ctx.reply('cases.set.delay', { min, max });
  },
};

export const teamCaseMinMembers: Subcommand = {
  description: l10n('cases.team.minMembers'),
  aliases: ['zespół minimum-przypadków', 'zespol minimum-przypadkow'],
  facilitator: true,
  options: { count: { kind: 'int', required: true, min: 2, max: 10_000, description: l10n('cases.team.opt.count') } },
  example: 'team case-min-members 4',
  async run(ctx, opts) {
    const count = Number(opts.count);
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.caseMinMembers]: count });
    await ctx.reply('cases.set.minMembers', { count });
  },
};
