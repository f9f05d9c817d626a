// Prompt rotation: no repeats until a whole theme set was seen; the order is shuffled per team, yet reproducible.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { hash } from 'node:crypto';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { recordset, rowsOf } from '../../db/bulk.js';
import { customPrompts, promptRotations } from '../../db/schema/index.js';
import { PROMPT_LIBRARY, THEMES, type Theme } from './library.js';

/** A prompt as the rotation sees it: a library prompt, or the team's own (untrusted text). */
export type AnyPrompt =
  | { id: string; kind: 'library'; theme: Theme; pl: string; en: string }
  | { id: string; kind: 'custom'; customId: number; text: string };

export const customPromptId = (id: number) => `custom-${id}`;

/** The pool a theme set draws from: its library prompts plus every one of the team's own prompts. */
export async function promptPool(db: Tx, teamId: number, themes: readonly Theme[]): Promise<readonly AnyPrompt[]> {
  const library = libraryPool(themes);
  const own = await db.select().from(customPrompts).where(eq(customPrompts.teamId, teamId)).orderBy(asc(customPrompts.id));
  return withOwn(library, own.map((c): AnyPrompt => ({ id: customPromptId(c.id), kind: 'custom', customId: c.id, text: c.text })));
}

/** A team's pool: the shared library pool itself when the team has no prompts of its own (nothing to copy). */
export function withOwn(library: readonly AnyPrompt[], own: readonly AnyPrompt[]): readonly AnyPrompt[] {
  return own.length ? [...library, ...own] : library;
}

/** The rotation scope of a theme set: schedules with the same themes share one rotation. */
export function themeScope(themes: readonly Theme[]): string {
  return themes.length ? `themes:${[...themes].sort().join(',')}` : 'themes:*';
}

/** Deterministic Fisher–Yates: the same seed always gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  // A stream of 32-bit draws: sha256(seed:0), sha256(seed:1), … read 4 bytes at a time.
  let counter = 0;
  let block: Buffer = Buffer.alloc(0);
  let at = 0;
  const next = (): number => {
    if (at >= block.length) {
      // One-shot hash: the same bytes as createHash().update().digest(), without a Hash object per block.
      block = hash('sha256', `${seed}:${counter++}`, 'buffer');
      at = 0;
    }
    const v = block.readUInt32BE(at);
    at += 4;
    return v / 0x1_0000_0000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The order of one cycle for a team and scope: keyed by the team, so teams differ, and by the cycle. */
export function cycleOrder(secrets: Secrets, teamId: number, scope: string, cycle: number, ids: readonly string[]): string[] {
  return shuffledCycle(secrets, teamId, scope, cycle, [...ids].sort());
}

function shuffledCycle(secrets: Secrets, teamId: number, scope: string, cycle: number, sortedIds: readonly string[]): string[] {
  return seededShuffle(sortedIds, secrets.hmac('prompt-rotation', teamId, scope, cycle));
}

/** A pool's ids in sorted order, sorted once per pool (a fan-out reuses the same frozen library pool). */
const sortedIdsOf = new WeakMap<readonly AnyPrompt[], readonly string[]>();
function sortedIds(pool: readonly AnyPrompt[]): readonly string[] {
  let ids = sortedIdsOf.get(pool);
  if (!ids) sortedIdsOf.set(pool, (ids = pool.map((p) => p.id).sort()));
  return ids;
}

/**
 * Take the next prompt of a rotation and remember it, inside the caller's transaction (the row is locked,
 * so two replicas or a `/reflect now` at the same moment never take the same step).
 */
export async function takeNext(db: Tx, secrets: Secrets, teamId: number, scope: string, pool: readonly AnyPrompt[]): Promise<AnyPrompt | undefined> {
  if (!pool.length) return undefined;
  // One upsert creates the row if needed and locks it (ON CONFLICT DO UPDATE takes the row lock).
  const [row] = await db
    .insert(promptRotations)
    .values({ teamId, scope })
    .onConflictDoUpdate({ target: [promptRotations.teamId, promptRotations.scope], set: { scope } })
    .returning();
  const step = nextInRotation(secrets, teamId, scope, { cycle: row!.cycle, seen: row!.seen }, pool);
  await db.update(promptRotations).set({ cycle: step.cycle, seen: step.seen }).where(eq(promptRotations.id, row!.id));
  const pick = step.pick;
  return pool.find((p) => p.id === pick);
}

export interface RotationState {
  cycle: number;
  seen: string[];
}

/**
 * One step of a rotation, in memory: the next unseen prompt of this cycle, or the first of the next cycle — unless
 * that is the prompt just posted (the last one seen), which would come two weeks in a row; then the second.
 */
export function nextInRotation(secrets: Secrets, teamId: number, scope: string, state: RotationState, pool: readonly AnyPrompt[]): RotationState & { pick: string } {
  const ids = sortedIds(pool);
  let cycle = state.cycle;
  let seen = new Set(state.seen);
  let pick = shuffledCycle(secrets, teamId, scope, cycle, ids).find((id) => !seen.has(id));
  if (!pick) {
    const last = state.seen.at(-1);
    cycle += 1;
    seen = new Set();
    const order = shuffledCycle(secrets, teamId, scope, cycle, ids);
    pick = order[0] === last && order.length > 1 ? order[1]! : order[0]!;
  }
  seen.add(pick);
  return { cycle, seen: [...seen], pick };
}

/** Custom prompts of many teams in one query, for a batch of occurrences. */
export async function customPromptsOf(db: Tx, teamIds: readonly number[]): Promise<Map<number, AnyPrompt[]>> {
  const out = new Map<number, AnyPrompt[]>(teamIds.map((id) => [id, []]));
  if (!teamIds.length) return out;
  const rows = await db.select().from(customPrompts).where(inArray(customPrompts.teamId, [...teamIds])).orderBy(asc(customPrompts.id));
  for (const c of rows) out.get(c.teamId)!.push({ id: customPromptId(c.id), kind: 'custom', customId: c.id, text: c.text });
  return out;
}

const libraryPools = new Map<string, readonly AnyPrompt[]>();

/**
 * The library part of a theme set's pool (custom prompts are added per team). The same few theme sets
 * serve every team, so each is built once (frozen: callers copy, never change it).
 */
export function libraryPool(themes: readonly Theme[]): readonly AnyPrompt[] {
  const scope = themeScope(themes);
  let pool = libraryPools.get(scope);
  if (!pool) {
    const set = new Set(themes.length ? themes : THEMES);
    pool = Object.freeze(PROMPT_LIBRARY.filter((p) => set.has(p.theme)).map((p) => Object.freeze({ ...p, kind: 'library' as const })));
    libraryPools.set(scope, pool);
  }
  return pool;
}

/**
 * Lock (creating where needed) the rotation rows of many (team, scope) pairs in one statement and return
 * their state; `saveRotations` writes the advanced states back in one statement.
 */
export async function lockRotations(db: Tx, pairs: readonly { teamId: number; scope: string }[]): Promise<Map<string, RotationState & { id: number }>> {
  const out = new Map<string, RotationState & { id: number }>();
  for (let i = 0; i < pairs.length; i += 1000) {
    const chunk = pairs.slice(i, i + 1000).map((p) => ({ team_id: p.teamId, scope: p.scope }));
    // ON CONFLICT DO UPDATE takes each existing row's lock, as takeNext does for one.
    const rows = rowsOf<{ id: number; team_id: number; scope: string; cycle: number; seen: string[] | string }>(
      await db.execute(sql`
        insert into ${promptRotations} (team_id, scope)
        select team_id, scope from ${recordset(chunk, { team_id: 'int', scope: 'text' })}
        on conflict (team_id, scope) do update set scope = excluded.scope
        returning id, team_id, scope, cycle, seen`),
    );
    for (const r of rows) out.set(`${r.team_id}|${r.scope}`, { id: r.id, cycle: r.cycle, seen: typeof r.seen === 'string' ? JSON.parse(r.seen) : r.seen });
  }
  return out;
}

export async function saveRotations(db: Tx, states: readonly (RotationState & { id: number })[]): Promise<void> {
  for (let i = 0; i < states.length; i += 1000) {
    const chunk = states.slice(i, i + 1000).map((s) => ({ id: s.id, cycle: s.cycle, seen: s.seen }));
    await db.execute(
      sql`update ${promptRotations} set cycle = v.cycle, seen = v.seen from ${recordset(chunk, { id: 'int', cycle: 'int', seen: 'jsonb' })} where ${promptRotations.id} = v.id`,
    );
  }
}
