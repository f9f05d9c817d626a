// Register the registry's commands with Discord: GET what is there, then POST/PATCH/DELETE only the difference.
import { Routes } from 'discord.js';
import type { REST } from '@discordjs/rest';
import type { Registry } from '../../../src/core/registry.js';
import { toDiscordCommand } from './build.js';
import { planCommands, type CommandPlan, type ExistingCommand } from './diff.js';

export interface RegisterReport {
  scope: string;
  created: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

export async function registerCommands(rest: REST, applicationId: string, registry: Registry, guildId?: string): Promise<RegisterReport> {
  const list = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const one = (id: string) => (guildId ? Routes.applicationGuildCommand(applicationId, guildId, id) : Routes.applicationCommand(applicationId, id));
  // Without with_localizations Discord leaves the Polish names out, and every command would look changed.
  const existing = (await rest.get(list, { query: new URLSearchParams({ with_localizations: 'true' }) })) as ExistingCommand[];
  const plan: CommandPlan = planCommands(existing, registry.commands.map(toDiscordCommand));
  for (const c of plan.create) await rest.post(list, { body: c });
  // PATCH changes only the fields it names: say explicitly what is gone.
  for (const u of plan.update) await rest.patch(one(u.id), { body: { name_localizations: null, description_localizations: null, default_member_permissions: null, options: [], ...u.command } });
  for (const r of plan.remove) await rest.delete(one(r.id));
  return {
    scope: guildId ? `guild ${guildId}` : 'global',
    created: plan.create.map((c) => c.name),
    updated: plan.update.map((u) => u.command.name),
    removed: plan.remove.map((r) => r.name),
    unchanged: plan.unchanged,
  };
}
