// A team's own prompts (`/reflect add`, `remove`, `prompts`): kept by the team's number, drawn alongside the library.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { nextTeamNumber } from '../../db/numbers.js';
import { customPrompts } from '../../db/schema/index.js';

export type CustomPrompt = typeof customPrompts.$inferSelect;

/** Add one under the team's next "#N". In a transaction: the team's numbering lock is held until the prompt is in. */
export async function addCustomPrompt(tx: Tx, teamId: number, text: string, now: Date): Promise<CustomPrompt> {
  const number = await nextTeamNumber(tx, customPrompts, teamId);
  const [added] = await tx.insert(customPrompts).values({ teamId, number, text, createdAt: now }).returning();
  return added!;
}

/** Remove the one the team knows as `number` (as `/reflect prompts` shows it); false when the team has none such. */
export async function removeCustomPrompt(db: Tx, teamId: number, number: number): Promise<boolean> {
  const gone = await db
    .delete(customPrompts)
    .where(and(eq(customPrompts.teamId, teamId), eq(customPrompts.number, number)))
    .returning({ id: customPrompts.id });
  return gone.length > 0;
}

/** The team's own prompts in the order of their numbers, for browsing. */
export function customPromptsByNumber(db: Tx, teamId: number): Promise<CustomPrompt[]> {
  return db.select().from(customPrompts).where(eq(customPrompts.teamId, teamId)).orderBy(asc(customPrompts.number));
}
