// Rotating SOJUSZ_SECRET carries every keyed MAC over: members keep their cases, bans, pseudonyms and topics, and
// the old (leaked) secret links nothing any more — not even the rows of a member who erased their data.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { Bot } from '../../src/core/bot.js';
import { Secrets } from '../../src/core/secrets.js';
import { ensureTeam } from '../../src/core/teams.js';
import { caseBans, caseDrafts, cases, pseudonyms, promptPosts, promptReplies, supervisionPrefs, supervisionTopics } from '../../src/db/schema/index.js';
import { memberMac } from '../../src/features/anonymity/pseudonyms.js';
import { banMac, caseThread, isAuthor } from '../../src/features/cases/store.js';
import { replyCount, replyMac } from '../../src/features/prompts/followup.js';
import { topicAuthorMac } from '../../src/features/supervision/agenda.js';
import { calendarRoute } from '../../src/features/supervision/calendar.js';
import { rotateSecret, type RotationReport } from '../../src/ops/rotate-secret.js';
import { createLogger } from '../../src/log.js';
import { anonymousTopicsArrive } from '../helpers/anon-topics.js';
import { anna, ben, captureLogs, facilitator, makeBot, TEST_SECRET, type TestBot } from '../helpers/bot.js';
import { previewTokenOf } from '../helpers/cases.js';

const NEW_SECRET = 'the-new-secret-9876543210fedcba9876543210fedcba';
const OLD = new Secrets(TEST_SECRET);
const NEW = new Secrets(NEW_SECRET);
const MIN = 60_000;

const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dora = { id: 'U_DORA', name: 'Dora', locale: 'en-GB' };
const eve = { id: 'U_EVE', name: 'Eve', locale: 'en-GB' };
type Member = { id: string; locale?: string };
/** Everyone who ever used the bot, the erased Dora included: none of them may be linked with the old secret. */
const EVERYONE = [facilitator, anna, ben, carol, dora, eve].map((m) => m.id);

type Post = Extract<Said, { kind: 'post' }>;

let tb: TestBot;
let teamId: number;
let report: RotationReport;
const before = {} as {
  anna: number;
  ben: number;
  carol: number;
  dora: number;
  draft: string;
  topic: number;
  /** The topic's number, as its author types it. */
  topicNumber: number;
  calendarToken: string;
  prompt: Post;
  personas: Record<string, string>;
  promptPersona: string;
  replies: number;
  doraPseudonymMac: string;
  doraCaseMac: string;
};

const previewToken = (member: string): string => previewTokenOf(tb.mem, member);
async function draft(member: Member, title: string): Promise<string> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title, body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?', tags: ['rupture'] });
  return previewToken(member.id);
}
async function publishedCase(member: Member, title: string): Promise<number> {
  await tb.mem.click(member, 'case.publish', await draft(member, title));
  const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(member.id)!)![1]);
  tb.clock.advance(MIN);
  await tb.bot.runDueWork();
  return n;
}
/** An anonymous reply in a case's thread; returns the pseudonym it was posted under. */
async function caseReply(member: Member, n: number): Promise<string> {
  const marker = `reply ${Math.random().toString(36).slice(2)}`;
  await tb.mem.command(member, `/case reply ${n} ${marker}`);
  await tb.bot.runDueWork();
  const post = tb.mem.posts('cases').find((p) => p.place.thread && p.text.includes(marker));
  if (!post) throw new Error(`no reply posted: ${tb.mem.lastPrivate(member.id)}`);
  return post.message.persona!;
}
/** An anonymous answer in the prompt thread; returns its pseudonym. */
async function promptAnonReply(member: Member): Promise<string> {
  const button = before.prompt.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'prompts.anonReply')!;
  const marker = `answer ${Math.random().toString(36).slice(2)}`;
  await tb.mem.click(member, 'prompts.anonReply', button.value);
  await tb.mem.fill(member, { text: marker });
  await tb.bot.runDueWork();
  return tb.mem.posts('circle').find((p) => p.place.thread && p.text.includes(marker))!.message.persona!;
}
const promptThread = () => before.prompt.ref.thread ?? before.prompt.ref.id;
const promptPost = async () => (await tb.bot.db.select().from(promptPosts).where(eq(promptPosts.teamId, teamId)))[0]!;
const caseRow = async (n: number) => (await tb.bot.db.select().from(cases).where(eq(cases.number, n)))[0]!;
async function serve(bot: Bot, token: string): Promise<number> {
  let status = 0;
  const res = { writeHead: (s: number) => void (status = s), end: () => undefined };
  await calendarRoute(bot)({ url: `/calendar/${token}.ics`, method: 'GET' } as never, res as never);
  return status;
}

beforeAll(async () => {
  tb = await makeBot();
  tb.bot.publicUrl = 'https://bot.example.org';
  tb.mem.channels.set('cases', EVERYONE);
  for (const m of [facilitator, anna, ben, carol, dora, eve]) await tb.mem.command(m, '/sojusz help');
  teamId = (await ensureTeam(tb.bot.db, 'memory', 'T1')).id;
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
  await tb.mem.command(facilitator, '/sojusz team case-delay 0-0');
  await tb.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');

  // Cases, replies and a ban, all under the old secret.
  before.anna = await publishedCase(anna, 'Anna before the rotation');
  before.ben = await publishedCase(ben, 'Ben before the rotation');
  before.carol = await publishedCase(carol, 'Carol before the rotation');
  // Ben and Dora answer in the thread of Carol's case, which stays open: "Colleague A" and "Colleague B".
  before.personas = { ben: await caseReply(ben, before.carol), dora: await caseReply(dora, before.carol) };
  await tb.mem.command(facilitator, `/case ban ${before.carol} 7`);
  await tb.mem.command(carol, '/case');
  expect(tb.mem.lastPrivate(carol.id)).toMatch(/can’t post new cases until/);
  before.draft = await draft(anna, 'Anna’s draft, published after the rotation');

  // Dora posts, then erases her data leaving her case unlinked: her rows already stand for nobody.
  before.dora = await publishedCase(dora, 'Dora before her erasure');
  await tb.mem.command(dora, '/sojusz mydata delete');
  await tb.mem.click(dora, 'privacy.delete', 'unlink');
  const carolsThread = caseThread((await caseRow(before.carol)).id);
  const [doraRow] = (await tb.bot.db.select().from(pseudonyms)).filter((p) => p.thread === carolsThread && p.ordinal === 2);
  before.doraPseudonymMac = doraRow!.memberMac;
  before.doraCaseMac = (await caseRow(before.dora)).authorMac;

  // An anonymous supervision topic and a calendar feed.
  await tb.mem.command(ben, '/supervision topic anon feeling stuck with a long-term client');
  await anonymousTopicsArrive(tb);
  const [topic] = await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.visibility, 'anonymous'));
  before.topic = topic!.id;
  before.topicNumber = topic!.number;
  await tb.mem.command(anna, '/supervision calendar');
  before.calendarToken = /\/calendar\/([0-9a-f]{64})\.ics/.exec(tb.mem.lastPrivate(anna.id)!)![1]!;

  // A prompt thread: Anna answers by name and under a pseudonym.
  await tb.mem.ask(facilitator, '/reflect now #circle');
  await tb.bot.runDueWork();
  before.prompt = tb.mem.posts('circle').find((p) => !p.place.thread)!;
  await tb.mem.threadReply(anna.id, 'circle', promptThread());
  before.promptPersona = await promptAnonReply(anna);
  before.replies = await replyCount(tb.bot.db, (await promptPost()).id);

  report = await rotateSecret(tb.database, tb.bot.registry.privacy, TEST_SECRET, NEW_SECRET);
  // The operator sets SOJUSZ_SECRET to the new value and starts the bot again.
  const { sink } = captureLogs();
  const restarted = new Bot({ database: tb.database, clock: tb.clock, secrets: NEW, log: createLogger('debug', sink), registry: tb.bot.registry });
  restarted.publicUrl = tb.bot.publicUrl;
  tb.mem.connect(restarted);
  tb = { ...tb, bot: restarted };
}, 180_000);
afterAll(() => tb.close());

describe('after rotating SOJUSZ_SECRET, members are still recognised by the bot', () => {
  it('lets the author withdraw a case posted before the rotation, and nobody else', async () => {
    await tb.mem.command(ben, `/case withdraw ${before.anna}`);
    expect((await caseRow(before.anna)).status).not.toBe('withdrawn');
    await tb.mem.command(anna, `/case withdraw ${before.anna}`);
    expect(tb.mem.lastPrivate(anna.id)).toContain(`Przypadek #${before.anna} jest wycofany`);
    expect((await caseRow(before.anna)).status).toBe('withdrawn');
  });

  it('keeps a ban set before the rotation, and bans the author of an older case blind', async () => {
    await tb.mem.command(carol, '/case');
    expect(tb.mem.lastPrivate(carol.id)).toMatch(/can’t post new cases until/);
    await tb.mem.command(facilitator, `/case ban ${before.ben} 7`);
    expect(tb.mem.lastPrivate(facilitator.id)).not.toContain('secret key');
    await tb.mem.command(ben, '/case');
    expect(tb.mem.lastPrivate(ben.id)).toMatch(/can’t post new cases until/);
    await tb.mem.command(eve, '/case');
    expect(tb.mem.lastForm(eve.id)?.id).toBe('case');
  });

  it('publishes a draft previewed before the rotation', async () => {
    await tb.mem.click(anna, 'case.publish', before.draft);
    expect(tb.mem.lastPrivate(anna.id)).toMatch(/Przypadek #\d+ pojawi się/);
    // What stays of the draft is only its "already published" mark, without the text.
    const left = await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, before.draft));
    expect(left.map((r) => Object.keys(JSON.parse(tb.bot.secrets.decrypt(r.sealed)) as object))).toEqual([['published']]);
  });

  it('keeps a colleague’s pseudonym in an old thread, and never gives an erased colleague’s letter to someone new', async () => {
    expect(await caseReply(ben, before.carol)).toBe(before.personas.ben);
    const eves = await caseReply(eve, before.carol);
    expect(eves).not.toBe(before.personas.ben);
    expect(eves).not.toBe(before.personas.dora);
  });

  it('lets the author of an anonymous supervision topic remove it', async () => {
    await tb.mem.command(anna, `/supervision topic remove ${before.topicNumber}`);
    expect(await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.id, before.topic))).toHaveLength(1);
    await tb.mem.command(ben, `/supervision topic remove ${before.topicNumber}`);
    // Recognised: it is his no more, and leaves the agenda a few minutes later (anon-later.ts).
    expect(tb.mem.lastPrivate(ben.id)).toContain(`topic ${before.topicNumber} leaves the agenda in a few minutes`);
    await tb.mem.command(ben, '/supervision topics');
    expect(tb.mem.lastPrivate(ben.id)).not.toContain('feeling stuck');
  });

  it('counts a member who answers a prompt thread again once, under the same pseudonym', async () => {
    await tb.mem.threadReply(anna.id, 'circle', promptThread());
    expect(await promptAnonReply(anna)).toBe(before.promptPersona);
    expect(await replyCount(tb.bot.db, (await promptPost()).id)).toBe(before.replies);
    await tb.mem.threadReply(ben.id, 'circle', promptThread());
    expect(await replyCount(tb.bot.db, (await promptPost()).id)).toBe(before.replies + 1);
  });

  it('retires calendar feed links made with the old secret; the link asked for again works', async () => {
    expect(await serve(tb.bot, before.calendarToken)).toBe(404);
    await tb.mem.command(anna, '/supervision calendar');
    const token = /\/calendar\/([0-9a-f]{64})\.ics/.exec(tb.mem.lastPrivate(anna.id)!)![1]!;
    expect(token).not.toBe(before.calendarToken);
    expect(await serve(tb.bot, token)).toBe(200);
  });

  it('reports counts per area and nothing about anyone', () => {
    expect(report.macs.cases!.rekeyed).toBeGreaterThan(0);
    expect(report.macs.cases!.unlinked).toBeGreaterThan(0); // Dora's case
    expect(report.macs.core!.rekeyed).toBeGreaterThan(0);
    expect(report.macs.core!.unlinked).toBeGreaterThan(0); // Dora's pseudonym
    expect(report.macs.prompts!.rekeyed).toBe(2);
    expect(report.macs.supervision!.rekeyed).toBe(2); // the topic and the calendar token
    const text = JSON.stringify(report);
    for (const id of EVERYONE) expect(text).not.toContain(id);
  });
});

describe('after rotating SOJUSZ_SECRET, the old secret links nothing', () => {
  it('matches no case, ban handle, ban or draft to anyone', async () => {
    const rows = await tb.bot.db.select().from(cases);
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) {
      for (const m of EVERYONE) expect(isAuthor(OLD, row, m), `#${row.number}`).toBe(false);
      expect(() => OLD.decrypt(row.banSealed)).toThrow();
    }
    const bans = (await tb.bot.db.select().from(caseBans)).map((b) => b.banMac);
    expect(bans.length).toBeGreaterThan(0);
    for (const m of EVERYONE) expect(bans).not.toContain(banMac(OLD, teamId, m));
  });

  it('matches no pseudonym, prompt answer, topic or calendar token to anyone', async () => {
    const rows = await tb.bot.db.select().from(pseudonyms);
    const threads = [...new Set(rows.map((r) => r.thread))];
    const oldMacs = new Set(threads.flatMap((t) => EVERYONE.map((m) => memberMac(OLD, teamId, t, m))));
    expect(rows.filter((r) => oldMacs.has(r.memberMac))).toEqual([]);
    const post = await promptPost();
    const oldReplies = new Set(EVERYONE.flatMap((m) => [replyMac(OLD, teamId, post.id, m), replyMac(OLD, teamId, post.id, m, 'pseudonym')]));
    expect((await tb.bot.db.select().from(promptReplies)).filter((r) => oldReplies.has(r.memberMac))).toEqual([]);
    const topics = await tb.bot.db.select().from(supervisionTopics);
    for (const t of topics) for (const m of EVERYONE) expect(t.authorHmac).not.toBe(topicAuthorMac(OLD, teamId, t.authorSalt, m));
    const tokens = (await tb.bot.db.select().from(supervisionPrefs)).map((p) => p.calendarToken);
    for (const m of EVERYONE) expect(tokens).not.toContain(OLD.hmac('calendar-token', teamId, m));
  });

  it('leaves an erased member’s rows standing for nobody, under either secret', async () => {
    const thread = caseThread((await caseRow(before.carol)).id);
    const [doraRow] = (await tb.bot.db.select().from(pseudonyms)).filter((p) => p.thread === thread && p.ordinal === 2);
    expect(doraRow!.memberMac).not.toBe(before.doraPseudonymMac);
    for (const s of [OLD, NEW]) for (const m of EVERYONE) expect(doraRow!.memberMac).not.toBe(memberMac(s, teamId, thread, m));
    const doraCase = await caseRow(before.dora);
    expect(doraCase.authorMac).not.toBe(before.doraCaseMac);
    for (const s of [OLD, NEW]) for (const m of EVERYONE) expect(isAuthor(s, doraCase, m)).toBe(false);
    const handle = NEW.decrypt(doraCase.banSealed);
    for (const m of EVERYONE) expect(handle).not.toBe(banMac(NEW, teamId, m));
    await tb.mem.command(dora, `/case withdraw ${before.dora}`);
    expect((await caseRow(before.dora)).status).not.toBe('withdrawn');
  });
});

describe('a wrong old secret', () => {
  it('changes nothing, even where no sealed column could tell (only keyed MACs)', async () => {
    const macsOnly = tb.bot.registry.privacy.filter((c) => !c.reencrypt);
    const snapshot = async () => JSON.stringify([await tb.bot.db.select().from(pseudonyms), await tb.bot.db.select().from(cases), await tb.bot.db.select().from(promptReplies)]);
    const was = await snapshot();
    await expect(rotateSecret(tb.database, macsOnly, 'not-the-secret-at-all-0123456789abcdef', TEST_SECRET)).rejects.toThrow(/old secret/);
    expect(await snapshot()).toBe(was);
  });
});

describe('a case from before an earlier rotation, whose ban handle was never carried over', () => {
  it('does not stop the rotation; its handle becomes one that opens under no key, the others open under the new one', async () => {
    const third = new Secrets('a-third-secret-00112233445566778899aabbccddeeff');
    const stale = await caseRow(before.ben);
    await tb.bot.db.update(cases).set({ banSealed: new Secrets('an-older-secret-0123456789abcdef0123456789ab').encrypt('x') }).where(eq(cases.id, stale.id));
    const r = await rotateSecret(tb.database, tb.bot.registry.privacy, NEW_SECRET, 'a-third-secret-00112233445566778899aabbccddeeff');
    expect(r.macs.cases!.opened).toBe((await tb.bot.db.select().from(cases)).length - 1);
    for (const row of await tb.bot.db.select().from(cases)) {
      if (row.id === stale.id) for (const s of [OLD, NEW, third]) expect(() => s.decrypt(row.banSealed)).toThrow();
      else expect(() => third.decrypt(row.banSealed)).not.toThrow();
    }
  });
});
