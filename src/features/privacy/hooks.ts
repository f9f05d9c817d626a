// Offboarding: an uninstall starts the 30-day clock on the team's data; installing again stops it.
import { and, eq } from 'drizzle-orm';
import type { Hooks } from '../../core/hooks.js';
import { ensureTeam } from '../../core/teams.js';
import { teams } from '../../db/schema/index.js';
import { ensureHousekeeping } from './housekeeping.js';

export const privacyHooks: Hooks = {
  async onStart(bot) {
    await ensureHousekeeping(bot);
  },
  async onUninstalled(bot, ev) {
    await bot.db
      .update(teams)
      .set({ uninstalledAt: bot.clock.now() })
      .where(and(eq(teams.platform, ev.platform), eq(teams.externalId, ev.team)));
  },
  async onInstalled(bot, ev) {
    // ensureTeam clears a pending deletion.
    await ensureTeam(bot.db, ev.platform, ev.team, ev.teamName);
  },
};
