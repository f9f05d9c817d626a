// Anonymity of cases around their edges: before publication, a double Publish, erasure, reports of closed cases,
// and the author's confirmation (a channel link and the team's real delay window).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Said } from '../../adapters/memory/index.js';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import type { PrivacyContributor } from '../../src/core/privacy.js';
import { updateSettings } from '../../src/core/teams.js';
import { caseCounters, caseDrafts, caseReports, cases, schedules, teams } from '../../src/db/schema/index.js';
import { CLEANUP_LATER } from '../../src/features/privacy/cleanup-later.js';
import { purgeCases } from '../../src/features/cases/retention.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { answerTo } from '../helpers/cases.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dan = { id: 'U_DAN', name: 'Dan', locale: 'en-GB' };
const erin = { id: 'U_ERIN', name: 'Erin', locale: 'pl-PL' };
type Member = typeof anna;
type Private = Extract<Said, { kind: 'private' }>;
type Update = Extract<Said, { kind: 'update' }>;
const CLOSED_REPORT = (n: number) => `Case #${n} is closed and can no longer be reported. If something in it still worries you, please write to a facilitator.`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stands after the cases area in an erasure: can hold the transaction open for a while, or make it fail. */
const probe = { hold: 0, fail: false };
const probeContributor: PrivacyContributor = {
  area: 'probe',
  exportMember: async () => undefined,
  async deleteMember() {
    if (probe.hold) await sleep(probe.hold);
    if (probe.fail) throw new Error('erasure failed on purpose');
  },
};

let tb: TestBot;
beforeAll(async () => {
  const registry = withPlatforms(buildRegistry());
  registry.privacy = [...registry.privacy, probeContributor];
  tb = await makeBot({ registry });
  for (const m of [facilitator, anna, ben, carol, dan, erin]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
  tb.mem.channels.set('cases', [facilitator, anna, ben, carol, dan, erin].map((m) => m.id));
});
afterAll(() => tb.close());

const updates = () => tb.mem.said.filter((s): s is Update => s.kind === 'update');
function lastPrivateMessage(member: string): Private {
  return [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member)!;
}
function previewToken(member: string): string {
  for (const b of lastPrivateMessage(member).message.blocks) if (b.type === 'actions') for (const x of b.buttons) if (x.action === 'case.publish') return x.value!;
  throw new Error('no preview');
}
async function draft(member: Member, title: string): Promise<string> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title, body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?', tags: ['rupture'] });
  return previewToken(member.id);
}
/** Publish a case (it is queued, not yet out); returns its number. */
async function submitted(member: Member, title: string): Promise<number> {
  await tb.mem.click(member, 'case.publish', await draft(member, title));
  return Number(/#(\d+)/.exec(tb.mem.lastPrivate(member.id)!)![1]);
}
async function published(member: Member, title: string): Promise<number> {
  const n = await submitted(member, title);
  tb.clock.advance(21 * MIN);
  await tb.bot.runDueWork();
  return n;
}
async function teamRow() {
  const [t] = await tb.bot.db.select().from(teams).where(eq(teams.externalId, 'T1'));
  return t!;
}
const caseRow = async (n: number) => (await tb.bot.db.select().from(cases).where(eq(cases.number, n)))[0]!;
const postOf = (n: number) => tb.mem.posts('cases').find((p) => p.text.startsWith(`Przypadek #${n}\n`));
const answer = (member: Member, act: () => Promise<unknown>) => answerTo(tb.mem, member.id, act);
/** Every way a colleague can touch case `n`, each with what they were told. */
async function everyPath(n: number) {
  return {
    reply: await answer(ben, () => tb.mem.command(ben, `/case reply ${n} Is anyone there?`)),
    replyButton: await answer(ben, () => tb.mem.click(ben, 'case.reply', String(n))),
    replyForm: await answer(ben, () => tb.mem.submit(ben, 'case-reply', { text: 'Is anyone there?' }, String(n))),
    reportButton: await answer(ben, () => tb.mem.click(ben, 'case.report', String(n))),
    reportForm: await answer(ben, () => tb.mem.submit(ben, 'case-report', { reason: 'Just checking' }, String(n))),
    withdraw: await answer(ben, () => tb.mem.command(ben, `/case withdraw ${n}`)),
    hide: await answer(facilitator, () => tb.mem.command(facilitator, `/case hide ${n}`)),
    hideButton: await answer(facilitator, () => tb.mem.click(facilitator, 'case.hide', String(n))),
    ban: await answer(facilitator, () => tb.mem.command(facilitator, `/case ban ${n} 7`)),
  };
}

describe('a case that is not out yet', () => {
  it('is answered on every path exactly as a case that does not exist, for everyone but its author, until its publication instant', async () => {
    const n = await submitted(anna, 'Not out yet');
    const row = await caseRow(n);
    const none = n + 50; // a number no case has
    const countersBefore = await tb.bot.db.select().from(caseCounters);
    const early = await everyPath(n);
    const missing = await everyPath(none);
    for (const path of Object.keys(early) as (keyof typeof early)[]) {
      expect(early[path].said.length, path).toBe(1);
      expect(early[path].forms, path).toBe(0);
      // Identical words, but for the number asked about.
      expect(early[path].said, path).toEqual(missing[path].said.map((s) => s.replaceAll(`#${none}`, `#${n}`)));
    }
    expect(early.reply.said[0]).toBe(`There is no case #${n} in this team. Case numbers are in the post’s heading, e.g. “Case #3”.`);
    expect(early.hide.said[0]).toContain(`nie ma przypadku #${n}`);
    expect(early.withdraw.said[0]).toBe('This isn’t your case, or it doesn’t exist.');
    // Nothing was counted, queued, reported, hidden or banned.
    expect(await tb.bot.db.select().from(caseCounters)).toEqual(countersBefore);
    expect(await tb.bot.db.select().from(caseReports).where(eq(caseReports.caseId, row.id))).toEqual([]);
    expect(await caseRow(n)).toMatchObject({ status: 'pending', title: 'Not out yet' });

    // A second before its instant: still nothing. At the instant it is a case like any other.
    tb.clock.set(new Date(row.publishAt.getTime() - 1000));
    expect((await answer(ben, () => tb.mem.command(ben, `/case reply ${n} Now?`))).said[0]).toContain(`There is no case #${n}`);
    tb.clock.set(row.publishAt);
    await tb.bot.runDueWork();
    expect(postOf(n)).toBeDefined();
    expect((await answer(ben, () => tb.mem.command(ben, `/case reply ${n} Now?`))).said[0]).toContain(`reply to case #${n} is on its way`);
    await tb.mem.click(ben, 'case.report', String(n));
    expect(tb.mem.lastForm(ben.id)?.id).toBe('case-report');
  });

  it('stays the author’s own: they may withdraw it, and it then never appears', async () => {
    const n = await submitted(anna, 'Second thoughts');
    await tb.mem.command(anna, `/case wycofaj ${n}`);
    expect(tb.mem.lastPrivate(anna.id)).toContain(`Przypadek #${n} jest wycofany`);
    tb.clock.advance(21 * MIN);
    await tb.bot.runDueWork();
    expect(postOf(n)).toBeUndefined();
  });
});

describe('pressing Publish twice', () => {
  it('posts one case when both presses arrive together', async () => {
    const token = await draft(carol, 'Pressed twice');
    const before = await tb.bot.db.select().from(cases);
    const heard = await answer(carol, () => Promise.all([tb.mem.click(carol, 'case.publish', token), tb.mem.click(carol, 'case.publish', token)]));
    const after = await tb.bot.db.select().from(cases);
    expect(after.length).toBe(before.length + 1);
    expect(heard.said.filter((s) => /Case #\d+ will appear/.test(s))).toHaveLength(1);
    // The second press finds the case already published, not a lost draft.
    expect(heard.said.filter((s) => /Case #\d+ is already published/.test(s))).toHaveLength(1);
    expect(heard.said.filter((s) => s.includes('This draft is no longer here'))).toHaveLength(0);
    tb.clock.advance(21 * MIN);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('cases').filter((p) => p.text.includes('Pressed twice'))).toHaveLength(1);
  });

  it('never says “nothing was posted” to a Cancel that lost to a Publish of the same draft', async () => {
    const token = await draft(dan, 'Publish or cancel');
    const before = (await tb.bot.db.select().from(cases)).length;
    const heard = await answer(dan, () => Promise.all([tb.mem.click(dan, 'case.publish', token), tb.mem.click(dan, 'case.cancel', token)]));
    const made = (await tb.bot.db.select().from(cases)).length - before;
    expect(heard.said).toHaveLength(2);
    if (made) {
      // The Cancel that lost hears that the case is out, not that the draft is gone.
      expect(heard.said.some((s) => s.includes('Nothing was posted'))).toBe(false);
      expect(heard.said.filter((s) => /Case #\d+ is already published/.test(s))).toHaveLength(1);
    } else {
      expect(heard.said.some((s) => s.includes('Nothing was posted'))).toBe(true);
      // The Publish that lost hears that the draft was cancelled, not that it is gone.
      expect(heard.said.filter((s) => s.includes('Already cancelled — nothing was posted.'))).toHaveLength(1);
    }
    // No draft text is left under the token: at most the published mark, which holds only the case number.
    const left = await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token));
    expect(left.map((r) => tb.bot.secrets.decrypt(r.sealed)).filter((t) => t.includes('Publish or cancel'))).toEqual([]);
  });
});

describe('erasure with “withdraw”', () => {
  const waitingCleanups = () => tb.bot.db.select().from(schedules).where(eq(schedules.kind, CLEANUP_LATER));

  it('leaves the posts and the case as they are, and queues nothing, when the erasure rolls back', async () => {
    const n = await published(erin, 'Erased later');
    try {
      probe.fail = true;
      probe.hold = 50;
      const before = updates().length;
      await tb.mem.command(erin, '/sojusz mydata delete');
      await tb.mem.click(erin, 'privacy.delete', 'withdraw');
      expect(await caseRow(n)).toMatchObject({ status: 'pending', title: 'Erased later' });
      expect(await waitingCleanups()).toEqual([]);
      tb.clock.advance(7 * 60 * MIN);
      await tb.bot.runDueWork();
      expect(updates().length).toBe(before);
    } finally {
      probe.fail = false;
      probe.hold = 0;
    }
  });

  it('deletes the text at once and replaces the post later, at a random moment within six hours', async () => {
    const n = await caseRowNumber('Erased later');
    const before = updates().length;
    const erasedAt = tb.clock.now().getTime();
    await tb.mem.command(erin, '/sojusz mydata delete');
    await tb.mem.click(erin, 'privacy.delete', 'withdraw');
    // The text goes now; the case closes (and answers as closed) only when its piece runs.
    expect(await caseRow(n)).toMatchObject({ status: 'pending', title: null });
    const [piece] = await waitingCleanups();
    const due = piece!.nextDueAt!.getTime();
    expect(due - erasedAt).toBeGreaterThanOrEqual(5 * MIN);
    expect(due - erasedAt).toBeLessThanOrEqual(6 * 60 * MIN);
    // Nothing of the member or the text waits with it.
    expect(JSON.stringify(piece)).not.toContain(erin.id);
    expect(JSON.stringify(piece)).not.toContain('homework');

    tb.clock.set(new Date(due - MIN).toISOString());
    await tb.bot.runDueWork();
    expect(updates().length).toBe(before);
    tb.clock.set(new Date(due).toISOString());
    await tb.bot.runDueWork();
    const replaced = updates().slice(before);
    expect(replaced.map((u) => u.ref.id)).toEqual([postOf(n)!.ref.id]);
    expect(replaced[0]!.text).toContain('został wycofany');
    expect((await caseRow(n)).status).toBe('withdrawn');
    // Done, the piece leaves no retry behind.
    expect(await waitingCleanups()).toEqual([]);
  });

  it('keeps a retry while the platform calls are under way, so a crash in that moment loses nothing', async () => {
    const n = await published(erin, 'Erased mid-way');
    await tb.mem.command(erin, '/sojusz mydata delete');
    await tb.mem.click(erin, 'privacy.delete', 'withdraw');
    const [piece] = await waitingCleanups();
    const due = piece!.nextDueAt!.getTime();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const update = tb.mem.update;
    tb.mem.update = async (ref, message) => {
      await gate;
      return update.call(tb.mem, ref, message);
    };
    try {
      tb.clock.set(new Date(due).toISOString());
      const running = tb.bot.runDueWork();
      // While the edit hangs (as if the process died), the same work waits to be done again 15 minutes later.
      await expect.poll(async () => (await waitingCleanups()).map((r) => r.nextDueAt!.getTime())).toEqual([due + 15 * MIN]);
      // The retry holds what the close found on the platform, and no case to close again.
      const [retry] = await waitingCleanups();
      expect(piece!.payload).toMatchObject({ edits: [], removals: [], closeCase: (await caseRow(n)).id });
      expect(retry!.payload).toMatchObject({ edits: [{ ref: { id: postOf(n)!.ref.id } }], attempt: 2 });
      expect(retry!.payload).not.toHaveProperty('closeCase');
      release();
      await running;
      expect(updates().at(-1)!.ref.id).toBe(postOf(n)!.ref.id);
      expect(await waitingCleanups()).toEqual([]);
    } finally {
      tb.mem.update = update;
      release();
    }
  });
});
async function caseRowNumber(title: string): Promise<number> {
  const [row] = await tb.bot.db.select().from(cases).where(eq(cases.title, title));
  return row!.number;
}

describe('reports of closed cases', () => {
  it('refuses a report of a withdrawn or hidden case with the closed-case words, keeping and sending nothing', async () => {
    const n = await published(dan, 'Soon hidden');
    const row = await caseRow(n);
    await tb.mem.click(ben, 'case.report', String(n));
    expect(tb.mem.lastForm(ben.id)?.id).toBe('case-report');
    // Hidden while the form was open.
    await tb.mem.command(facilitator, `/case hide ${n}`);
    const mods = tb.mem.posts('mods').length;
    await tb.mem.fill(ben, { reason: 'Someone could recognise the client' });
    const closed = tb.mem.lastPrivate(ben.id);
    expect(closed).toBe(CLOSED_REPORT(n));
    await tb.mem.click(ben, 'case.report', String(n));
    expect(tb.mem.lastPrivate(ben.id)).toBe(closed);
    expect(tb.mem.lastForm(ben.id)?.id).toBe('case-report'); // the one opened before, no new one
    await tb.mem.command(ben, `/case reply ${n} still open?`);
    expect(tb.mem.lastPrivate(ben.id)).toBe(`Case #${n} is no longer open for replies.`);
    // A withdrawn case answers the same.
    const w = await published(carol, 'Soon withdrawn');
    await tb.mem.command(carol, `/case withdraw ${w}`);
    await tb.mem.submit(ben, 'case-report', { reason: 'Hmm' }, String(w));
    expect(tb.mem.lastPrivate(ben.id)).toBe(CLOSED_REPORT(w));
    await tb.mem.submit(anna, 'case-report', { reason: 'Hmm' }, String(w));
    expect(tb.mem.lastPrivate(anna.id)).toBe(`Przypadek #${w} jest zamknięty i nie można go już zgłosić. Jeśli coś w nim nadal Cię niepokoi, napisz proszę do osoby prowadzącej.`);
    expect(await tb.bot.db.select().from(caseReports).where(eq(caseReports.caseId, (await caseRow(w)).id))).toEqual([]);
    expect(await tb.bot.db.select().from(caseReports).where(eq(caseReports.caseId, row.id))).toEqual([]);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('mods').length).toBe(mods);
  });

  it('refuses a report of a case whose text retention removed, and clears report reasons with the text, also of cases purged before', async () => {
    const team = await teamRow();
    await updateSettings(tb.bot.db, team.id, { 'retention.cases': 30 });
    const n = await published(carol, 'Reported, then forgotten');
    await tb.mem.click(ben, 'case.report', String(n));
    await tb.mem.fill(ben, { reason: 'The town is named' });
    const row = await caseRow(n);
    expect((await tb.bot.db.select().from(caseReports).where(eq(caseReports.caseId, row.id))).map((r) => r.reason)).toEqual(['The town is named']);
    // A case whose text an earlier purge removed, with a reason that purge left behind.
    const old = await caseRow(await published(dan, 'Purged long ago'));
    await tb.bot.db.update(cases).set({ title: null, body: null, question: null, textDeletedOn: '2026-01-01' }).where(eq(cases.id, old.id));
    await tb.bot.db.insert(caseReports).values({ caseId: old.id, reason: 'Left behind', createdOn: '2026-01-01' });

    tb.clock.advance(31 * DAY);
    await tb.bot.db.transaction((tx) => purgeCases(tx, tb.clock.now()));
    expect(await caseRow(n)).toMatchObject({ title: null, body: null, question: null });
    expect(await tb.bot.db.select().from(caseReports).where(and(isNotNull(caseReports.reason)))).toEqual([]);

    await tb.mem.click(ben, 'case.report', String(n));
    expect(tb.mem.lastPrivate(ben.id)).toBe(CLOSED_REPORT(n));
    await tb.mem.submit(ben, 'case-report', { reason: 'again' }, String(n));
    expect(tb.mem.lastPrivate(ben.id)).toBe(CLOSED_REPORT(n));
    expect(await tb.bot.db.select().from(caseReports).where(eq(caseReports.caseId, row.id))).toHaveLength(1);
    await updateSettings(tb.bot.db, team.id, { 'retention.cases': 180 });
  });
});

describe('the author’s confirmation', () => {
  it('names the case channel as a channel link and the team’s real delay window, in both languages', async () => {
    await submitted(ben, 'Where and when');
    const en = lastPrivateMessage(ben.id);
    expect(en.text).toMatch(/Case #\d+ will appear in #cases in 2–20 minutes;/);
    const spans = en.message.blocks.flatMap((b) => (b.type === 'text' ? b.text : []));
    expect(spans.filter((s) => s.channel)).toEqual([{ text: '#cases', channel: 'cases' }]);

    await tb.mem.command(facilitator, '/sojusz team case-delay 30-90');
    await submitted(anna, 'Gdzie i kiedy');
    const pl = lastPrivateMessage(anna.id);
    expect(pl.text).toMatch(/Przypadek #\d+ pojawi się na #cases za 30–90 minut;/);
    expect(pl.message.blocks.flatMap((b) => (b.type === 'text' ? b.text : [])).filter((s) => s.channel)).toEqual([{ text: '#cases', channel: 'cases' }]);

    await tb.mem.command(facilitator, '/sojusz team case-delay 3');
    await submitted(erin, 'Trzy minuty');
    expect(tb.mem.lastPrivate(erin.id)).toMatch(/pojawi się na #cases za 3 minuty;/);
    await tb.mem.command(facilitator, '/sojusz team case-delay 0-0');
    await submitted(carol, 'Right away');
    expect(tb.mem.lastPrivate(carol.id)).toMatch(/will appear in #cases in a moment;/);
    await tb.mem.command(facilitator, '/sojusz team case-delay 2-20');
  });
});
