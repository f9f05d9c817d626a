// What a case leaves behind about its author: the published mark carries only the public publication instant, and a
// ban from posting outlives its member's erasure until it ends — shown in their export, then purged.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { caseBans, caseDrafts, cases } from '../../src/db/schema/index.js';
import { purgeCases } from '../../src/features/cases/retention.js';
import { anna, ben, facilitator, type TestBot } from '../helpers/bot.js';
import { caseTeam, previewTokenOf } from '../helpers/cases.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dan = { id: 'U_DAN', name: 'Dan', locale: 'en-GB' };
type Member = typeof anna;

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, carol, dan]);
});
afterAll(() => tb.close());

async function draft(m: Member, title: string): Promise<string> {
  await tb.mem.command(m, '/case');
  await tb.mem.fill(m, { title, body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?', tags: ['rupture'] });
  return previewTokenOf(tb.mem, m.id);
}
const caseNamed = async (title: string) => (await tb.bot.db.select().from(cases).where(eq(cases.title, title)))[0]!;
const purge = () => tb.bot.db.transaction((tx) => purgeCases(tx, tb.clock.now()));
function exported(member: string): { cases: Record<string, unknown> } {
  const file = [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'file' }> => s.kind === 'file' && s.member === member)!;
  return JSON.parse(Buffer.from(file.file.bytes).toString('utf8'));
}

describe('the mark a published draft leaves', () => {
  it('carries the public publication instant, never when the draft was written or sent, and still expires a day later', async () => {
    const savedAt = tb.clock.now();
    const token = await draft(dan, 'Marked');
    tb.clock.advance(3 * MIN); // reading the preview
    const pressedAt = tb.clock.now();
    await tb.mem.click(dan, 'case.publish', token);
    const row = await caseNamed('Marked');
    const [mark] = await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token));
    expect(mark!.createdAt.getTime()).toBe(row.publishAt.getTime());
    expect([savedAt.getTime(), pressedAt.getTime()]).not.toContain(mark!.createdAt.getTime());

    // A second press on the old preview hears "already published" for a day after the case went out, then "gone".
    tb.clock.set(new Date(row.publishAt.getTime() + DAY - MIN));
    await purge();
    await tb.mem.click(dan, 'case.publish', token);
    expect(tb.mem.lastPrivate(dan.id)).toContain(`Case #${row.number} is already published`);
    tb.clock.set(new Date(row.publishAt.getTime() + DAY + MIN));
    await purge();
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toEqual([]);
    await tb.mem.click(dan, 'case.publish', token);
    expect(tb.mem.lastPrivate(dan.id)).toContain('This draft is no longer here');
  });
});

describe('a ban from posting cases and the banned member’s erasure', () => {
  it('is in the member’s export, survives their erasure until it ends, and is purged then', async () => {
    const token = await draft(carol, 'Banned author');
    await tb.mem.click(carol, 'case.publish', token);
    tb.clock.advance(21 * MIN);
    await tb.bot.runDueWork();
    const { number } = await caseNamed('Banned author');
    await tb.mem.command(facilitator, `/case ban ${number} 7`);
    const until = (await tb.bot.db.select().from(caseBans))[0]!.until;

    await tb.mem.command(carol, '/sojusz mydata export');
    expect(exported(carol.id).cases.banFromPosting).toMatchObject({ until: until.toISOString() });
    await tb.mem.command(ben, '/sojusz mydata export');
    expect(exported(ben.id).cases).not.toHaveProperty('banFromPosting');

    // Erasing does not lift it: the next /case is still refused, and the export (of what is kept now) says so.
    await tb.mem.command(carol, '/sojusz mydata delete');
    await tb.mem.click(carol, 'privacy.delete', 'unlink');
    await tb.mem.command(carol, '/case');
    expect(tb.mem.lastPrivate(carol.id)).toMatch(/^You can’t post new cases until /);
    await tb.mem.command(carol, '/sojusz mydata export');
    expect(exported(carol.id).cases.banFromPosting).toMatchObject({ until: until.toISOString() });

    // Once it has ended, the nightly purge takes the row (its keyed MAC stood for the erased member), and /case opens.
    tb.clock.set(new Date(until.getTime() + MIN));
    await purge();
    expect(await tb.bot.db.select().from(caseBans)).toEqual([]);
    await tb.mem.command(carol, '/case');
    expect(tb.mem.lastForm(carol.id)?.id).toBe('case');
  });
});
