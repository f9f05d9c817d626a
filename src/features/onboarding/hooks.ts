// First contact: a welcome when the bot is installed, and a one-time introduction in channels it is invited to.
import type { Bot } from '../../core/bot.js';
import type { CoreEvent } from '../../core/events.js';
import type { Hooks } from '../../core/hooks.js';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { SETTINGS } from '../../core/settings.js';
import { ensureTeam, setting, updateSettings, type Team } from '../../core/teams.js';
import { pickLanguage, t, type Lang } from '../../i18n/index.js';
import { localDate } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';

type Ev<K extends CoreEvent['kind']> = Extract<CoreEvent, { kind: K }>;

/**
 * The platform's locale at install ("en-US"), kept for what the bot says later to nobody in particular (a channel it
 * was invited to): such events carry no locale, and until a facilitator chooses the team's language in setup it is
 * the best word on which language the workspace speaks.
 */
const INSTALL_LOCALE = 'install.locale';

/** The team's language once a facilitator chose it (setup, /sojusz team language); before that, the platform's. */
function teamLanguage(team: Team, locale?: string): Lang {
  return pickLanguage(null, team.settings?.langSet ? team.lang : null, locale ?? setting<string | undefined>(team, INSTALL_LOCALE, undefined) ?? team.lang);
}

/**
 * Welcome a new team where it is seen: the server's system channel when the bot may post there, else the person who
 * installed the bot, by DM. A channel cannot refuse the way a DM can (closed to server members), and whoever added
 * the bot may not be the one named as installer (Discord knows only the server's owner).
 */
async function onInstalled(bot: Bot, ev: Ev<'installed'>): Promise<void> {
  const now = bot.clock.now();
  // Asked before the transaction: a platform call must never hold the database.
  const channel = ev.systemChannel && (await mayPost(bot, ev, ev.systemChannel)) ? ev.systemChannel : undefined;
  await bot.db.transaction(async (tx) => {
    const team = await ensureTeam(tx, ev.platform, ev.team, ev.teamName);
    if (ev.locale && ev.locale !== setting<string | undefined>(team, INSTALL_LOCALE, undefined)) await updateSettings(tx, team.id, { [INSTALL_LOCALE]: ev.locale });
    const lang = teamLanguage(team, ev.locale);
    const target = channel ? { kind: 'channel' as const, channel } : ev.installer ? { kind: 'dm' as const, member: ev.installer } : undefined;
    if (!target) return;
    // In a channel everyone reads it, and only a facilitator can run setup: the next step says whose it is.
    const next = target.kind === 'channel' ? 'onboarding.welcome.nextChannel' : 'onboarding.welcome.next';
    const welcome = message(textBlock(t(lang, 'onboarding.welcome.title')), textBlock(t(lang, 'onboarding.welcome.body')), noteBlock(t(lang, next)));
    await enqueue(tx, now, { teamId: team.id, key: `welcome:${team.id}:${localDate(now, 'UTC')}`, target, message: welcome });
  });
  bot.onEnqueued?.();
}

/** Whether the welcome may go to this channel: the port says so; a port that cannot tell gets it only when nobody can be written to. */
async function mayPost(bot: Bot, ev: Ev<'installed'>, channel: string): Promise<boolean> {
  const port = bot.ports.get(ev.platform);
  if (!port?.canPost) return !ev.installer;
  return port.canPost(ev.team, channel).catch(() => false);
}

const ROLE_KEYS = [SETTINGS.promptChannel, SETTINGS.caseChannel, SETTINGS.moderationChannel, SETTINGS.supervisionChannel];

/** Invited into a channel without a role: say once what the bot is and how a facilitator gives the channel a role. */
async function onJoinedChannel(bot: Bot, ev: Ev<'joinedChannel'>): Promise<void> {
  const now = bot.clock.now();
  await bot.db.transaction(async (tx) => {
    const team = await ensureTeam(tx, ev.platform, ev.team);
    if (ROLE_KEYS.some((k) => setting<string | undefined>(team, k, undefined) === ev.channel)) return;
    const lang = teamLanguage(team);
    await enqueue(tx, now, {
      teamId: team.id,
      key: `intro:${team.id}:${ev.channel}`,
      target: { kind: 'channel', channel: ev.channel },
      message: message(textBlock(t(lang, 'onboarding.intro.title')), textBlock(t(lang, 'onboarding.intro.body')), noteBlock(t(lang, 'onboarding.intro.roles'))),
    });
  });
  bot.onEnqueued?.();
}

export const onboardingHooks: Hooks = { onInstalled, onJoinedChannel };
