// Messages too long for one Slack message, through the real Bolt app and the fake Slack: posted as several in order,
// marked "(n/N)" as on Discord, edited and deleted part by part, and a private answer arriving whole in parts.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/core/message.js';
import { PlatformError } from '../../../src/core/errors.js';
import type { MessageRef } from '../../../src/core/port.js';
import { outbox } from '../../../src/db/schema/index.js';
import { addTopic } from '../../../src/features/supervision/agenda.js';
import { REMINDER_TOPIC_MAX } from '../../../src/features/supervision/reminders.js';
import { ensureTeam } from '../../../src/core/teams.js';
import { OUTBOX_EVENT } from '../../../adapters/slack/port.js';
import { renderMessage, textLength } from '../../../adapters/slack/render/blocks.js';
import { SLACK_LIMITS } from '../../../adapters/slack/render/limits.js';
import { renderParts, renderWithin } from '../../../adapters/slack/render/parts.js';
import type { RecordedCall } from '../../fakes/slack/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  // Wednesday; the first Monday 18:00 Warsaw (17:00 UTC) is 9 March 2026.
  h = await startSlackHarness({ start: '2026-03-04T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser('U_ANNA', { locale: 'pl-PL', name: 'anna.k' });
  h.fake.setChannel('C_SUP', { name: 'superwizja' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
type Kit = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string; text?: unknown }[] };
const blocksOf = (c: { args: Record<string, unknown> }) => (c.args.blocks ?? []) as Kit[];
const mark = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const section = (n: number, ch = 'x') => ({ type: 'text' as const, text: [{ text: ch.repeat(n) }] });
const rsvp = { type: 'actions' as const, buttons: [{ action: 'supervision.rsvp', value: '1:coming', label: 'Coming' }] };
/** `n` distinct words ("w0 w1 …") as one text block. */
const words = (from: number, n: number, stem = 'w') => Array.from({ length: n }, (_, i) => `${stem}${from + i}`);
/** A message of a little more than `n` × 10,000 characters of text (six blocks of 300 words each): at least n parts. */
const long = (n: number, stem = 'w'): Message => ({ blocks: Array.from({ length: n * 6 }, (_, i) => ({ type: 'text' as const, text: [{ text: words(i * 300, 300, stem).join(' ') }] })) });
/** The words a member reads in these calls' blocks. */
const wordsIn = (calls: { args: Record<string, unknown> }[]) => new Set(calls.flatMap((c) => blocksOf(c).map((b) => b.text?.text ?? '')).join('\n').split(/\s+/));
const noRefusals = () => expect(h.fake.refusals().map((c) => c.refused)).toEqual([]);
const postsIn = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.refused);
const onScreen = (channel: string) => h.fake.messagesIn(channel).map((m) => m.ts);

describe('rendering a message too long for one Slack message', () => {
  // Three full sections and the rest: exactly the text budget, with the button's 6 characters.
  const at = (extra: number): Message => ({ summary: 'Superwizja jutro', blocks: [section(3000), section(3000), section(3000), section(SLACK_LIMITS.messageText - 9000 - 6 + extra), rsvp] });

  it('keeps a message of exactly the text budget as one unmarked message, and makes one character more two marked parts, the buttons under the second', () => {
    const one = renderParts(at(0));
    expect(one).toEqual([renderMessage(at(0))]);
    expect(json(one)).not.toMatch(/\(\d\/\d\)/);

    const two = renderParts(at(1));
    expect(two).toHaveLength(2);
    for (const p of two) expect(textLength(p.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    expect(two[0]!.blocks.at(-1)).toEqual(mark('(1/2)'));
    expect(two[1]!.blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    expect(two[1]!.blocks[1]).toEqual(mark('(2/2)'));
    // Nothing is lost: every character of text is in one part or the other, and no "…" says otherwise.
    const text = (b: Record<string, unknown>[]) => b.filter((x) => x.type === 'section').map((x) => (x.text as { text: string }).text).join('');
    expect(text([...two[0]!.blocks, ...two[1]!.blocks])).toHaveLength(SLACK_LIMITS.messageText - 6 + 1);
    expect(json(two)).not.toContain('…');
    // The notification of each part says what the message is and which part.
    expect(two.map((p) => p.text)).toEqual(['Superwizja jutro (1/2)', 'Superwizja jutro (2/2)']);
  });

  it('keeps 50 blocks as one message and makes 51 two, each within 50 blocks with its mark', () => {
    const many = (n: number): Message => ({ blocks: Array.from({ length: n }, (_, i) => section(5, String.fromCharCode(97 + (i % 26)))) });
    expect(renderParts(many(50))).toHaveLength(1);
    expect(renderParts(many(50))[0]!.blocks).toHaveLength(50);
    const two = renderParts(many(51));
    expect(two.map((p) => p.blocks.length)).toEqual([50, 3]);
    expect(two.map((p) => p.blocks.at(-1))).toEqual([mark('(1/2)'), mark('(2/2)')]);
    // Without a summary, a part's notification is the start of its own words.
    expect(two[1]!.text).toBe('xxxxx\nyyyyy (2/2)');
  });

  it('shortens a text needing more parts than a posted message has into them, visibly, the marks counting to them', () => {
    const three = renderParts({ blocks: [...long(3).blocks, rsvp] });
    expect(three.length).toBeGreaterThanOrEqual(3);
    const two = renderWithin({ blocks: [...long(3).blocks, rsvp] }, 2);
    expect(two).toHaveLength(2);
    expect(two[0]).toEqual({ ...three[0]!, blocks: [...three[0]!.blocks.slice(0, -1), mark('(1/2)')], text: three[0]!.text.replace(/\(1\/\d\)$/, '(1/2)') });
    expect(two[1]!.blocks.slice(-3)).toEqual([mark('…'), mark('(2/2)'), expect.objectContaining({ type: 'actions' })]);
    expect(textLength(two[1]!.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    // One message left: as today, cut before the buttons, unmarked.
    expect(renderWithin({ blocks: [...long(3).blocks, rsvp] }, 1)).toEqual([renderMessage({ blocks: [...long(3).blocks, rsvp] })]);
  });
});

describe('a long supervision agenda on Slack', () => {
  let ref: MessageRef;
  // A reminder shows each topic up to REMINDER_TOPIC_MAX characters: forty of them fill more than one Slack message.
  const topics = Array.from({ length: 40 }, (_, i) => words(0, 60, `t${i}x`).join(' ').slice(0, REMINDER_TOPIC_MAX).trim());

  it('posts the reminder with forty topics as two messages in the channel, in order, each carrying its outbox key', async () => {
    for (const u of ['U_FAC', 'U_ANNA']) {
      await h.command(u, '/sojusz help');
      await h.privately('Kilka słów o Twoich danych', u, WAIT);
    }
    await h.command('U_FAC', '/supervision schedule <#C_SUP|superwizja> monday 18:00', { channel: 'C_SUP' });
    await h.privately('Zaplanowany cykl', 'U_FAC', WAIT);
    // The first through the command, the rest straight into the agenda (forty commands would take a minute here).
    await h.command('U_ANNA', `/supervision topic ${topics[0]}`, { channel: 'C_SUP' });
    await expect.poll(() => h.fake.calls.filter((c) => json(c.args).includes('jest w agendzie')).length, { timeout: WAIT }).toBe(1);
    const team = await ensureTeam(h.bot.db, 'slack', h.team);
    for (const text of topics.slice(1)) {
      await h.bot.db.transaction((tx) => addTopic(tx, h.bot, { team, memberExternalId: 'U_ANNA', text, visibility: 'named', source: 'command', now: h.clock.now(), lang: 'pl' }));
    }
    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    await expect.poll(() => postsIn('C_SUP').length, { timeout: WAIT }).toBe(2);
    const [first, second] = postsIn('C_SUP') as [RecordedCall, RecordedCall];
    const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, 'sup-rem:%:1440'));
    ref = { team: h.team, ...row!.sentRef! };
    expect([ref.id, ...(ref.more ?? [])]).toEqual([first.answer!.ts, second.answer!.ts]);
    expect(first.args.metadata).toEqual({ event_type: OUTBOX_EVENT, event_payload: { key: row!.key, parts: 2 } });
    expect(second.args.metadata).toEqual({ event_type: OUTBOX_EVENT, event_payload: { key: `${row!.key}#1` } });
    expect(json(first.args)).toContain('Superwizja za 24 godziny');
    expect(blocksOf(first).at(-1)).toEqual(mark('(1/2)'));
    expect(blocksOf(second).at(-2)).toEqual(mark('(2/2)'));
    expect(blocksOf(second).at(-1)!.elements!.map((e) => e.value?.split(':')[1])).toEqual(['coming', 'not', 'maybe']);
    // Every topic whole, none cut: the agenda ends where the member's last topic ends.
    const shown = wordsIn([first, second]);
    expect(topics.flatMap((t) => t.split(' ')).filter((w) => !shown.has(w))).toEqual([]);
    expect(json([first.args, second.args])).not.toContain('…');
    noRefusals();
  });

  it('edits both messages in place when a member answers “coming”, the buttons staying under the second', async () => {
    const second = postsIn('C_SUP')[1]!;
    const coming = blocksOf(second).flatMap((b) => b.elements ?? []).find((e) => e.value?.endsWith(':coming'))!;
    await h.clickButton('U_ANNA', coming.action_id!, coming.value, { channel: 'C_SUP', ts: second.answer!.ts as string });
    await h.privately('Zapisane: będziesz', 'U_ANNA', WAIT);
    await expect.poll(() => h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C_SUP').length, { timeout: WAIT }).toBeGreaterThanOrEqual(2);
    const updates = h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C_SUP').slice(-2);
    expect(updates.map((c) => c.args.ts)).toEqual([ref.id, ...ref.more!]);
    expect(json(updates.map((c) => c.args.blocks))).toContain('Będą: 1 · Tym razem nie: 0 · Może: 0');
    expect(blocksOf(updates[0]!).at(-1)).toEqual(mark('(1/2)'));
    expect(blocksOf(updates[1]!).at(-1)!.type).toBe('actions');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_SUP')).toHaveLength(2);
    noRefusals();
  });

  it('blanks the second message when the new text fits in the first, and deletes both when the message is removed', async () => {
    const port = h.slack.port;
    await port.update(ref, { blocks: [{ type: 'text', text: [{ text: 'Sesja odwołana.' }] }] });
    const [first, second] = h.fake.callsTo('chat.update').slice(-2) as [RecordedCall, RecordedCall];
    expect(first.args).toMatchObject({ ts: ref.id, text: 'Sesja odwołana.' });
    expect(json(first.args.blocks)).not.toContain('(1/');
    expect(second.args).toMatchObject({ ts: ref.more![0], text: '—', blocks: [mark('—')] });

    await port.remove(ref);
    expect(h.fake.callsTo('chat.delete').filter((c) => c.args.channel === 'C_SUP').map((c) => c.args.ts)).toEqual([ref.id, ...ref.more!]);
    expect(onScreen('C_SUP')).not.toContain(ref.id);
    expect(onScreen('C_SUP')).not.toContain(ref.more![0]);
  });

  it('removes a message whose later part someone deleted already, and still refuses a first part that is gone', async () => {
    const port = h.slack.port;
    const posted = await port.post({ team: h.team, channel: 'C_OTHER' }, long(3));
    expect(posted.more!.length).toBeGreaterThanOrEqual(2);
    await port.remove({ team: h.team, channel: 'C_OTHER', id: posted.more![1]! });
    await port.remove(posted);
    expect(onScreen('C_OTHER')).toEqual([]);
    await expect(port.remove(posted)).rejects.toMatchObject({ code: 'message_not_found' });
  });
});

describe('a long private answer on Slack', () => {
  const invocation = (channel: string) => ({
    platform: 'slack' as const,
    team: h.team,
    member: { id: 'U_ANNA' },
    channel,
    handle: { responseUrl: h.fake.responseUrl(), receivedAt: h.clock.now().getTime() },
  });

  it('arrives whole and in order: five parts through the response_url, the rest as ephemerals in the channel', async () => {
    h.fake.clear();
    const message = long(6, 'e');
    const parts = renderParts(message);
    expect(parts.length).toBeGreaterThan(5);
    await h.slack.port.answerPrivately(invocation('C_SUP'), message);
    // A sixth post on the response_url is refused (Slack takes five), and the answer goes on where it was.
    const sent = h.fake.calls.filter((c) => (c.method === 'response_url' && c.answer?.ok !== false) || c.method === 'chat.postEphemeral');
    expect(h.fake.callsTo('response_url').filter((c) => c.answer?.ok === false)).toHaveLength(1);
    expect(sent.map((c) => c.method)).toEqual([...Array<string>(5).fill('response_url'), ...Array<string>(parts.length - 5).fill('chat.postEphemeral')]);
    expect(sent.map((c) => blocksOf(c).at(-1))).toEqual(parts.map((_, i) => mark(`(${i + 1}/${parts.length})`)));
    const shown = wordsIn(sent);
    expect(words(0, 6 * 6 * 300, 'e').filter((w) => !shown.has(w))).toEqual([]);
    expect(json(sent.map((c) => c.args.blocks))).not.toContain('…');
    noRefusals();
  });

  it('sends by DM, in order, the parts a channel refuses as ephemerals once the response_url is spent', async () => {
    h.fake.clear();
    const message = long(6, 'd');
    const parts = renderParts(message);
    h.fake.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await h.slack.port.answerPrivately(invocation('C_SUP'), message);
    expect(h.fake.callsTo('response_url').filter((c) => c.answer?.ok !== false)).toHaveLength(5);
    const dm = postsIn(h.fake.dmChannelOf('U_ANNA'));
    expect(dm.map((c) => blocksOf(c).at(-1))).toEqual(parts.slice(5).map((_, i) => mark(`(${i + 6}/${parts.length})`)));
  });
});

describe('a long post in a thread, and its resend after an unknown outcome', () => {
  let parent: string;
  let ref: MessageRef;
  beforeAll(async () => {
    parent = (await h.slack.port.post({ team: h.team, channel: 'C_THREAD' }, { blocks: [{ type: 'text', text: [{ text: 'Pytanie tygodnia' }] }] })).id;
  });

  it('posts every part in the thread, and findSent finds them all by their keys', async () => {
    h.fake.clear();
    ref = await h.slack.port.post({ team: h.team, channel: 'C_THREAD', thread: parent }, long(2, 'r'), { key: 'test:thread:1' });
    const posts = postsIn('C_THREAD');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts.map((c) => c.args.thread_ts)).toEqual(posts.map(() => parent));
    expect(ref).toEqual({ team: h.team, channel: 'C_THREAD', id: posts[0]!.answer!.ts, thread: parent, more: posts.slice(1).map((c) => c.answer!.ts) });
    expect(await h.slack.port.findSent({ team: h.team, channel: 'C_THREAD', thread: parent }, 'test:thread:1')).toEqual(ref);
  });

  it('takes down a copy with a part missing (a crash between parts), so the outbox sends it again whole', async () => {
    await h.slack.port.remove({ team: h.team, channel: 'C_THREAD', id: ref.more!.at(-1)! });
    expect(await h.slack.port.findSent({ team: h.team, channel: 'C_THREAD', thread: parent }, 'test:thread:1')).toBeUndefined();
    expect(onScreen('C_THREAD')).toEqual([parent]);
  });

  it('takes back the parts it posted when a later one is refused, and says why', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 3, after: 1 });
    const failed = await h.slack.port.post({ team: h.team, channel: 'C_THREAD', thread: parent }, long(2, 'q'), { key: 'test:thread:2' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PlatformError);
    expect(failed).toMatchObject({ code: 'ratelimited', retryAfterSeconds: 3 });
    expect(onScreen('C_THREAD')).toEqual([parent]);
  });
});
