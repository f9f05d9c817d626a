// Prompt rotation: no repeats until a whole theme set was seen; the order is shuffled per team, yet reproducible.
import { asc, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { customPrompts, promptRotations } from '../../db/schema/index.js';
import { PROMPT_LIBRARY, THEMES, type Theme } from './library.js';

/** A prompt as the rotation sees it: a library prompt, or the team's own (untrusted text). */
export type AnyPrompt =
  | { id: string; kind: 'library'; theme: Theme; pl: string; en: string }
  | { id: string; kind: 'custom'; customId: number; text: string };

export const customPromptId = (id: number) => `custom-${id}`;

/** The pool a theme set draws from: its library prompts plus every one of the team's own prompts. */
export async function promptPool(db: Tx, teamId: number, themes: readonly Theme[]): Promise<AnyPrompt[]> {
  const set = new Set(themes.length ? themes : THEMES);
  const library: AnyPrompt[] = PROMPT_LIBRARY.filter((p) => set.has(p.theme)).map((p) => ({ ...p, kind: 'library' as const }));
  const own = await db.select().from(customPrompts).where(eq(customPrompts.teamId, teamId)).orderBy(asc(customPrompts.id));
  return [...library, ...own.map((c): AnyPrompt => ({ id: customPromptId(c.id), kind: 'custom', customId: c.id, text: c.text }))];
}

/** The rotation scope of a theme set: schedules with the same themes share one rotation. */
export function themeScope(themes: readonly Theme[]): string {
  return themes.length ? `themes:${[...themes].sort().join(',')}` : 'themes:*';
}

/** Deterministic Fisher–Yates: the same seed always gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  let counter = 0;
  let pool = Buffer.alloc(0);
  const next = (): number => {
    if (pool.length < 4) pool = Buffer.concat([pool, createHash('sha256').update(`${seed}:${counter++}`).digest()]);
    const v = pool.readUInt32BE(0);
    pool = pool.subarray(4);
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
  const seed = secrets.hmac('prompt-rotation', teamId, scope, cycle);
  return seededShuffle([...ids].sort(), seed);
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
  let cycle = row!.cycle;
  let seen = new Set(row!.seen);
  const byId = new Map(pool.map((p) => [p.id, p]));
  let pick = cycleOrder(secrets, teamId, scope, cycle, [...byId.keys()]).find((id) => !seen.has(id));
  if (!pick) {
    cycle += 1;
    seen = new Set();
    pick = cycleOrder(secrets, teamId, scope, cycle, [...byId.keys()])[0]!;
  }
  seen.add(pick);
  await db.update(promptRotations).set({ cycle, seen: [...seen] }).where(eq(promptRotations.id, row!.id));
  return byId.get(pick);
}
