// Typed commands end to end (memory adapter, real database): what a member types is what the thread shows,
// "#3" names a case as its post does, "14 dni" bans for 14 days — answered in the member's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const MIN = 60_000;
type Member = typeof anna;
/** The Polish facilitator's English-speaking colleague; also the fourth member a case channel needs. */
const carol = { id: 'U_CAROL', name: 'Carol', isAdmin: true, locale: 'en-GB' };

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  for (const m of [facilitator, anna, ben, carol]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
  tb.mem.channels.set('cases', [facilitator, anna, ben, carol].map((m) => m.id));
});
afterAll(() => tb.close());

type Private = Extract<Said, { kind: 'private' }>;
/** Post a case through the form and let its delay pass; returns its number. */
async function publishedCase(member: Member): Promise<number> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title: 'A quiet rupture', body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?', tags: [] });
  const preview = [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member.id)!.message;
  const token = preview.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((x) => x.action === 'case.publish')!.value!;
  await tb.mem.click(member, 'case.publish', token);
  const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(member.id)!)![1]);
  tb.clock.advance(21 * MIN);
  await tb.bot.runDueWork();
  return n;
}
const postOf = (n: number) => tb.mem.posts('cases').find((p) => p.text.startsWith(`Przypadek #${n}\n`))!;
const lastReplyIn = (n: number) => tb.mem.posts('cases').filter((p) => p.place.thread === postOf(n).ref.id).at(-1)!;

describe('an anonymous reply typed after /case reply', () => {
  it('reaches the thread with its quotation marks, paragraphs and spacing (pl)', async () => {
    const n = await publishedCase(ben);
    const text = 'Klientka powiedziała "już nie wrócę" i wyszła.\nDrugi akapit:   ważne.';
    await tb.mem.command(anna, `/case odpowiedz ${n} ${text}`);
    expect(tb.mem.lastPrivate(anna.id)).toBe(`Twoja anonimowa odpowiedź do przypadku #${n} jest w drodze.`);
    await tb.bot.runDueWork();
    expect(lastReplyIn(n).text).toContain(text);
  });

  it('reaches the thread with its quotation marks, paragraphs and spacing (en), addressed as "#N"', async () => {
    const n = await publishedCase(anna);
    const text = 'She said “I won’t be back” and left.\n\nSecond paragraph:  it matters. Call this number: 1.';
    await tb.mem.command(ben, `/case reply #${n} ${text}`);
    expect(tb.mem.lastPrivate(ben.id)).toBe(`Your anonymous reply to case #${n} is on its way.`);
    await tb.bot.runDueWork();
    expect(lastReplyIn(n).text).toContain(text);
  });
});

describe('a case named as its post names it', () => {
  it('withdraws "#N" in both languages', async () => {
    const mine = await publishedCase(anna);
    await tb.mem.command(anna, `/case wycofaj #${mine}`);
    expect(tb.mem.lastPrivate(anna.id)).toContain(`Przypadek #${mine} jest wycofany`);
    const his = await publishedCase(ben);
    await tb.mem.command(ben, `/case withdraw #${his}`);
    expect(tb.mem.lastPrivate(ben.id)).toContain(`Case #${his} is withdrawn`);
  });

  it('still refuses what is not a number, quoting it in the member’s language', async () => {
    await tb.mem.command(anna, '/case wycofaj #trzy');
    expect(tb.mem.lastPrivate(anna.id)).toContain('Numer przypadku, np. 3 dla „Przypadek #3”: wpisz liczbę całkowitą od 1 wzwyż — „#trzy” się nie nadaje.');
    await tb.mem.command(ben, '/case withdraw #three');
    expect(tb.mem.lastPrivate(ben.id)).toContain('The case number, e.g. 3 for “Case #3”: write a whole number from 1 up — “#three” won’t do.');
  });
});

describe('a ban for "14 dni"', () => {
  it('bans for that many days, with the unit in Polish or English', async () => {
    // The clock stands on Monday 2 March 2026: fourteen days on is Monday the 16th.
    const n = await publishedCase(ben);
    await tb.mem.command(facilitator, `/case zbanuj ${n} 14 dni`);
    expect(tb.mem.lastPrivate(facilitator.id)).toMatch(new RegExp(`^Osoba, która przyniosła przypadek #${n}, nie może publikować nowych przypadków do pon\\., 16 marca 2026, `));
    await tb.mem.command(carol, `/case ban #${n} 14 days`);
    expect(tb.mem.lastPrivate(carol.id)).toMatch(new RegExp(`^The author of case #${n} can’t post new cases until Mon, 16 Mar 2026, `));
  });

  it('does not take a unit the option does not declare', async () => {
    await tb.mem.command(facilitator, '/case ban 1 2 tygodnie');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('Nie rozumiem fragmentu „tygodnie”.');
  });
});
