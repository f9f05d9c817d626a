// Prompts in the privacy registry: which threads a member answered (keyed MACs), and the team's own prompts.
import { and, eq, inArray } from 'drizzle-orm';
import { customPrompts, promptPosts, promptReplies } from '../../db/schema/index.js';
import type { PrivacyContributor } from '../../core/privacy.js';
import { replyMac, type ReplyWay } from './followup.js';
import { deleteSchedules, personalSchedule } from './schedules.js';

const WAYS: readonly ReplyWay[] = ['named', 'pseudonym'];

export const promptsPrivacy: PrivacyContributor = {
  area: 'prompts',

  async exportMember(tx, bot, team, member) {
    const posts = await tx.select().from(promptPosts).where(eq(promptPosts.teamId, team.id));
    if (!posts.length) return { answeredThreads: [] };
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
    };
  },

  async deleteMember(tx, bot, team, member) {
    // The member's personal prompt schedule goes with them.
    const personal = await personalSchedule(tx, team.id, member.id);
    await deleteSchedules(tx, personal ? [personal.id] : []);
    const posts = await tx.select({ id: promptPosts.id }).from(promptPosts).where(eq(promptPosts.teamId, team.id));
    for (const p of posts) {
      const macs = WAYS.map((way) => replyMac(bot.secrets, team.id, p.id, member.externalId, way));
      await tx.delete(promptReplies).where(and(eq(promptReplies.postId, p.id), inArray(promptReplies.memberMac, macs)));
    }
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
