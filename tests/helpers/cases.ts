// Shared steps of case flow tests: the draft token a member's latest private preview carries on its Publish button.
import type { MemoryAdapter, Said } from '../../adapters/memory/index.js';

type Private = Extract<Said, { kind: 'private' }>;

/** The token of the Publish button on the last private answer to `member` (their case preview). */
export function previewTokenOf(mem: MemoryAdapter, member: string): string {
  const m = [...mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member)!.message;
  for (const b of m.blocks) if (b.type === 'actions') for (const x of b.buttons) if (x.action === 'case.publish') return x.value!;
  throw new Error('no preview');
}

type Update = Extract<Said, { kind: 'update' }>;

/** What a member is told privately, how many forms open and which messages change, in answer to one action. */
export async function answerTo(mem: MemoryAdapter, member: string, act: () => Promise<unknown>): Promise<{ said: string[]; forms: number; updates: Update[] }> {
  const before = mem.said.length;
  await act();
  const after = mem.said.slice(before);
  return {
    said: after.filter((s): s is Private => s.kind === 'private' && s.member === member).map((s) => s.text),
    forms: after.filter((s) => s.kind === 'form').length,
    updates: after.filter((s): s is Update => s.kind === 'update'),
  };
}
