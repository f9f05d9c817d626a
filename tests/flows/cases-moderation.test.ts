// Anonymous cases after publication: withdraw by the author only, pseudonymous replies, reports, hide, blind bans, retention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Said } from '../../adapters/memory/index.js';
import { purgeCases } from '../../src/features/cases/retention.js';
import { caseBans, caseCounters, caseDrafts, cases, outbox, teams } from '../../src/db/schema/index.js';
import { Secrets } from '../../src/core/secrets.js';
import { updateSettings } from '../../src/core/teams.js';
import { anna, ben, facilitator, type TestBot } from '../helpers/bot.js';
import { caseTeam, previewTokenOf, publishedCase as published } from '../helpers/cases.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dan = { id: 'U_DAN', name: 'Dan', locale: 'en-GB' };
type Member = typeof anna;

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, carol, dan]);
});
afterAll(() => tb.close());

const previewToken = (member: string): string => previewTokenOf(tb.mem, member);
/** Post a case and let the clock run past the delay; returns its number. */
const publishedCase = (member: Member, title = 'A quiet rupture') => published(tb, member, { title, tags: ['rupture'] });
const postOf = (n: number) => tb.mem.posts('cases').find((p) => p.text.startsWith(`Przypadek #${n}\n`))!;
const threadReplies = (n: number) => tb.mem.posts('cases').filter((p) => p.place.thread === postOf(n).ref.id);
async function teamRow() {
  const [t] = await tb.bot.db.select().from(teams).where(eq(teams.externalId, 'T1'));
  return t!;
}

describe('withdrawing a case', () => {
  it('lets only the author withdraw, answering anyone else exactly as for a case that does not exist', async () => {
    const n = await publishedCase(anna);
    await tb.mem.command(ben, `/case withdraw ${n}`);
    const notYours = tb.mem.lastPrivate(ben.id);
    await tb.mem.command(ben, '/case withdraw 999');
    expect(tb.mem.lastPrivate(ben.id)).toBe(notYours);
    expect(notYours).toBe('This isn’t your case, or it doesn’t exist.');
    await tb.mem.command(facilitator, `/case wycofaj ${n}`);
    expect(tb.mem.lastPrivate(facilitator.id)).toBe('To nie jest Twój przypadek albo taki nie istnieje.');

    await tb.mem.command(anna, `/case wycofaj ${n}`);
    expect(tb.mem.lastPrivate(anna.id)).toContain(`Przypadek #${n} jest wycofany`);
    const update = tb.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === postOf(n).ref.id).at(-1)!;
    expect(update.text).toContain('został wycofany przez osobę, która go przyniosła');
    expect(update.text).not.toContain('homework');
    const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, n));
    expect(row).toMatchObject({ status: 'withdrawn', title: null, body: null, question: null });
    const [stored] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, row!.postKey));
    expect(JSON.stringify(stored!.message)).not.toContain('homework');
  });

  it('withdrawn before its delay is up, a case never appears', async () => {
    await tb.mem.command(ben, '/case');
    await tb.mem.fill(ben, { title: 'Too early', body: 'Something I regret writing.', question: 'Should I?', tags: [] });
    await tb.mem.click(ben, 'case.publish', previewToken(ben.id));
    const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(ben.id)!)![1]);
    await tb.mem.command(ben, `/case withdraw ${n}`);
    expect(tb.mem.lastPrivate(ben.id)).toContain(`Case #${n} is withdrawn`);
    tb.clock.advance(30 * MIN);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('cases').some((p) => p.text.includes('Too early'))).toBe(false);
  });
});

describe('anonymous replies', () => {
  it('shows the author as Autor(ka) and colleagues as Osoba A, B — stable in a thread, different across threads', async () => {
    const first = await publishedCase(carol, 'Transference at the door');
    const second = await publishedCase(dan, 'Silence announced');
    await tb.mem.command(ben, `/case reply ${first} I know this so well.`);
    expect(tb.mem.lastPrivate(ben.id)).toContain(`reply to case #${first} is on its way`);
    await tb.mem.command(carol, `/case odpowiedz ${first} Thank you, that helps.`);
    await tb.mem.command(anna, `/case reply ${first} Maybe name it next time?`);
    await tb.mem.command(ben, `/case reply ${first} Agreed with the above.`);
    // Through the button's form as well.
    await tb.mem.click(anna, 'case.reply', String(second));
    expect(tb.mem.lastForm(anna.id)?.id).toBe('case-reply');
    await tb.mem.fill(anna, { text: 'Same here, in another thread.' });
    await tb.bot.runDueWork();

    const inFirst = threadReplies(first).map((p) => [p.message.persona, p.text.split('\n')[1]]);
    expect(inFirst).toEqual([
      ['Osoba A', 'I know this so well.'],
      ['Autor(ka)', 'Thank you, that helps.'],
      ['Osoba B', 'Maybe name it next time?'],
      ['Osoba A', 'Agreed with the above.'],
    ]);
    expect(threadReplies(second).map((p) => p.message.persona)).toEqual(['Osoba A']);
    for (const p of [...threadReplies(first), ...threadReplies(second)]) expect(p.text).not.toMatch(/U_|Anna|Ben|Carol|Dan/);
  });

  it('answers a reply to a case that does not exist clearly', async () => {
    await tb.mem.command(ben, '/case reply 404 hello?');
    expect(tb.mem.lastPrivate(ben.id)).toContain('There is no case #404 in this team');
  });
});

describe('moderation', () => {
  it('marks the facilitator-only subcommands once in help, in either language', async () => {
    await tb.mem.command(anna, '/sojusz help case');
    const pl = tb.mem.lastPrivate(anna.id)!;
    expect(pl).toMatch(/Ukryj przypadek \(tylko osoby prowadzące\)$/m);
    expect(pl.match(/\(tylko osoby prowadzące\)/g)).toHaveLength(2); // hide and ban, each once
    await tb.mem.command(ben, '/sojusz help case');
    expect(tb.mem.lastPrivate(ben.id)!.match(/\(facilitators only\)/g)).toHaveLength(2);
  });

  it('sends a report to the moderators with the reason and nothing about who wrote or reported it; a facilitator hides the case', async () => {
    const n = await publishedCase(dan, 'Boundaries after hours');
    await tb.mem.click(ben, 'case.report', String(n));
    expect(tb.mem.lastForm(ben.id)?.id).toBe('case-report');
    await tb.mem.fill(ben, { reason: 'Looks like it could identify someone <!channel>' });
    expect(tb.mem.lastPrivate(ben.id)).toContain('without your name');
    await tb.bot.runDueWork();
    const report = tb.mem.posts('mods').at(-1)!;
    expect(report.text).toContain(`Przypadek #${n} został zgłoszony`);
    expect(report.text).toContain('Looks like it could identify someone');
    expect(report.text).not.toMatch(/U_|Ben|Dan/);
    const reasonSpan = report.message.blocks.flatMap((b) => (b.type === 'quote' ? b.text : [])).find((s) => s.text.includes('<!channel>'));
    expect(reasonSpan?.untrusted).toBe(true);

    await tb.mem.command(anna, `/case reply ${n} I think I know who this is about.`);
    await tb.bot.runDueWork();
    const replies = threadReplies(n);
    expect(replies).toHaveLength(1);
    await tb.mem.click(ben, 'case.hide', String(n));
    expect(tb.mem.lastPrivate(ben.id)).toContain('Only facilitators');
    await tb.mem.click(facilitator, 'case.hide', String(n), report.ref, 'mods');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain(`Przypadek #${n} jest ukryty`);
    const update = tb.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === postOf(n).ref.id).at(-1)!;
    expect(update.text).toContain('ukryty przez moderację');
    // The replies leave the thread with it: one can repeat what made the case a problem.
    const removed = tb.mem.said.filter((s) => s.kind === 'remove').map((s) => (s as Extract<Said, { kind: 'remove' }>).ref.id);
    expect(removed).toEqual(expect.arrayContaining(replies.map((r) => r.ref.id)));
    await tb.mem.command(carol, `/case reply ${n} still here?`);
    expect(tb.mem.lastPrivate(carol.id)).toContain('no longer open for replies');
    // The report in the moderation channel keeps no reason once the case is closed: it may quote the case.
    const reportNow = tb.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === report.ref.id).at(-1)!;
    expect(reportNow.text).toContain(`Zgłoszenie przypadku #${n}`);
    expect(reportNow.text).not.toContain('identify someone');
  });

  it('never sends a report still waiting when its case is withdrawn meanwhile', async () => {
    const n = await publishedCase(carol, 'Reported, then withdrawn');
    const before = tb.mem.posts('mods').length;
    await tb.mem.click(ben, 'case.report', String(n));
    await tb.mem.fill(ben, { reason: 'It names the client: Jan Nowak' });
    await tb.mem.command(carol, `/case withdraw ${n}`);
    expect(tb.mem.lastPrivate(carol.id)).toContain('withdrawn');
    await tb.bot.runDueWork();
    expect(tb.mem.posts('mods')).toHaveLength(before);
    expect(JSON.stringify(await tb.bot.db.select().from(outbox))).not.toContain('Jan Nowak');
  });

  it('bans the anonymous author of a case without saying who; only that person’s next /case is refused', async () => {
    const n = await publishedCase(carol, 'Self-disclosure gone wrong');
    await tb.mem.command(ben, `/case ban ${n} 7`);
    expect(tb.mem.lastPrivate(ben.id)).toContain('Only facilitators');
    await tb.mem.command(facilitator, `/case zbanuj ${n} 7`);
    const answer = tb.mem.lastPrivate(facilitator.id)!;
    expect(answer).toContain(`przypadek #${n}, nie może publikować nowych przypadków do`);
    expect(answer).not.toMatch(/U_CAROL|Carol/);

    await tb.mem.command(carol, '/case');
    expect(tb.mem.lastPrivate(carol.id)).toMatch(/can’t post new cases until .*2026/);
    for (const other of [anna, ben, dan]) {
      await tb.mem.command(other, '/case');
      expect(tb.mem.lastForm(other.id)?.id, other.id).toBe('case');
    }
    // The ban ends by itself.
    tb.clock.advance(8 * DAY);
    await tb.mem.command(carol, '/case');
    expect(tb.mem.lastForm(carol.id)?.id).toBe('case');
  });

  it('says plainly that the author of a case from before a secret-key change cannot be banned, and bans nobody', async () => {
    const n = await publishedCase(dan, 'Before the key change');
    // What a rotation of SOJUSZ_SECRET leaves behind: a handle sealed with a key the bot no longer has.
    await tb.bot.db.update(cases).set({ banSealed: new Secrets('an-older-secret-0123456789abcdef0123456789ab').encrypt('x') }).where(eq(cases.number, n));
    const bansBefore = await tb.bot.db.select().from(caseBans);
    await tb.mem.command(facilitator, `/case ban ${n} 7`);
    expect(tb.mem.lastPrivate(facilitator.id)).toContain(`Przypadek #${n} trafił do grupy przed ostatnią zmianą tajnego klucza`);
    expect(tb.mem.lastPrivate(facilitator.id)).toContain(`/case ukryj ${n}`);
    expect(await tb.bot.db.select().from(caseBans)).toEqual(bansBefore);
  });

  it('answers hide and ban of an unknown case number clearly', async () => {
    await tb.mem.command(facilitator, '/case hide 777');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('nie ma przypadku #777');
    await tb.mem.command(facilitator, '/case ban 777 3');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('nie ma przypadku #777');
  });
});

describe('retention', () => {
  it('deletes case text after the team’s retention period, drafts after a day and counters after two days', async () => {
    const team = await teamRow();
    await updateSettings(tb.bot.db, team.id, { 'retention.cases': 30 });
    const n = await publishedCase(anna, 'To be forgotten');
    await tb.mem.command(ben, '/case');
    await tb.mem.fill(ben, { title: 'Left as a draft', body: 'Never published.', question: '?', tags: [] });
    const now = tb.clock.now();
    expect((await purgeCases(tb.bot.db, now)).cases).toBe(0);
    const [kept] = await tb.bot.db.select().from(cases).where(and(eq(cases.teamId, team.id), eq(cases.number, n)));
    expect(kept!.title).toBe('To be forgotten');

    const later = new Date(now.getTime() + 31 * DAY);
    const report = await purgeCases(tb.bot.db, later);
    expect(report.cases).toBeGreaterThan(0);
    const [gone] = await tb.bot.db.select().from(cases).where(and(eq(cases.teamId, team.id), eq(cases.number, n)));
    expect(gone).toMatchObject({ title: null, body: null, question: null });
    const [post] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, gone!.postKey));
    expect(JSON.stringify(post!.message)).not.toContain('To be forgotten');
    expect(await tb.bot.db.select().from(caseDrafts)).toEqual([]);
    expect(await tb.bot.db.select().from(caseCounters)).toEqual([]);
  });
});
