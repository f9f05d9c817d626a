// Cases in the privacy registry: a member's own cases found by salted MAC, withdrawn or unlinked on erasure.
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { teamLang } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { caseBans, caseCounters, caseDrafts, caseReports, cases } from '../../db/schema/index.js';
import { localDate } from '../../schedule/occurrence.js';
import { macsOf, randomMac, type PrivacyContributor, type Rekeyed } from '../../core/privacy.js';
import { findByKey } from '../../schedule/outbox.js';
import { cleanupOf, closeCaseRow, isClosed } from './close.js';
import { queueCleanup } from '../privacy/cleanup-later.js';
import { purgeCases } from './retention.js';
import { authorMac, banMac, banUntil, draftOwnerMac, isAuthor, openDraft, publishedMac } from './store.js';

export const casesPrivacy: PrivacyContributor = {
  area: 'cases',

  async exportMember(tx, bot, team, member) {
    const rows = await tx.select().from(cases).where(eq(cases.teamId, team.id));
    const ban = await banUntil(tx, bot.secrets, team.id, member.externalId, bot.clock.now());
    // Anonymous replies are never stored with their author, so only the member's own cases can be found.
    return {
      cases: rows
        .filter((r) => isAuthor(bot.secrets, r, member.externalId))
        // 'pending' until its publication instant; after it the case is in the channel, whatever the row says.
        .map((r) => ({ number: r.number, title: r.title, difficulty: r.body, question: r.question, tags: r.tags, status: r.status === 'pending' && r.publishAt.getTime() <= bot.clock.now().getTime() ? 'published' : r.status, day: r.createdOn })),
      // A draft is the member's own words, sealed under their MAC until published or a day has passed.
      drafts: (await ownDrafts(tx, bot, team.id, member.externalId)).map((d) => ({ ...openDraft(bot.secrets, d.sealed).text, savedAt: d.createdAt.toISOString() })),
      anonymousReplies: 'not stored: an anonymous reply is kept only in the message the bot posted, with no link to its author',
      ...(ban ? { banFromPosting: { until: ban.toISOString(), kept: 'until it ends, also if you erase your data, so that erasing cannot lift it' } } : {}),
    };
  },

  async deleteMember(tx, bot, team, member, anonymous) {
    // A ban from posting stays until it ends (then it is purged): were it erased, erasing would be the way round every
    // ban. It holds only the keyed ban MAC, and the member's export shows it. Daily counters keep their two days for
    // the same reason (an erasure must not reset a limit).
    // Drafts, and the marks published drafts leave for a day (each ties its case to the member, as the case's MAC does).
    const drafts = await ownDrafts(tx, bot, team.id, member.externalId, true);
    if (drafts.length) await tx.delete(caseDrafts).where(inArray(caseDrafts.token, drafts.map((d) => d.token)));
    const rows = (await tx.select().from(cases).where(eq(cases.teamId, team.id))).filter((r) => isAuthor(bot.secrets, r, member.externalId));
    const lang = teamLang(team);
    for (const row of rows) {
      // Nothing can tie the case to the member any more, whatever they chose: a fresh random MAC and no ban handle.
      const unlinked = { authorSalt: randomBytes(16).toString('hex'), authorMac: randomMac(), banSealed: bot.secrets.encrypt(randomBytes(32).toString('hex')) };
      if (anonymous !== 'withdraw' || isClosed(row)) {
        await tx.update(cases).set(unlinked).where(eq(cases.id, row.id));
        continue;
      }
      const post = await findByKey(tx, row.postKey);
      if (post?.status !== 'sent') {
        // Not in the channel (yet): nobody has seen it, so it is withdrawn now and never appears.
        const closed = await closeCaseRow(tx, row, 'withdrawn', lang, localDate(bot.clock.now(), 'UTC'));
        await queueCleanup(tx, team, bot.clock.now(), cleanupOf(closed));
      } else {
        // In the channel: the text leaves the database now (nothing the group sees reads it: the sent post keeps no
        // copy), and so do the reasons of its reports (they may quote it). The case stays open, to everyone alike,
        // until its own clean-up piece closes it at a random moment: closed now, every case of the member would
        // answer "no longer open" at once while their posts still show, and tell the group they had one author.
        await tx.update(cases).set({ title: null, body: null, question: null, tags: [] }).where(eq(cases.id, row.id));
        await tx.update(caseReports).set({ reason: null }).where(eq(caseReports.caseId, row.id));
        await queueCleanup(tx, team, bot.clock.now(), { edits: [], removals: [], closeCase: row.id });
      }
      await tx.update(cases).set(unlinked).where(eq(cases.id, row.id));
    }
  },

  async purge(tx, _bot, now) {
    const r = await purgeCases(tx, now);
    return r.cases + r.drafts + r.counters + r.bans;
  },

  /** Drafts' text; their owner MACs, and the ban handles sealed on cases, are carried over by `rekey`. */
  async reencrypt(tx, decrypt, encrypt) {
    const rows = await tx.select({ token: caseDrafts.token, sealed: caseDrafts.sealed }).from(caseDrafts);
    for (const r of rows) await tx.update(caseDrafts).set({ sealed: encrypt(decrypt(r.sealed)) }).where(eq(caseDrafts.token, r.token));
    return rows.length;
  },

  /**
   * Each case's author MAC (salted: one HMAC per member and case) and its sealed ban handle, each ban, each draft's
   * owner: the member they stand for gets their value under the new secret, nobody's becomes random. Daily counters
   * are deleted (their day starts again). A ban handle that does not open was sealed before an earlier rotation
   * (which did not carry handles over): it becomes random bytes that open under no key, and a ban of that case's
   * author is still refused as "from before the key change" rather than banning nobody.
   */
  async rekey(tx, rosters, from, to) {
    const out: Rekeyed = { rekeyed: 0, unlinked: 0, dropped: 0, opened: 0 };
    const count = (found: unknown) => void (found ? out.rekeyed++ : out.unlinked++);
    const banners = new Map<number, Map<string, string>>();
    const bansOf = (team: number) => {
      let m = banners.get(team);
      if (!m) banners.set(team, (m = macsOf(rosters.get(team) ?? [], (member) => banMac(from, team, member))));
      return m;
    };

    for (const row of await tx.select({ id: cases.id, teamId: cases.teamId, salt: cases.authorSalt, mac: cases.authorMac, banSealed: cases.banSealed }).from(cases)) {
      const roster = rosters.get(row.teamId) ?? [];
      const author = roster.find((m) => authorMac(from, row.teamId, row.salt, m) === row.mac);
      count(author);
      let handle: string | undefined;
      try {
        handle = from.decrypt(row.banSealed);
        out.opened!++;
      } catch {
        handle = undefined;
      }
      const banned = handle === undefined ? undefined : bansOf(row.teamId).get(handle);
      count(banned);
      await tx
        .update(cases)
        .set({
          authorMac: author ? authorMac(to, row.teamId, row.salt, author) : randomMac(),
          banSealed: handle === undefined ? unopenable() : to.encrypt(banned ? banMac(to, row.teamId, banned) : randomMac()),
        })
        .where(eq(cases.id, row.id));
    }

    for (const ban of await tx.select({ id: caseBans.id, teamId: caseBans.teamId, mac: caseBans.banMac }).from(caseBans)) {
      const member = bansOf(ban.teamId).get(ban.mac);
      count(member);
      await tx.update(caseBans).set({ banMac: member ? banMac(to, ban.teamId, member) : randomMac() }).where(eq(caseBans.id, ban.id));
    }

    // A draft's owner MAC, or a published draft's mark: each keeps its own kind under the new secret.
    for (const d of await tx.select({ token: caseDrafts.token, teamId: caseDrafts.teamId, mac: caseDrafts.ownerMac }).from(caseDrafts)) {
      const roster = rosters.get(d.teamId) ?? [];
      const owner = roster.find((m) => draftOwnerMac(from, d.teamId, d.token, m) === d.mac);
      const marked = owner ? undefined : roster.find((m) => publishedMac(from, d.teamId, d.token, m) === d.mac);
      count(owner ?? marked);
      const mac = owner ? draftOwnerMac(to, d.teamId, d.token, owner) : marked ? publishedMac(to, d.teamId, d.token, marked) : randomMac();
      await tx.update(caseDrafts).set({ ownerMac: mac }).where(eq(caseDrafts.token, d.token));
    }

    out.dropped = (await tx.delete(caseCounters).returning({ mac: caseCounters.mac })).length;
    return out;
  },
};

/** Shaped like a sealed ban handle (iv, tag, 64 hex characters), but it opens under no key. */
const unopenable = () => randomBytes(12 + 16 + 64).toString('base64');

/**
 * The member's unpublished drafts: each is found by its token-keyed owner MAC, never by a stored member id. With
 * `marks`, also the marks their published drafts left (not exported: they hold only a case number, and the member's
 * cases are exported in full).
 */
async function ownDrafts(tx: Tx, bot: Bot, teamId: number, memberExternalId: string, marks = false) {
  const rows = await tx.select().from(caseDrafts).where(eq(caseDrafts.teamId, teamId));
  return rows.filter(
    (d) => d.ownerMac === draftOwnerMac(bot.secrets, teamId, d.token, memberExternalId) || (marks && d.ownerMac === publishedMac(bot.secrets, teamId, d.token, memberExternalId)),
  );
}
