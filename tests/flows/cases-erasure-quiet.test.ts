// An erasure that withdraws a member's cases, seen from the group: each case stays open like any other until its own
// clean-up piece closes it, so nothing answers differently for the cases that had one author.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { caseReports, cases, schedules } from '../../src/db/schema/index.js';
import { isAuthor } from '../../src/features/cases/store.js';
import { CLEANUP_LATER } from '../../src/features/privacy/cleanup-later.js';
import { anna, ben, type TestBot } from '../helpers/bot.js';
import { answerTo, caseTeam, previewTokenOf } from '../helpers/cases.js';

const MIN = 60_000;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dan = { id: 'U_DAN', name: 'Dan', locale: 'en-GB' };
const erin = { id: 'U_ERIN', name: 'Erin', locale: 'en-GB' };
type Member = typeof anna;
type Post = Extract<Said, { kind: 'post' }>;

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, carol, dan, erin]);
});
afterAll(() => tb.close());

async function submit(m: Member, title: string): Promise<number> {
  await tb.mem.command(m, '/case');
  await tb.mem.fill(m, { title, body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?', tags: ['rupture'] });
  await tb.mem.click(m, 'case.publish', previewTokenOf(tb.mem, m.id));
  return Number(/#(\d+)/.exec(tb.mem.lastPrivate(m.id)!)![1]);
}
const caseRow = async (n: number) => (await tb.bot.db.select().from(cases).where(eq(cases.number, n)))[0]!;
const postOf = (n: number) => tb.mem.posts('cases').find((p) => !p.place.thread && p.text.includes(`#${n}`))!;
const threadOf = (n: number) => postOf(n).ref.id;
const inThread = (n: number): Post[] => tb.mem.posts('cases').filter((p) => p.place.thread === threadOf(n));
const removed = () => new Set(tb.mem.said.flatMap((s) => (s.kind === 'remove' ? [s.ref.id] : [])));
const updated = () => tb.mem.said.flatMap((s) => (s.kind === 'update' ? [s] : []));

/** Everything a colleague can learn about a case by acting on it: the Reply and Report buttons, and a typed reply. */
async function probe(m: Member, n: number) {
  const replyButton = await answerTo(tb.mem, m.id, () => tb.mem.click(m, 'case.reply', String(n)));
  const reportButton = await answerTo(tb.mem, m.id, () => tb.mem.click(m, 'case.report', String(n)));
  return { replyButton: { said: replyButton.said, forms: replyButton.forms }, reportButton: { said: reportButton.said, forms: reportButton.forms } };
}
const sameAs = (answer: { said: string[] }, n: number, other: number) => answer.said.map((s) => s.replaceAll(`#${n}`, `#${other}`));

describe('an erasure that withdraws, before each case’s clean-up', () => {
  it('answers every colleague about the erased member’s cases exactly as about any open case, until each case’s own moment', async () => {
    const first = await submit(erin, 'Erin one');
    const second = await submit(erin, 'Erin two');
    const other = await submit(anna, 'Anna one');
    tb.clock.advance(25 * MIN);
    await tb.bot.runDueWork();
    await tb.mem.command(erin, `/case reply ${first} What I meant was this.`);
    await tb.mem.command(ben, `/case reply ${first} Before the erasure.`);
    await tb.mem.click(carol, 'case.report', String(first));
    await tb.mem.fill(carol, { reason: 'The town could be recognised' });
    await tb.bot.runDueWork();
    const before = { replies: inThread(first).map((p) => p.ref.id), mods: tb.mem.posts('mods').map((p) => p.ref.id) };
    expect(before.replies).toHaveLength(2);
    expect(before.mods).toHaveLength(1);

    await tb.mem.command(erin, '/sojusz mydata delete');
    await tb.mem.click(erin, 'privacy.delete', 'withdraw');
    expect(tb.mem.lastPrivate(erin.id)).toContain('within six hours');

    // The text and the link to Erin are gone from the database at once …
    for (const n of [first, second]) {
      const row = await caseRow(n);
      expect(row).toMatchObject({ title: null, body: null, question: null });
      expect(isAuthor(tb.bot.secrets, row, erin.id)).toBe(false);
    }
    expect((await tb.bot.db.select().from(caseReports).where(eq(caseReports.caseId, (await caseRow(first)).id))).map((r) => r.reason)).toEqual([null]);
    // … but to the group, her cases answer word for word as Anna's open one does, and nothing in the channel moved.
    const open = await probe(ben, other);
    expect(open.replyButton.forms).toBe(1);
    expect(open.reportButton.forms).toBe(1);
    for (const n of [first, second]) {
      const seen = await probe(ben, n);
      expect({ ...seen, replyButton: { ...seen.replyButton, said: sameAs(seen.replyButton, n, other) }, reportButton: { ...seen.reportButton, said: sameAs(seen.reportButton, n, other) } }).toEqual(open);
    }
    const typed = await answerTo(tb.mem, dan.id, () => tb.mem.command(dan, `/case reply ${second} After the erasure.`));
    const typedOpen = await answerTo(tb.mem, dan.id, () => tb.mem.command(dan, `/case reply ${other} To the open one.`));
    expect(sameAs(typed, second, other)).toEqual(typedOpen.said);
    await tb.mem.submit(ben, 'case-report', { reason: 'Still worried' }, String(second));
    expect(tb.mem.lastPrivate(ben.id)).toBe('Thank you. The moderators got the report, without your name.');
    // Erin herself is nobody to her old cases now: she cannot withdraw one, as nobody but an author can.
    const hers = await answerTo(tb.mem, erin.id, () => tb.mem.command(erin, `/case withdraw ${first}`));
    const notHers = await answerTo(tb.mem, erin.id, () => tb.mem.command(erin, `/case withdraw ${other}`));
    expect(hers.said).toEqual(notHers.said);
    await tb.bot.runDueWork();
    expect(updated()).toEqual([]);
    expect(removed().size).toBe(0);

    // Each case closes at its own random moment, with everything its thread and the moderators got meanwhile.
    const pieces = await tb.bot.db.select().from(schedules).where(eq(schedules.kind, CLEANUP_LATER));
    expect(pieces).toHaveLength(2);
    expect(JSON.stringify(pieces)).not.toMatch(/Erin|U_ERIN|homework/);
    const dues = pieces.map((p) => p.nextDueAt!.getTime()).sort((a, b) => a - b);
    tb.clock.set(new Date(dues[0]!).toISOString());
    await tb.bot.runDueWork();
    expect(updated().filter((u) => [threadOf(first), threadOf(second)].includes(u.ref.id))).toHaveLength(1);
    tb.clock.set(new Date(dues[1]!).toISOString());
    await tb.bot.runDueWork();

    for (const n of [first, second]) {
      expect(updated().filter((u) => u.ref.id === threadOf(n)).map((u) => u.text)).toEqual([expect.stringMatching(/withdrawn|wycofany/)]);
      expect((await caseRow(n)).status).toBe('withdrawn');
      const gone = removed();
      expect(inThread(n).length).toBeGreaterThan(0);
      expect(inThread(n).filter((p) => !gone.has(p.ref.id))).toEqual([]);
    }
    expect(inThread(first).map((p) => p.ref.id)).toEqual(expect.arrayContaining(before.replies));
    // Both reports (before the erasure and after it) lose their reason in the moderation channel.
    const reportsNow = updated().filter((u) => tb.mem.posts('mods').some((p) => p.ref.id === u.ref.id));
    expect(reportsNow).toHaveLength(2);
    expect(JSON.stringify(reportsNow)).not.toMatch(/town|worried/i);
    // Anna's case is untouched, and the closed ones now answer as closed cases do.
    expect(removed().has(inThread(other)[0]!.ref.id)).toBe(false);
    expect(await probe(ben, other)).toEqual(open);
    expect((await probe(ben, first)).replyButton.said).toEqual([`Case #${first} is no longer open for replies.`]);
  });
});
