// Prompts in the privacy registry: which threads a member answered (keyed MACs), the schedules a facilitator created,
// a member's personal rotation, and the team's own prompts.
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { customPrompts, outbox, promptPosts, promptReplies, promptRotations, pseudonyms, schedules } from '../../db/schema/index.js';
import { byInput, macsOf, randomMac, type PrivacyContributor } from '../../core/privacy.js';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { payloadOf } from '../../schedule/payload.js';
import { memberMac, pseudonymReplyPrefix, threadReplyPrefix } from '../anonymity/pseudonyms.js';
import { replyMac, type ReplyWay } from './followup.js';
import { personalScope } from './personal.js';
import { promptThread } from './replies.js';
import { deleteSchedules, personalSchedule, PROMPT_KIND } from './schedules.js';

const WAYS: readonly ReplyWay[] = ['named', 'pseudonym'];

/** The team's prompt schedules that name this member (by platform id) as the facilitator who created them. */
function createdBy(teamId: number, externalId: string) {
  return and(eq(schedules.teamId, teamId), eq(schedules.kind, PROMPT_KIND), sql`${schedules.payload}->>'creator' = ${externalId}`);
}

async function personalRotation(tx: Tx, teamId: number, memberId: number) {
  const [row] = await tx
    .select({ cycle: promptRotations.cycle, seen: promptRotations.seen })
    .from(promptRotations)
    .where(and(eq(promptRotations.teamId, teamId), eq(promptRotations.scope, personalScope(memberId))));
  return row;
}

/**
 * Whether an erasure that withdraws takes the member's pseudonymous answers out of this post's thread: the core's
 * share (core-contributor.ts, after this one) finds them by the letter their outbox keys carry. Answers sent before
 * keys carried the letter cannot be found; they stay in the thread, and so they still count.
 */
async function withdrawnFrom(tx: Tx, secrets: Secrets, teamId: number, postId: number, memberExternalId: string): Promise<boolean> {
  const thread = promptThread(postId);
  const [own] = await tx
    .select({ ordinal: pseudonyms.ordinal })
    .from(pseudonyms)
    .where(and(eq(pseudonyms.thread, thread), eq(pseudonyms.memberMac, memberMac(secrets, teamId, thread, memberExternalId))));
  if (!own) return false;
  const [found] = await tx.select({ key: outbox.key }).from(outbox).where(like(outbox.key, `${pseudonymReplyPrefix(threadReplyPrefix(thread)!, own.ordinal)}%`)).limit(1);
  return found !== undefined;
}

export const promptsPrivacy: PrivacyContributor = {
  area: 'prompts',

  async exportMember(tx, bot, team, member) {
    const created = await tx.select().from(schedules).where(createdBy(team.id, member.externalId));
    const schedulesCreated = created.map((s) => {
      const p = payloadOf(s, PROMPT_KIND);
      return { number: s.number, channel: p.channel, themes: p.themes ?? [], zone: s.zone, rule: s.rule, paused: s.paused, nextDueAt: s.nextDueAt };
    });
    const rotation = await personalRotation(tx, team.id, member.id);
    // Which library (or team) prompts their personal rotation has sent, so it does not repeat them.
    const personal = rotation ? { personalRotation: { cycle: rotation.cycle, sent: rotation.seen } } : {};
    const posts = await tx.select().from(promptPosts).where(eq(promptPosts.teamId, team.id));
    if (!posts.length) return { answeredThreads: [], schedulesCreated, ...personal };
    const macs = new Map(
      posts.flatMap((p) => WAYS.map((way) => [replyMac(bot.secrets, team.id, p.id, member.externalId, way), { post: p, way }] as const)),
    );
    const mine = await tx.select({ mac: promptReplies.memberMac }).from(promptReplies).where(inArray(promptReplies.memberMac, [...macs.keys()]));
    // Reply text is never stored: only that the member answered (and how), for the follow-up count.
    return {
      answeredThreads: mine.map((r) => {
        const { post, way } = macs.get(r.mac)!;
        return { prompt: post.promptId, postedAt: post.postedAt, ...(way === 'pseudonym' ? { underPseudonym: true } : {}) };
      }),
      schedulesCreated,
      ...personal,
    };
  },

  async deleteMember(tx, bot, team, member, anonymous) {
    // The member's personal prompt schedule and its rotation go with them.
    const personal = await personalSchedule(tx, team.id, member.id);
    await deleteSchedules(tx, personal ? [personal.id] : []);
    await tx.delete(promptRotations).where(and(eq(promptRotations.teamId, team.id), eq(promptRotations.scope, personalScope(member.id))));
    // The team's schedules they created stay the team's, without their id (nobody is told of a missed prompt then).
    await tx
      .update(schedules)
      .set({ payload: sql`${schedules.payload} - 'creator'` })
      .where(createdBy(team.id, member.externalId));
    // Who answered stays counted as the thread shows it: a named reply is the member's own message, which stays on the
    // platform, and so does a pseudonymous one unless this erasure withdraws it. Deleting their rows would make the
    // follow-up count fewer people than the thread shows, and which rows went would say who a pseudonym was. So each
    // row gets random bytes (it stands for nobody, as on a secret rotation), and only a pseudonymous answer that is
    // taken out of the thread stops counting.
    const posts = await tx.select({ id: promptPosts.id }).from(promptPosts).where(eq(promptPosts.teamId, team.id));
    const macs = new Map(posts.flatMap((p) => WAYS.map((way) => [replyMac(bot.secrets, team.id, p.id, member.externalId, way), { postId: p.id, way }] as const)));
    const mine = macs.size ? await tx.select({ id: promptReplies.id, mac: promptReplies.memberMac }).from(promptReplies).where(inArray(promptReplies.memberMac, [...macs.keys()])) : [];
    for (const r of mine) {
      const { postId, way } = macs.get(r.mac)!;
      if (way === 'pseudonym' && anonymous === 'withdraw' && (await withdrawnFrom(tx, bot.secrets, team.id, postId, member.externalId))) {
        await tx.delete(promptReplies).where(eq(promptReplies.id, r.id));
      } else {
        await tx.update(promptReplies).set({ memberMac: randomMac() }).where(eq(promptReplies.id, r.id));
      }
    }
  },

  /**
   * Who answered a thread: per post, each member's two MACs (by name, under the pseudonym) under the old secret,
   * looked up for every row; a row keeps standing for its member and way, or becomes random bytes — never deleted,
   * so the follow-up count stays what the thread shows.
   */
  async rekey(tx, rosters, from, to) {
    let rekeyed = 0;
    let unlinked = 0;
    const rows = await tx
      .select({ id: promptReplies.id, postId: promptReplies.postId, mac: promptReplies.memberMac, teamId: promptPosts.teamId })
      .from(promptReplies)
      .innerJoin(promptPosts, eq(promptPosts.id, promptReplies.postId));
    for (const [postId, group] of byInput(rows, (r) => r.postId)) {
      const teamId = group[0]!.teamId;
      const roster = rosters.get(teamId) ?? [];
      const whose = new Map(WAYS.flatMap((way) => [...macsOf(roster, (m) => replyMac(from, teamId, postId, m, way))].map(([mac, m]) => [mac, { m, way }] as const)));
      for (const r of group) {
        const found = whose.get(r.mac);
        if (found) rekeyed++;
        else unlinked++;
        await tx
          .update(promptReplies)
          .set({ memberMac: found ? replyMac(to, teamId, postId, found.m, found.way) : randomMac() })
          .where(eq(promptReplies.id, r.id));
      }
    }
    return { rekeyed, unlinked };
  },

  async exportTeam(tx, _bot, team) {
    return {
      customPrompts: await tx.select({ text: customPrompts.text, createdAt: customPrompts.createdAt }).from(customPrompts).where(eq(customPrompts.teamId, team.id)),
      promptThreads: await tx
        .select({ prompt: promptPosts.promptId, channel: promptPosts.channel, postedAt: promptPosts.postedAt })
        .from(promptPosts)
        .where(eq(promptPosts.teamId, team.id)),
    };
  },
};
