// Shared steps of case flow tests: a team ready for cases, the draft token on a preview's Publish button, what an action answered.
import type { MemoryAdapter, Said } from '../../adapters/memory/index.js';
import { facilitator, makeBot, type TestBot } from './bot.js';

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

type Member = { id: string; name?: string; locale?: string; isAdmin?: boolean };

/**
 * A team ready for cases: the facilitator and `others` have each used the bot once, cases go to #cases (where they all
 * are) and reports to #mods.
 */
export async function caseTeam(others: Member[], o: Parameters<typeof makeBot>[0] = {}): Promise<TestBot> {
  const tb = await makeBot(o);
  const everyone = [facilitator, ...others];
  for (const m of everyone) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
  tb.mem.channels.set('cases', everyone.map((m) => m.id));
  return tb;
}

/** A case written by `member`, published, and posted after its delay (the clock moved past it); returns its number. */
export async function publishedCase(tb: TestBot, member: Member, o: { title: string; body?: string; question?: string; tags?: string[] }): Promise<number> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title: o.title, body: o.body ?? 'I pushed homework when the client needed to be heard.', question: o.question ?? 'How do I repair it?', tags: o.tags ?? [] });
  await tb.mem.click(member, 'case.publish', previewTokenOf(tb.mem, member.id));
  const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(member.id)!)![1]);
  tb.clock.advance(21 * 60_000);
  await tb.bot.runDueWork();
  return n;
}
