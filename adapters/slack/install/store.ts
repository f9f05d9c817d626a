// Bolt's InstallationStore on the slack_installations table; bot tokens are encrypted at rest.
import { and, eq } from 'drizzle-orm';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Bot } from '../../../src/core/bot.js';
import { slackInstallations } from '../../../src/db/schema/index.js';

export interface StoredInstallation {
  teamId: string;
  enterpriseId: string;
  botToken: string;
  botUserId: string;
  botId?: string;
  installerUserId?: string;
}

/** The workspace has no stored installation (never installed, or uninstalled): not a failure of the lookup. */
export class NotInstalled extends Error {
  constructor() {
    super('no installation for this workspace');
    this.name = 'NotInstalled';
  }
}

export class DbInstallationStore implements InstallationStore {
  constructor(private readonly bot: Bot) {}

  async storeInstallation(i: Installation): Promise<void> {
    if (!i.bot?.token) throw new Error('installation without a bot token');
    const teamId = i.isEnterpriseInstall ? '' : (i.team?.id ?? '');
    const enterpriseId = i.enterprise?.id ?? '';
    const row = {
      teamId,
      enterpriseId,
      botTokenEnc: this.bot.secrets.encrypt(i.bot.token),
      botUserId: i.bot.userId,
      botId: i.bot.id,
      installerUserId: i.user?.id ?? null,
      scopes: (i.bot.scopes ?? []).join(','),
      installedAt: this.bot.clock.now(),
    };
    await this.bot.db
      .insert(slackInstallations)
      .values(row)
      .onConflictDoUpdate({ target: [slackInstallations.enterpriseId, slackInstallations.teamId], set: row });
  }

  async find(teamId: string | undefined, enterpriseId?: string): Promise<StoredInstallation | undefined> {
    const byTeam = teamId
      ? await this.bot.db.select().from(slackInstallations).where(eq(slackInstallations.teamId, teamId)).limit(1)
      : [];
    const rows = byTeam.length || !enterpriseId
      ? byTeam
      : await this.bot.db
          .select()
          .from(slackInstallations)
          .where(and(eq(slackInstallations.enterpriseId, enterpriseId), eq(slackInstallations.teamId, '')))
          .limit(1);
    const r = rows[0];
    if (!r) return undefined;
    return {
      teamId: r.teamId,
      enterpriseId: r.enterpriseId,
      botToken: this.bot.secrets.decrypt(r.botTokenEnc),
      botUserId: r.botUserId,
      botId: r.botId ?? undefined,
      installerUserId: r.installerUserId ?? undefined,
    };
  }

  async fetchInstallation(q: InstallationQuery<boolean>): Promise<Installation<'v2', boolean>> {
    const found = await this.find(q.isEnterpriseInstall ? undefined : q.teamId, q.enterpriseId);
    if (!found) throw new NotInstalled();
    return {
      team: found.teamId ? { id: found.teamId } : undefined,
      enterprise: found.enterpriseId ? { id: found.enterpriseId } : undefined,
      isEnterpriseInstall: !found.teamId,
      bot: { token: found.botToken, userId: found.botUserId, id: found.botId ?? '', scopes: [] },
      user: { id: found.installerUserId ?? '', token: undefined, scopes: undefined },
      authVersion: 'v2',
    } as Installation<'v2', boolean>;
  }

  async deleteInstallation(q: InstallationQuery<boolean>): Promise<void> {
    await this.forget(q.isEnterpriseInstall ? '' : (q.teamId ?? ''), q.enterpriseId ?? '');
  }

  /** After app_uninstalled / tokens_revoked: the token is dead, keep nothing of it. */
  async forget(teamId: string, enterpriseId?: string): Promise<void> {
    const where = enterpriseId !== undefined ? and(eq(slackInstallations.teamId, teamId), eq(slackInstallations.enterpriseId, enterpriseId)) : eq(slackInstallations.teamId, teamId);
    await this.bot.db.delete(slackInstallations).where(where);
  }
}
