// The thread starter: one question, its theme, how to answer, and a button to answer anonymously.
import type { Team } from '../../core/teams.js';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Secrets } from '../../core/secrets.js';
import { message, noteBlock, textBlock, untrusted, type Message, type Span } from '../../core/message.js';
import type { Tx } from '../../db/client.js';
import { promptPosts, teams } from '../../db/schema/index.js';
import { t, tx as words, type Lang } from '../../i18n/index.js';
import { enqueue } from '../../schedule/outbox.js';
import { scheduleFollowUp } from './followup.js';
import { THEME_NAMES, type Theme } from './library.js';
import { promptPool, takeNext, themeScope, type AnyPrompt } from './rotation.js';
import { teamLang } from './team.js';

export const ANON_REPLY_ACTION = 'prompts.anonReply';

export function themeLabel(p: AnyPrompt, lang: Lang): string {
  return p.kind === 'library' ? THEME_NAMES[p.theme][lang] : words(lang, 'prompts.starter.customTheme');
}

/** The question as spans: library prompts are ours (trusted); the team's own are member-written (untrusted). */
export function questionSpans(p: AnyPrompt, lang: Lang): Span[] {
  return p.kind === 'library' ? [{ text: p[lang], style: 'bold' }] : [untrusted(p.text)];
}

export function starterMessage(p: AnyPrompt, lang: Lang, postId: number): Message {
  const theme = themeLabel(p, lang);
  return {
    ...message(
      textBlock(t(lang, 'prompts.starter.title', { theme })),
      textBlock(questionSpans(p, lang)),
      noteBlock(t(lang, 'prompts.starter.how')),
      { type: 'actions', buttons: [{ action: ANON_REPLY_ACTION, value: String(postId), label: words(lang, 'prompts.starter.anonButton') }] },
    ),
    summary: words(lang, 'prompts.starter.summary', { theme }),
  };
}

export interface OpenThread {
  teamId: number;
  /** The team row when the caller has it already (the scheduler loads it once per batch). */
  team?: Team;
  channel: string;
  themes: readonly Theme[];
  /** Unique per occurrence (`prompt:<schedule>:<due>`); omitted for `/reflect now`. */
  key?: string;
  scheduleId?: number;
  /** The zone follow-ups are timed in. */
  zone: string;
  now: Date;
}

/** Open one prompt thread: take the rotation's next prompt, record the post, queue the message. */
export async function openPromptThread(db: Tx, secrets: Secrets, o: OpenThread): Promise<number | undefined> {
  const team = o.team ?? (await db.select().from(teams).where(eq(teams.id, o.teamId)))[0];
  const pool = await promptPool(db, o.teamId, o.themes);
  const prompt = await takeNext(db, secrets, o.teamId, themeScope(o.themes), pool);
  if (!prompt || !team) return undefined;
  const key = o.key ?? `prompt:now:${randomUUID()}`;
  const [post] = await db
    .insert(promptPosts)
    .values({ teamId: o.teamId, scheduleId: o.scheduleId ?? null, promptId: prompt.id, channel: o.channel, outboxKey: key, postedAt: o.now })
    .returning();
  await enqueue(db, o.now, { teamId: o.teamId, key, target: { kind: 'channel', channel: o.channel }, message: starterMessage(prompt, teamLang(team), post!.id) });
  await scheduleFollowUp(db, team, post!, o.zone);
  return post!.id;
}
