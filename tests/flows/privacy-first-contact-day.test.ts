// A member whose very first command is an anonymous `/case reply`: their members row must not say when, to the
// millisecond — the reply's pseudonym and outgoing message carry that instant, so it would name the reply's author to
// anyone reading the database without the secret. The row keeps only the day of first contact and of the note.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { members, outbox, pseudonyms } from '../../src/db/schema/index.js';
import { anna, ben, type TestBot } from '../helpers/bot.js';
import { caseTeam, previewTokenOf } from '../helpers/cases.js';

const MIN = 60_000;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const newcomer = { id: 'U_NEWCOMER', name: 'Nowa', locale: 'pl-PL' };

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, carol], { start: '2026-03-02T08:00:00Z' });
  tb.mem.channels.get('cases')!.push(newcomer.id);
});
afterAll(() => tb.close());

const midnight = (d: Date | null) => d?.toISOString().endsWith('T00:00:00.000Z');

describe('a member whose first command is an anonymous reply', () => {
  it('keeps only the day of their first contact, so no column of theirs matches the reply’s instant', async () => {
    await tb.mem.command(anna, '/case');
    await tb.mem.fill(anna, { title: 'A first reply', body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?', tags: [] });
    await tb.mem.click(anna, 'case.publish', previewTokenOf(tb.mem, anna.id));
    const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(anna.id)!)![1]);
    tb.clock.advance(21 * MIN);
    await tb.bot.runDueWork();

    // An odd instant, so that nothing matches it by chance.
    tb.clock.set('2026-03-02T10:17:23.456Z');
    await tb.mem.command(newcomer, `/case reply ${n} Mam podobnie z jedną klientką.`);
    expect(tb.mem.privateTo(newcomer.id).join('\n')).toContain('Sojusz'); // the first-use note came with it

    const [row] = await tb.bot.db.select().from(members).where(eq(members.externalId, newcomer.id));
    const instants = [
      ...(await tb.bot.db.select({ at: pseudonyms.createdAt }).from(pseudonyms)).map((p) => p.at),
      ...(await tb.bot.db.select({ at: outbox.createdAt }).from(outbox).where(like(outbox.key, 'case-reply:%'))).map((o) => o.at),
      tb.clock.now(),
    ].map((d) => d.getTime());
    for (const column of [row!.createdAt, row!.privacyNoteShownAt]) {
      expect(midnight(column)).toBe(true);
      expect(instants).not.toContain(column!.getTime());
    }
    expect(row!.privacyNoteShownAt!.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('exports the days as dates', async () => {
    await tb.mem.command(newcomer, '/sojusz mydata export');
    const file = [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'file' }> => s.kind === 'file' && s.member === newcomer.id)!;
    const data = JSON.parse(new TextDecoder().decode(file.file.bytes)) as { core: { member: { firstSeenAt: string; privacyNoteShownAt: string } } };
    expect(data.core.member.privacyNoteShownAt).toBe('2026-03-02');
    expect(data.core.member.firstSeenAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [row] = await tb.bot.db.select().from(members).where(and(eq(members.externalId, newcomer.id)));
    expect(data.core.member.firstSeenAt).toBe(row!.createdAt.toISOString().slice(0, 10));
  });
});
