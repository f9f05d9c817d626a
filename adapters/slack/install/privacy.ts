// Slack's own table in the privacy registry: an OAuth installation names the member who installed the app and
// holds the workspace's bot token sealed with the bot's key — so secret rotation must re-seal it, or every
// installed workspace would stop working with the new secret.
import { and, eq } from 'drizzle-orm';
import type { PrivacyContributor } from '../../../src/core/privacy.js';
import { slackInstallations } from '../../../src/db/schema/index.js';

export const slackPrivacy: PrivacyContributor = {
  area: 'slack',

  async exportMember(tx, _bot, team, member) {
    if (team.platform !== 'slack') return undefined;
    const rows = await tx
      .select({ installedAt: slackInstallations.installedAt })
      .from(slackInstallations)
      .where(and(eq(slackInstallations.teamId, team.externalId), eq(slackInstallations.installerUserId, member.externalId)));
    return rows.length ? { installedTheApp: rows[0]!.installedAt } : undefined;
  },

  async deleteMember(tx, _bot, team, member) {
    if (team.platform !== 'slack') return;
    // The installation stays (the workspace still uses the bot); only the link to the member goes.
    await tx
      .update(slackInstallations)
      .set({ installerUserId: null })
      .where(and(eq(slackInstallations.teamId, team.externalId), eq(slackInstallations.installerUserId, member.externalId)));
  },

  async reencrypt(tx, decrypt, encrypt) {
    const rows = await tx.select({ id: slackInstallations.id, sealed: slackInstallations.botTokenEnc }).from(slackInstallations);
    for (const r of rows) await tx.update(slackInstallations).set({ botTokenEnc: encrypt(decrypt(r.sealed)) }).where(eq(slackInstallations.id, r.id));
    return rows.length;
  },
};
