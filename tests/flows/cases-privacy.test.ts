// A member's own anonymous cases in /sojusz mydata: exported to them alone, withdrawn or unlinked on erasure.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { caseDrafts, cases, outbox, schedules } from '../../src/db/schema/index.js';
import { CLEANUP_LATER } from '../../src/features/privacy/cleanup-later.js';
import { isAuthor } from '../../src/features/cases/store.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { previewTokenOf } from '../helpers/cases.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  tb.mem.channels.set('cases', ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X', 'U_Y']);
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
  await tb.mem.command(facilitator, '/sojusz team case-delay 0-0');
});
afterAll(() => tb.close());

const token = (member: string): string => previewTokenOf(tb.mem, member);
async function post(member: typeof anna, title: string) {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title, body: 'Po nazwaniu milczenia klient nie wrócił.', question: 'Co mogło pomóc?', tags: ['dropout'] });
  await tb.mem.click(member, 'case.publish', token(member.id));
  await tb.bot.runDueWork();
}
const exported = (member: string) => {
  const file = [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'file' }> => s.kind === 'file' && s.member === member)!;
  return JSON.parse(Buffer.from(file.file.bytes).toString('utf8')) as { cases?: { cases: { title: string; status: string }[] } } & Record<string, unknown>;
};

describe('anonymous cases and the member’s data rights', () => {
  it('exports the member’s own cases to them, and nobody else’s', async () => {
    await post(anna, 'Sprawa Anny');
    await post(ben, 'Sprawa Bena');
    await tb.mem.command(anna, '/sojusz mydata export');
    const text = JSON.stringify(exported(anna.id));
    expect(text).toContain('Sprawa Anny');
    expect(text).not.toContain('Sprawa Bena');
    // Once the case is in the channel, the export says so (not 'pending', which nothing ever changes on the row).
    tb.clock.advance(21 * 60_000);
    await tb.mem.command(anna, '/sojusz mydata export');
    expect(exported(anna.id).cases!.cases[0]!.status).toBe('published');
  });

  it('erasure with “withdraw” deletes the case text at once, and takes each post down at its own moment', async () => {
    await post(anna, 'Druga sprawa Anny');
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    const numbers = (await tb.bot.db.select().from(cases)).filter((r) => r.title?.includes('Anny')).map((r) => r.number);
    expect(numbers).toHaveLength(2);
    const updated = () => tb.mem.said.flatMap((s) => (s.kind === 'update' ? [/#(\d+)/.exec(s.text)?.[1]] : []));
    const before = updated().length;
    await tb.mem.command(anna, '/sojusz mydata delete');
    await tb.mem.click(anna, 'privacy.delete', 'withdraw');
    expect(tb.mem.lastPrivate(anna.id)).toContain('w ciągu sześciu godzin');
    for (const n of numbers) {
      const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, n));
      // The text is gone at once; the case itself closes when its own piece runs.
      expect(row).toMatchObject({ status: 'pending', title: null, body: null });
      expect(isAuthor(tb.bot.secrets, row!, anna.id)).toBe(false);
    }
    // Two pieces of clean-up, each due at its own random moment: the group never sees both cases close together.
    const dues = (await tb.bot.db.select().from(schedules).where(eq(schedules.kind, CLEANUP_LATER))).map((r) => r.nextDueAt!.getTime()).sort();
    expect(dues).toHaveLength(2);
    expect(dues[0]).not.toBe(dues[1]);
    expect(updated().length).toBe(before);
    tb.clock.set(new Date(dues[0]!).toISOString());
    await tb.bot.runDueWork();
    expect(updated().slice(before)).toHaveLength(1);
    tb.clock.set(new Date(dues[1]!).toISOString());
    await tb.bot.runDueWork();
    expect(updated().slice(before).map(Number).sort()).toEqual(numbers.sort());
  });

  it('erasure with “unlink” leaves the post in place with nothing tying it to the member', async () => {
    await tb.mem.command(ben, '/sojusz mydata delete');
    await tb.mem.click(ben, 'privacy.delete', 'unlink');
    const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, 2));
    expect(row!.title).toBe('Sprawa Bena');
    expect(isAuthor(tb.bot.secrets, row!, ben.id)).toBe(false);
    await tb.mem.command(ben, '/case withdraw 2');
    expect(tb.mem.lastPrivate(ben.id)).toMatch(/not your|nie Twój|nie istnieje|doesn/i);
  });

  it('exports an unpublished draft to its author, and erasure deletes it', async () => {
    const carol = { id: 'U_CAROL', name: 'Carol', locale: 'pl-PL' };
    await tb.mem.command(carol, '/case');
    await tb.mem.fill(carol, { title: 'Szkic Karoli', body: 'Jeszcze nie wiem, czy to pokazać.', question: 'Czy to dobry temat?', tags: [] });
    await tb.mem.command(carol, '/sojusz mydata export');
    expect(JSON.stringify(exported(carol.id))).toContain('Szkic Karoli');
    await tb.mem.command(anna, '/sojusz mydata export');
    expect(JSON.stringify(exported(anna.id))).not.toContain('Szkic Karoli');
    expect(await tb.bot.db.select().from(caseDrafts)).toHaveLength(1);
    await tb.mem.command(carol, '/sojusz mydata delete');
    await tb.mem.click(carol, 'privacy.delete', 'withdraw');
    expect(await tb.bot.db.select().from(caseDrafts)).toHaveLength(0);
  });

  it('never hands an erased colleague’s letter to the next colleague in the same thread', async () => {
    await post(facilitator, 'Wątek z literami');
    const number = Number(/#(\d+)/.exec(tb.mem.lastPrivate(facilitator.id)!)![1]);
    const [dora, ewa, filip] = ['U_DORA', 'U_EWA', 'U_FILIP'].map((id) => ({ id, locale: 'pl-PL' }));
    for (const m of [dora!, ewa!]) await tb.mem.command(m, `/case odpowiedz ${number} Głos ${m.id}.`);
    await tb.mem.command(ewa!, '/sojusz dane usuń');
    await tb.mem.click(ewa!, 'privacy.delete', 'unlink');
    await tb.mem.command(filip!, `/case odpowiedz ${number} Głos U_FILIP.`);
    await tb.bot.runDueWork();
    const personas = tb.mem.posts('cases').filter((p) => p.place.thread && p.text.includes('Głos')).map((p) => p.message.persona);
    expect(personas).toEqual(['Osoba A', 'Osoba B', 'Osoba C']);
  });

  it('erasure with “withdraw” takes the member’s anonymous replies out of other people’s threads, and only theirs', async () => {
    await post(facilitator, 'Wątek z odpowiedziami');
    const number = Number(/#(\d+)/.exec(tb.mem.lastPrivate(facilitator.id)!)![1]);
    const [hania, igor] = ['U_HANIA', 'U_IGOR'].map((id) => ({ id, locale: 'pl-PL' }));
    await tb.mem.command(hania!, `/case odpowiedz ${number} Słowa Hani.`);
    await tb.mem.command(igor!, `/case odpowiedz ${number} Słowa Igora.`);
    await tb.bot.runDueWork();
    const replyOf = (words: string) => tb.mem.posts('cases').find((p) => p.place.thread && p.text.includes(words))!;
    const hanias = replyOf('Słowa Hani.');
    await tb.mem.command(hania!, '/sojusz dane usuń');
    await tb.mem.click(hania!, 'privacy.delete', 'withdraw');
    expect(tb.mem.said.some((s) => s.kind === 'remove' && s.ref.id === hanias.ref.id)).toBe(false);
    tb.clock.advance(6 * 60 * 60_000);
    await tb.bot.runDueWork();
    expect(tb.mem.said.some((s) => s.kind === 'remove' && s.ref.id === hanias.ref.id)).toBe(true);
    expect(tb.mem.said.some((s) => s.kind === 'remove' && s.ref.id === replyOf('Słowa Igora.').ref.id)).toBe(false);
    expect(JSON.stringify(await tb.bot.db.select().from(outbox))).not.toContain('Słowa Hani');
  });
});
