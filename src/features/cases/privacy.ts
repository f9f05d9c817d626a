// Cases in the privacy registry: a member's own cases found by salted MAC, withdrawn or unlinked on erasure.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema/index.js';
import { localDate } from '../../schedule/occurrence.js';
import type { PrivacyContributor } from '../../core/privacy.js';
import { closeCaseRow, replaceClosed } from './flow.js';
import { purgeCases } from './retention.js';
import { isAuthor } from './store.js';

export const casesPrivacy: PrivacyContributor = {
  area: 'cases',

  async exportMember(tx, bot, team, member) {
    const rows = await tx.select().from(cases).where(eq(cases.teamId, team.id));
    // Anonymous replies are never stored with their author, so only the member's own cases can be found.
    return {
      cases: rows
        .filter((r) => isAuthor(bot.secrets, r, member.externalId))
        .map((r) => ({ number: r.number, title: r.title, difficulty: r.body, question: r.question, tags: r.tags, status: r.status, day: r.createdOn })),
      anonymousReplies: 'not stored: an anonymous reply is kept only in the message the bot posted, with no link to its author',
    };
  },

  async deleteMember(tx, bot, team, member, anonymous) {
    const rows = (await tx.select().from(cases).where(eq(cases.teamId, team.id))).filter((r) => isAuthor(bot.secrets, r, member.externalId));
    const lang = team.lang === 'en' ? 'en' : 'pl';
    for (const row of rows) {
      if (anonymous === 'withdraw' && row.status !== 'withdrawn' && row.status !== 'hidden') {
        const closed = await closeCaseRow(tx, row, 'withdrawn', lang, localDate(bot.clock.now(), 'UTC'));
        const port = bot.ports.get(team.platform as never);
        // The platform copy is replaced once the erasure has committed (best effort; the database is already clean).
        if (port) setImmediate(() => void replaceClosed(bot, port, team.externalId, closed).catch(() => {}));
      }
      // Either way, nothing can tie the case to the member any more: a fresh random MAC and no ban handle.
      await tx
        .update(cases)
        .set({ authorSalt: randomBytes(16).toString('hex'), authorMac: randomBytes(32).toString('hex'), banSealed: bot.secrets.encrypt(randomBytes(32).toString('hex')) })
        .where(eq(cases.id, row.id));
    }
  },

  async purge(tx, _bot, now) {
    const r = await purgeCases(tx, now);
    return r.cases + r.drafts + r.counters;
  },
};
