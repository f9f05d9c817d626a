// The thread starter: one question, its theme, how to answer, and a button to answer anonymously.
import { teamLang, type Team } from '../../core/teams.js';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Secrets } from '../../core/secrets.js';
import { message, noteBlock, textBlock, untrusted, type Message, type Span } from '../../core/message.js';
import type { Tx } from '../../db/client.js';
import { recordset, rowsOf } from '../../db/bulk.js';
import { promptPosts, teams } from '../../db/schema/index.js';
import { t, tx as words, type Lang } from '../../i18n/index.js';
import { enqueue, enqueueMany } from '../../schedule/outbox.js';
import { scheduleFollowUp, scheduleFollowUps } from './followup.js';
import { THEME_NAMES, type Theme } from './library.js';
import { customPromptsOf, libraryPool, lockRotations, nextInRotation, promptPool, saveRotations, takeNext, themeScope, withOwn, type AnyPrompt } from './rotation.js';

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

type Post = typeof promptPosts.$inferSelect;

export interface ThreadToOpen {
  team: Team;
  channel: string;
  themes: readonly Theme[];
  key: string;
  scheduleId: number;
  zone: string;
}

/**
 * Open many prompt threads at once (a scheduled fan-out): the same steps as `openPromptThread`, but a
 * handful of statements for the whole batch — custom prompts, rotations, posts, outbox rows, follow-ups.
 */
export async function openPromptThreads(db: Tx, secrets: Secrets, items: readonly ThreadToOpen[], now: Date): Promise<void> {
  if (!items.length) return;
  const customs = await customPromptsOf(db, [...new Set(items.map((i) => i.team.id))]);
  const withPool = items.map((i) => ({ ...i, scope: themeScope(i.themes), pool: withOwn(libraryPool(i.themes), customs.get(i.team.id)!) })).filter((i) => i.pool.length);
  const pairs = [...new Map(withPool.map((i) => [`${i.team.id}|${i.scope}`, { teamId: i.team.id, scope: i.scope }])).values()];
  const rotations = await lockRotations(db, pairs);
  const picks = withPool.map((i) => {
    const state = rotations.get(`${i.team.id}|${i.scope}`)!;
    const step = nextInRotation(secrets, i.team.id, i.scope, state, i.pool);
    state.cycle = step.cycle;
    state.seen = step.seen;
    return { ...i, prompt: i.pool.find((p) => p.id === step.pick)! };
  });
  await saveRotations(db, [...rotations.values()]);
  const posts = new Map<string, Post>();
  for (let n = 0; n < picks.length; n += 1000) {
    const chunk = picks.slice(n, n + 1000).map((p) => ({ team_id: p.team.id, schedule_id: p.scheduleId, prompt_id: p.prompt.id, channel: p.channel, outbox_key: p.key, posted_at: now }));
    const rows = rowsOf<{ id: number; outbox_key: string }>(
      await db.execute(sql`
        insert into ${promptPosts} (team_id, schedule_id, prompt_id, channel, outbox_key, posted_at)
        select team_id, schedule_id, prompt_id, channel, outbox_key, posted_at
        from ${recordset(chunk, { team_id: 'int', schedule_id: 'int', prompt_id: 'text', channel: 'text', outbox_key: 'text', posted_at: 'timestamptz' })}
        returning id, outbox_key`),
    );
    const byKey = new Map(chunk.map((c) => [c.outbox_key, c]));
    for (const r of rows) {
      const c = byKey.get(r.outbox_key)!;
      posts.set(r.outbox_key, { id: r.id, teamId: c.team_id, scheduleId: c.schedule_id, promptId: c.prompt_id, channel: c.channel, outboxKey: c.outbox_key, postedAt: now });
    }
  }
  await enqueueMany(
    db,
    now,
    picks.map((p) => ({ teamId: p.team.id, key: p.key, target: { kind: 'channel' as const, channel: p.channel }, message: starterMessage(p.prompt, teamLang(p.team), posts.get(p.key)!.id) })),
  );
  await scheduleFollowUps(db, picks.map((p) => ({ team: p.team, post: posts.get(p.key)!, zone: p.zone })));
}
