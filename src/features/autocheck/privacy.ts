// Autochecks in the privacy registry: exported decrypted, erased with the member, purged after the team's retention.
import { and, eq, lt } from 'drizzle-orm';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import { autochecks, teams } from '../../db/schema/index.js';
import type { PrivacyContributor } from '../../core/privacy.js';

const DAY = 24 * 60 * 60 * 1000;

function open(sealed: string, decrypt: (s: string) => string): unknown {
  const plain = decrypt(sealed);
  try {
    return JSON.parse(plain);
  } catch {
    return plain;
  }
}

export const autocheckPrivacy: PrivacyContributor = {
  area: 'autocheck',

  async exportMember(tx, bot, _team, member) {
    const rows = await tx.select().from(autochecks).where(eq(autochecks.memberId, member.id)).orderBy(autochecks.createdAt);
    return rows.map((r) => ({ at: r.createdAt, variant: r.variant, answers: open(r.sealed, (s) => bot.secrets.decrypt(s)) }));
  },

  async deleteMember(tx, _bot, _team, member) {
    await tx.delete(autochecks).where(eq(autochecks.memberId, member.id));
  },

  async purge(tx, _bot, now) {
    let n = 0;
    for (const team of await tx.select().from(teams)) {
      const days = setting(team, SETTINGS.retentionAutochecks, DEFAULTS.retentionAutochecks);
      const gone = await tx
        .delete(autochecks)
        .where(and(eq(autochecks.teamId, team.id), lt(autochecks.createdAt, new Date(now.getTime() - days * DAY))))
        .returning({ id: autochecks.id });
      n += gone.length;
    }
    return n;
  },

  async reencrypt(tx, decrypt, encrypt) {
    const rows = await tx.select({ id: autochecks.id, sealed: autochecks.sealed }).from(autochecks);
    for (const r of rows) await tx.update(autochecks).set({ sealed: encrypt(decrypt(r.sealed)) }).where(eq(autochecks.id, r.id));
    return rows.length;
  },
};
