// Shared steps of case flow tests: the draft token a member's latest private preview carries on its Publish button.
import type { MemoryAdapter, Said } from '../../adapters/memory/index.js';

type Private = Extract<Said, { kind: 'private' }>;

/** The token of the Publish button on the last private answer to `member` (their case preview). */
export function previewTokenOf(mem: MemoryAdapter, member: string): string {
  const m = [...mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member)!.message;
  for (const b of m.blocks) if (b.type === 'actions') for (const x of b.buttons) if (x.action === 'case.publish') return x.value!;
  throw new Error('no preview');
}
