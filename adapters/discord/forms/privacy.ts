// Discord's own table in the privacy registry: form drafts between modal steps (sealed partial answers) are
// exported with the member's data, erased with the member, purged once expired and re-sealed on secret rotation.
import { eq, lt } from 'drizzle-orm';
import type { PrivacyContributor } from '../../../src/core/privacy.js';
import { discordFormDrafts } from '../../../src/db/schema/index.js';
import { draftsOf } from './drafts.js';

export const discordPrivacy: PrivacyContributor = {
  area: 'discord',

  async exportMember(tx, bot, team, member) {
    if (team.platform !== 'discord') return undefined;
    // This server's drafts only: the member's forms in another server are that server's data, exported there.
    const rows = await tx.select().from(discordFormDrafts).where(draftsOf(team.externalId, member.externalId));
    if (!rows.length) return undefined;
    // A draft is the form being filled in right now: its answers so far, not the form's declaration.
    return rows.map((r) => {
      const draft = JSON.parse(bot.secrets.decrypt(r.sealed)) as { values?: unknown };
      return { formInProgress: draft.values ?? {}, expiresAt: r.expiresAt };
    });
  },

  async deleteMember(tx, _bot, team, member) {
    if (team.platform !== 'discord') return;
    await tx.delete(discordFormDrafts).where(draftsOf(team.externalId, member.externalId));
  },

  async purge(tx, _bot, now) {
    const gone = await tx.delete(discordFormDrafts).where(lt(discordFormDrafts.expiresAt, now)).returning({ id: discordFormDrafts.id });
    return gone.length;
  },

  async reencrypt(tx, decrypt, encrypt) {
    const rows = await tx.select({ id: discordFormDrafts.id, sealed: discordFormDrafts.sealed }).from(discordFormDrafts);
    for (const r of rows) await tx.update(discordFormDrafts).set({ sealed: encrypt(decrypt(r.sealed)) }).where(eq(discordFormDrafts.id, r.id));
    return rows.length;
  },
};
