// The playground's sample team: set up once on first start, so a newcomer sees every part working at once.
import { and, eq } from 'drizzle-orm';
import type { Bot } from '../../src/core/bot.js';
import { matchSubcommand, tokenize } from '../../src/core/args.js';
import { findCommand } from '../../src/core/registry.js';
import { SETTINGS } from '../../src/core/settings.js';
import { ensureTeam, updateSettings } from '../../src/core/teams.js';
import { members, teams } from '../../src/db/schema/index.js';
import type { WebPort } from './port.js';
import { MEMBERS, TEAM, TEAM_NAME } from './workspace.js';

/** The sample group's arrangement, which the set-up below makes and the first-visit welcome describes. */
export const SAMPLE = {
  caseChannel: 'cases',
  moderationChannel: 'moderation',
  /** Weekday 1 = Monday … 7 = Sunday; times in the team's zone (Europe/Warsaw). */
  prompt: { channel: 'reflection', weekday: 5, time: '09:00' },
  supervision: { channel: 'supervision', weekday: 1, time: '18:00' },
} as const;

const WEEKDAYS = ['', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * What a facilitator would type to set the group up. Run through the features' own commands, so the
 * sample is made exactly the way a real team's is, whatever each feature stores.
 */
export const SAMPLE_COMMANDS = [
  `/sojusz team case-channel #${SAMPLE.caseChannel}`,
  `/sojusz team mod-channel #${SAMPLE.moderationChannel}`,
  `/reflect schedule #${SAMPLE.prompt.channel} ${WEEKDAYS[SAMPLE.prompt.weekday]} ${SAMPLE.prompt.time}`,
  `/supervision schedule #${SAMPLE.supervision.channel} ${WEEKDAYS[SAMPLE.supervision.weekday]} ${SAMPLE.supervision.time}`,
];

export interface SampleReport {
  created: boolean;
  ran: string[];
  missing: string[];
}

/** Set up the sample team when it has no settings yet; a command that does not exist (yet) is skipped. */
export async function ensureSampleTeam(bot: Bot, port: WebPort): Promise<SampleReport> {
  const report: SampleReport = { created: false, ran: [], missing: [] };
  const fresh = await bot.db.transaction(async (tx) => {
    const team = await ensureTeam(tx, 'web', TEAM, TEAM_NAME);
    const [locked] = await tx.select().from(teams).where(eq(teams.id, team.id)).for('update');
    if (Object.keys(locked?.settings ?? {}).length > 0) return false;
    await tx.update(teams).set({ lang: 'pl', zone: 'Europe/Warsaw' }).where(eq(teams.id, team.id));
    await updateSettings(tx, team.id, {
      langSet: true,
      [SETTINGS.promptChannel]: SAMPLE.prompt.channel,
      [SETTINGS.caseChannel]: SAMPLE.caseChannel,
      [SETTINGS.moderationChannel]: SAMPLE.moderationChannel,
      [SETTINGS.supervisionChannel]: SAMPLE.supervision.channel,
      [SETTINGS.caseMinMembers]: 4,
    });
    return true;
  });
  if (!fresh) return report;
  report.created = true;
  const facilitator = MEMBERS.find((m) => m.isAdmin)!;
  // The set-up answers are for nobody: the newcomer sees the result, not the facilitator's confirmations.
  port.capture = [];
  try {
    for (const line of SAMPLE_COMMANDS) {
      const [, name, text] = /^\/(\S+)\s*(.*)$/.exec(line)!;
      const cmd = findCommand(bot.registry, name!);
      if (!cmd || !matchSubcommand(cmd, tokenize(text!))) {
        report.missing.push(line);
        continue;
      }
      await bot.handle({
        kind: 'command',
        inv: { platform: 'web', team: TEAM, teamName: TEAM_NAME, member: { id: facilitator.id, name: facilitator.name, locale: facilitator.locale, isAdmin: true }, channel: 'supervision' },
        command: name!,
        text: text!,
      });
      report.ran.push(line);
    }
  } finally {
    port.capture = undefined;
  }
  // The facilitator's one-time privacy note belongs to the person who first plays them, not to the set-up.
  const team = await ensureTeam(bot.db, 'web', TEAM, TEAM_NAME);
  await bot.db.update(members).set({ privacyNoteShownAt: null }).where(and(eq(members.teamId, team.id), eq(members.externalId, facilitator.id)));
  return report;
}
