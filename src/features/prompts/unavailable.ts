// A prompt the platform refused for good (channel gone, bot removed, DMs closed): pause its schedule, tell someone once.
import { eq } from 'drizzle-orm';
import { message, textBlock } from '../../core/message.js';
import { teamLang } from '../../core/teams.js';
import { promptPosts, schedules, teams } from '../../db/schema/index.js';
import { t } from '../../i18n/index.js';
import type { Undelivered } from '../../schedule/kinds.js';
import { payloadFor, payloadOf } from '../../schedule/payload.js';
import { enqueue } from '../../schedule/outbox.js';
import { facilitatorsToTell } from '../onboarding/facilitators.js';
import { channelUnavailable, PERSONAL_KIND, PROMPT_KIND, type PersonalPayload, type PromptPayload } from './schedules.js';

/** A scheduled team prompt could not be posted, ever: pause the schedule (marked why) and tell its facilitator once. */
export async function teamPromptUndelivered({ tx, key, code, gone, why, now }: Undelivered): Promise<void> {
  if (gone !== 'place') return;
  const [post] = await tx.select({ scheduleId: promptPosts.scheduleId, channel: promptPosts.channel }).from(promptPosts).where(eq(promptPosts.outboxKey, key));
  // `/reflect now` (no schedule) is answered by its own check that the bot can post there.
  if (!post?.scheduleId) return;
  const [row] = await tx.select().from(schedules).where(eq(schedules.id, post.scheduleId)).for('update');
  if (!row) return;
  const p = payloadOf(row, PROMPT_KIND);
  // Moved to another channel since (edit, setup): the new one may well work. Marked already: told already.
  if (p.channel !== post.channel || channelUnavailable(p)) return;
  const payload: PromptPayload = { ...p, unavailable: { channel: p.channel, since: now.toISOString(), code, why } };
  await tx.update(schedules).set({ paused: true, payload: payloadFor(PROMPT_KIND, payload) }).where(eq(schedules.id, row.id));
  const [team] = await tx.select().from(teams).where(eq(teams.id, row.teamId));
  if (!team) return;
  for (const m of await facilitatorsToTell(tx, team.id, p.creator)) {
    const lang = teamLang(team, m);
    await enqueue(tx, now, {
      teamId: team.id,
      key: `prompt-unavailable:${row.id}:${now.toISOString()}:${m.externalId}`,
      target: { kind: 'dm', member: m.externalId },
      message: message(textBlock(t(lang, why === 'restricted' ? 'prompts.unavailable.dmRestricted' : 'prompts.unavailable.dm', { id: row.number ?? undefined, channel: { channel: p.channel } }))),
    });
  }
}

/**
 * A personal prompt could not reach the member by DM, ever (DMs closed, left the workspace): pause it, marked why.
 * They cannot be told by DM; `/reflect me`, `/reflect list` and the home view say so when they next look.
 */
export async function personalPromptUndelivered({ tx, key, code, gone, now }: Undelivered): Promise<void> {
  if (gone !== 'member') return;
  const id = Number(/^personal-prompt:(\d+):/.exec(key)?.[1]);
  if (!id) return;
  const [row] = await tx.select().from(schedules).where(eq(schedules.id, id)).for('update');
  if (!row || row.paused) return;
  const payload: PersonalPayload = { ...payloadOf(row, PERSONAL_KIND), unreachable: { since: now.toISOString(), code } };
  await tx.update(schedules).set({ paused: true, nextDueAt: null, payload: payloadFor(PERSONAL_KIND, payload) }).where(eq(schedules.id, id));
}
