// Prompts in the privacy registry: which threads a member answered (keyed MACs), the schedules a facilitator created,
// a member's personal rotation, and the team's own prompts.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { customPrompts, promptPosts, promptReplies, promptRotations, schedules } from '../../db/schema/index.js';
import { byInput, macsOf, randomMac, type PrivacyContributor } from '../../core/privacy.js';
import type { Tx } from '../../db/client.js';
import { replyMac, type ReplyWay } from './followup.js';
import { personalScope } from './personal.js';
import { deleteSchedules, personalSchedule, PROMPT_KIND, type PromptPayload } from './schedules.js';

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

export const promptsPrivacy: PrivacyContributor = {
  area: 'prompts',

  async exportMember(tx, bot, team, member) {
    const created = await tx.select().from(schedules).where(createdBy(team.id, member.externalId));
    const schedulesCreated = created.map((s) => {
      const p = s.payload as unknown as PromptPayload;
      return { id: s.id, channel: p.channel, themes: p.themes ?? [], zone: s.zone, rule: s.rule, paused: s.paused, nextDueAt: s.nextDueAt };
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

  async deleteMember(tx, bot, team, member) {
    // The member's personal prompt schedule and its rotation go with them.
    const personal = await personalSchedule(tx, team.id, member.id);
    await deleteSchedules(tx, personal ? [personal.id] : []);
    await tx.delete(promptRotations).where(and(eq(promptRotations.teamId, team.id), eq(promptRotations.scope, personalScope(member.id))));
    // The team's schedules they created stay the team's, without their id (nobody is told of a missed prompt then).
    await tx
      .update(schedules)
      .set({ payload: sql`${schedules.payload} - 'creator'` })
      .where(createdBy(team.id, member.externalId));
    const posts = await tx.select({ id: promptPosts.id }).from(promptPosts).where(eq(promptPosts.teamId, team.id));
    for (const p of posts) {
      const macs = WAYS.map((way) => replyMac(bot.secrets, team.id, p.id, member.externalId, way));
      await tx.delete(promptReplies).where(and(eq(promptReplies.postId, p.id), inArray(promptReplies.memberMac, macs)));
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
