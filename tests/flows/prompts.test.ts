import { eq } from 'drizzle-orm';
import { renderMessage as renderSlack } from '../../adapters/slack/render/blocks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import type { MemoryMember } from '../../adapters/memory/index.js';
import { ensureTeamAndMember } from '../../src/core/teams.js';
import { outbox, promptPosts, schedules } from '../../src/db/schema/index.js';
import { replyCount } from '../../src/features/prompts/followup.js';
import { exportMember } from '../../src/features/privacy/members.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { findInDatabase } from '../helpers/dbsearch.js';

type Post = Extract<Said, { kind: 'post' }>;

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
});
afterAll(() => tb.close());

const ask = (member: MemoryMember | { id: string; locale?: string }, line: string) => tb.mem.ask(member, line);
async function at(iso: string) {
  tb.clock.set(iso);
  return tb.bot.runDueWork();
}
const anonButton = (p: Post) => p.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'prompts.anonReply');
const starters = (channel: string) => tb.mem.posts(channel).filter((p) => !p.place.thread);
const inThread = (channel: string, starter: Post) => tb.mem.posts(channel).filter((p) => p.place.thread === starter.ref.id);
const scheduleId = (answer: string) => Number(/#(\d+)/.exec(answer)![1]);

describe('weekly prompt threads', () => {
  let id: number;

  it('schedules a Friday 09:00 prompt and says when the first one comes and how to pause it', async () => {
    const answer = await ask(facilitator, '/reflect schedule #reflection friday 09:00');
    id = scheduleId(answer);
    expect(answer).toContain('#reflection');
    expect(answer).toMatch(/pt\., 6 marca 2026, 09:00/);
    expect(answer).toContain(`/reflect pauza ${id}`);
    expect(answer).not.toContain('Warto sprawdzić');
  });

  it('allows a second schedule in the same channel but points it out, with how to change the first in place instead', async () => {
    const second = await ask(facilitator, '/reflect schedule #reflection monday 09:00');
    expect(second).toContain(`Warto sprawdzić: na kanale #reflection był już harmonogram pytań (#${id})`);
    expect(second).toContain(`/reflect pauza ${scheduleId(second)}`);
    expect(second).toContain(`/reflect zmień ${id} poniedziałek 09:00`);
    await ask(facilitator, `/reflect pause ${scheduleId(second)}`);
  });

  it('opens exactly one thread in the right channel on Friday at 09:00, with the anonymous-reply button', async () => {
    await at('2026-03-06T07:59:00Z');
    expect(starters('reflection')).toHaveLength(0);
    await at('2026-03-06T08:00:20Z');
    await at('2026-03-06T08:01:00Z');
    const posts = starters('reflection');
    expect(posts).toHaveLength(1);
    expect(tb.mem.posts().filter((p) => p.place.channel !== 'reflection')).toHaveLength(0);
    expect(posts[0]!.text).toContain('Pytanie do refleksji');
    expect(posts[0]!.text).toContain('Odpowiedz w wątku');
    expect(anonButton(posts[0]!)?.label).toBe('Odpowiedz anonimowo');
  });

  it('lists the schedule with its rhythm, themes and next date', async () => {
    const answer = await ask(anna, '/reflect lista');
    expect(answer).toContain(`#${id}`);
    expect(answer).toContain('#reflection');
    expect(answer).toContain('wszystkie tematy');
    expect(answer).toMatch(/następne: pt\., 13 marca 2026, 09:00/);
  });

  it('posts an anonymous answer in the thread under "Osoba A", the same pseudonym again, "Osoba B" for someone else', async () => {
    const starter = starters('reflection')[0]!;
    const value = anonButton(starter)!.value;
    await tb.mem.click(anna, 'prompts.anonReply', value);
    expect(tb.mem.lastForm(anna.id)?.fields[0]).toMatchObject({ kind: 'text', maxLength: 1500 });
    expect(await tb.mem.fill(anna, { text: 'Zauważam, że milczenie mnie niepokoi.' })).toEqual({ kind: 'close' });
    expect(tb.mem.lastPrivate(anna.id)).toContain('Osoba A');
    await tb.mem.click(anna, 'prompts.anonReply', value);
    await tb.mem.fill(anna, { text: 'I jeszcze jedno.' });
    await tb.mem.click(ben, 'prompts.anonReply', value);
    await tb.mem.fill(ben, { text: 'A small thing: I ask more now.' });
    await tb.bot.runDueWork();
    const replies = inThread('reflection', starter);
    const personaOf = (words: string) => replies.find((r) => r.text.includes(words))?.message.persona;
    expect(replies).toHaveLength(3);
    expect(personaOf('Zauważam, że milczenie mnie niepokoi.')).toBe('Osoba A');
    expect(personaOf('I jeszcze jedno.')).toBe('Osoba A');
    expect(personaOf('A small thing')).toBe('Osoba B');
    // The answer is quoted as member-written text, so it can never ping or format.
    expect(replies[0]!.message.blocks[0]).toMatchObject({ type: 'quote', text: [{ untrusted: true }] });
    // A notification of it (Slack's fallback text) shows the persona and the answer, not the persona alone.
    expect(renderSlack(replies[0]!.message).text).toMatch(/^Osoba A\n.*Zauważam, że milczenie mnie niepokoi\./s);
  });

  it('keeps the anonymous member’s id out of every table but the core’s member roster', async () => {
    const quiet = { id: 'U_QUIET_REPLIER', locale: 'pl-PL' };
    const value = anonButton(starters('reflection')[0]!)!.value;
    await tb.mem.click(quiet, 'prompts.anonReply', value);
    await tb.mem.fill(quiet, { text: 'Tylko tyle.' });
    await tb.bot.runDueWork();
    expect(inThread('reflection', starters('reflection')[0]!).at(-1)!.message.persona).toBe('Osoba C');
    expect(await findInDatabase(tb.bot.db, 'U_QUIET_REPLIER')).toEqual(['members.external_id']);
  });

  it('masks a client’s PESEL, phone and e-mail in an anonymous answer and tells its author what was replaced', async () => {
    const starter = starters('reflection')[0]!;
    await tb.mem.click(anna, 'prompts.anonReply', anonButton(starter)!.value);
    await tb.mem.fill(anna, { text: 'Klientka (PESEL 44051401359, tel. 601 234 567, joanna.k@example.com) odwołuje sesje.' });
    const told = tb.mem.lastPrivate(anna.id)!;
    expect(told).toContain('Osoba A');
    expect(told).toMatch(/numer PESEL.*numer telefonu.*adres e-mail/s);
    await tb.bot.runDueWork();
    const posted = inThread('reflection', starter).at(-1)!.text;
    expect(posted).toContain('odwołuje sesje');
    for (const secret of ['44051401359', '601 234 567', 'joanna.k@example.com']) expect(posted).not.toContain(secret);
  });

  it('rejects an anonymous answer over 1500 characters and posts nothing', async () => {
    const value = anonButton(starters('reflection')[0]!)!.value;
    await tb.mem.click(anna, 'prompts.anonReply', value);
    const before = tb.mem.posts().length;
    const out = await tb.mem.fill(anna, { text: 'x'.repeat(1501) });
    expect(out).toMatchObject({ kind: 'errors', errors: { text: expect.stringContaining('1500') } });
    await tb.bot.runDueWork();
    expect(tb.mem.posts()).toHaveLength(before);
  });

  it('skips a team holiday and a skipped date, then posts again', async () => {
    expect(await ask(facilitator, '/reflect holiday add 2026-03-13')).toContain('2026-03-13');
    expect(await ask(anna, '/reflect holidays')).toContain('2026-03-13');
    expect(await ask(facilitator, `/reflect pomiń ${id} 2026-03-20`)).toMatch(/pt\., 27 marca 2026, 09:00/);
    await at('2026-03-13T08:00:30Z');
    await at('2026-03-20T08:00:30Z');
    expect(starters('reflection')).toHaveLength(1);
    await at('2026-03-27T08:00:30Z');
    expect(starters('reflection')).toHaveLength(2);
    expect(await ask(facilitator, '/reflect holiday remove 2026-03-13')).toContain('2026-03-13');
    expect(await ask(anna, '/reflect holidays')).not.toContain('2026-03-13');
  });

  it('pauses and resumes a schedule without reporting the weeks it was paused', async () => {
    expect(await ask(facilitator, `/reflect pause ${id}`)).toContain(`/reflect wznów ${id}`);
    expect(await ask(anna, '/reflect list')).toContain('wstrzymany');
    await at('2026-04-03T07:00:30Z');
    await at('2026-04-10T07:00:30Z');
    expect(starters('reflection')).toHaveLength(2);
    expect(await ask(facilitator, `/reflect wznów ${id}`)).toMatch(/pt\., 17 kwietnia 2026, 09:00/);
    await at('2026-04-17T07:00:30Z');
    expect(starters('reflection')).toHaveLength(3);
    expect(tb.mem.dms(facilitator.id)).toHaveLength(0);
  });

  it('posts the next prompt at once with /reflect now', async () => {
    const answer = await ask(facilitator, '/reflect teraz #reflection');
    expect(answer).toContain('#reflection');
    await tb.bot.runDueWork();
    expect(starters('reflection')).toHaveLength(4);
    const ids = (await tb.bot.db.select().from(promptPosts)).map((p) => p.promptId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tells the facilitator by DM when a prompt was missed beyond the grace window, and posts nothing late', async () => {
    // The bot is down from before Friday 24 April 09:00 until 16:00 that day: 7 hours late.
    await at('2026-04-24T14:00:00Z');
    expect(starters('reflection')).toHaveLength(4);
    const dm = tb.mem.dms(facilitator.id).at(-1)!;
    expect(dm.text).toContain('bot nie działał');
    expect(dm.text).toContain('pt., 24 kwietnia 2026, 09:00');
    expect(dm.text).toContain('pt., 1 maja 2026, 09:00');
    await at('2026-04-24T14:01:00Z');
    expect(tb.mem.dms(facilitator.id)).toHaveLength(1);
  });

  it('shows the team’s schedules and the member’s personal prompt on the home view', async () => {
    const home = await tb.bot.home(tb.mem.inv(anna));
    const text = (await import('../../src/core/message.js')).messageToPlain(home);
    expect(text).toContain('#reflection');
    expect(text).toContain('/reflect ja piątek 08:30');
  });
});

describe('follow-ups', () => {
  it('after N days says how many colleagues answered, once per thread, never naming anyone', async () => {
    await at('2026-05-04T08:00:00Z');
    expect(await ask(facilitator, '/reflect followup 2')).toContain('2 dni');
    const answer = await ask(facilitator, '/reflect schedule #circle wednesday 10:00 więź');
    expect(answer).toContain('Więź');
    await at('2026-05-06T08:00:10Z');
    const starter = starters('circle')[0]!;
    expect(starter).toBeDefined();
    const thread = starter.ref.thread ?? starter.ref.id;
    await tb.mem.threadReply(anna.id, 'circle', thread);
    await tb.mem.threadReply(anna.id, 'circle', thread);
    await tb.mem.threadReply(ben.id, 'circle', thread);
    // A reply in some other thread is not counted.
    await tb.mem.threadReply('U_OTHER', 'circle', 'not-a-prompt-thread');
    await at('2026-05-08T07:59:00Z');
    expect(inThread('circle', starter)).toHaveLength(0);
    await at('2026-05-08T08:00:10Z');
    await at('2026-05-09T08:00:10Z');
    const follow = inThread('circle', starter);
    expect(follow).toHaveLength(1);
    expect(follow[0]!.text).toBe('2 osoby odpowiedziały już na to pytanie — wciąż jest miejsce na Twoją odpowiedź.');
    expect(follow[0]!.text).not.toMatch(/U_|Anna|Ben/);
  });

  it('counts a named answer and a pseudonymous one apart, so the count never tells who the pseudonym is', async () => {
    await at('2026-05-13T08:00:10Z');
    const starter = starters('circle')[1]!;
    const thread = starter.ref.thread ?? starter.ref.id;
    await tb.mem.threadReply(anna.id, 'circle', thread); // Anna, by name
    await tb.mem.click(anna, 'prompts.anonReply', anonButton(starter)!.value);
    await tb.mem.fill(anna, { text: 'Jeszcze coś, czego nie chcę podpisać.' }); // and Anna as "Osoba A"
    await at('2026-05-15T08:00:10Z');
    await at('2026-05-15T08:01:10Z');
    // The thread shows one named answer and "Osoba A": "1 person answered" would say they are the same.
    expect(inThread('circle', starter).at(-1)!.text).toBe('2 osoby odpowiedziały już na to pytanie — wciąż jest miejsce na Twoją odpowiedź.');
    const { team, member } = await ensureTeamAndMember(tb.bot.db, 'memory', 'T1', anna.id);
    const exported = (await tb.bot.db.transaction((tx) => exportMember(tx, tb.bot, team, member))) as { prompts: { answeredThreads: object[] } };
    // Her own export says both, and how.
    expect(exported.prompts.answeredThreads.filter((a) => 'underPseudonym' in a)).toHaveLength(2); // Osoba A twice: May 6 and now
  });

  it('is off again after /reflect followup off', async () => {
    expect(await ask(facilitator, '/reflect followup off')).toContain('bez przypomnień');
    await at('2026-05-20T08:00:10Z');
    const starter = starters('circle')[2]!;
    expect(starter).toBeDefined();
    await at('2026-05-23T08:00:10Z');
    expect(inThread('circle', starter)).toHaveLength(0);
  });
});

describe('personal prompts', () => {
  it('sends a weekly DM at the member’s own local time, in their language, until they turn it off', async () => {
    await at('2026-06-01T12:00:00Z');
    await ask(ben, '/sojusz timezone America/New_York');
    const answer = await ask(ben, '/reflect me friday 08:30');
    expect(answer).toContain('America/New_York');
    expect(answer).toContain('Fri, 5 Jun 2026, 08:30');
    await at('2026-06-05T12:29:00Z');
    expect(tb.mem.dms(ben.id)).toHaveLength(0);
    await at('2026-06-05T12:30:10Z');
    expect(tb.mem.dms(ben.id)).toHaveLength(1);
    expect(tb.mem.dms(ben.id)[0]!.text).toContain('Your reflection prompt for this week');
    await at('2026-06-12T12:30:10Z');
    const dms = tb.mem.dms(ben.id);
    expect(dms).toHaveLength(2);
    expect(dms[0]!.text).not.toBe(dms[1]!.text);
    expect(await ask(ben, '/reflect me off')).toContain('off');
    await at('2026-06-19T12:30:10Z');
    expect(tb.mem.dms(ben.id)).toHaveLength(2);
    // Kept paused (it remembers what it sent), due never.
    const kept = await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'personal-prompt'));
    expect(kept.map((s) => ({ paused: s.paused, nextDueAt: s.nextDueAt }))).toEqual([{ paused: true, nextDueAt: null }]);
  });
});

describe('a prompt the platform split into parts', () => {
  it('counts a reply in a thread started from any part, not only the first', async () => {
    const starter = starters('circle')[0]!;
    const [post] = await tb.bot.db.select().from(promptPosts).where(eq(promptPosts.channel, 'circle')).orderBy(promptPosts.id).limit(1);
    const before = await replyCount(tb.bot.db, post!.id);
    // As a platform with a short message limit records it: the second part is a message of its own.
    const [row] = await tb.bot.db.select().from(outbox).where(eq(outbox.key, post!.outboxKey));
    await tb.bot.db.update(outbox).set({ sentRef: { ...row!.sentRef!, more: ['m-part-2'] } }).where(eq(outbox.id, row!.id));
    await tb.mem.threadReply('U_CAROL', 'circle', 'm-part-2');
    expect(await replyCount(tb.bot.db, post!.id)).toBe(before + 1);
    expect(starter.ref.id).not.toBe('m-part-2');
  });
});
