// The playground's own table in the privacy registry: here the bot is the platform too, so web_messages holds
// what a member typed, their DMs and the answers only they saw (a case preview quotes the whole case). Exported
// with the member's data, erased with the member; "only you" answers fade after a day, as ephemeral ones do, and so
// do files (a data export carries decrypted autocheck notes), which are also kept sealed while they last.
import { and, eq, isNotNull, like, lt, or, sql } from 'drizzle-orm';
import { messageToPlain } from '../../src/core/message.js';
import type { PrivacyContributor } from '../../src/core/privacy.js';
import type { Member, Team } from '../../src/core/teams.js';
import { webMessages } from '../../src/db/schema/index.js';
import { SEALED } from './port.js';

const DAY = 24 * 60 * 60 * 1000;

/** The member's rows: what they wrote, their DM with the bot, and what only they were shown. */
function theirs(team: Team, member: Member) {
  return and(
    eq(webMessages.team, team.externalId),
    or(eq(webMessages.author, member.externalId), eq(webMessages.ephemeralFor, member.externalId), eq(webMessages.channel, `dm-${member.externalId}`)),
  );
}

export const webPrivacy: PrivacyContributor = {
  area: 'playground',

  async exportMember(tx, _bot, team, member) {
    if (team.platform !== 'web') return undefined;
    const rows = await tx.select().from(webMessages).where(and(theirs(team, member), eq(webMessages.deleted, false)));
    if (!rows.length) return undefined;
    return rows.map((r) => ({
      channel: r.channel,
      at: r.createdAt,
      from: r.author === member.externalId ? 'you' : 'bot',
      ...(r.ephemeralFor ? { onlyYouSaw: true } : {}),
      text: messageToPlain(r.message),
    }));
  },

  async deleteMember(tx, _bot, team, member) {
    if (team.platform !== 'web') return;
    await tx.delete(webMessages).where(theirs(team, member));
  },

  async purge(tx, _bot, now) {
    const gone = await tx
      .delete(webMessages)
      .where(and(or(isNotNull(webMessages.ephemeralFor), isNotNull(webMessages.file)), lt(webMessages.createdAt, new Date(now.getTime() - DAY))))
      .returning({ id: webMessages.id });
    return gone.length;
  },

  async reencrypt(tx, decrypt, encrypt) {
    const rows = await tx
      .select({ id: webMessages.id, file: webMessages.file })
      .from(webMessages)
      .where(like(sql`${webMessages.file}->>'data'`, `${SEALED}%`));
    for (const r of rows) {
      const file = r.file!;
      await tx
        .update(webMessages)
        .set({ file: { ...file, data: SEALED + encrypt(decrypt(file.data.slice(SEALED.length))) } })
        .where(eq(webMessages.id, r.id));
    }
    return rows.length;
  },
};
