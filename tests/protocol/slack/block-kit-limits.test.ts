// The bot's largest Slack outputs through the real Bolt app and a fake Slack that refuses what Slack refuses
// (tests/fakes/slack/block-kit.ts): the setup and autocheck modals, the longest case, a long agenda by a member with a
// long name, the Home tab, a 100-option select — each taken by Slack, and anything too long (more blocks, or more text
// together, than a message takes) posted in marked parts, or, where it must stay one message, cut visibly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../../src/core/form.js';
import type { Message } from '../../../src/core/message.js';
import { renderMessage, textLength } from '../../../adapters/slack/render/blocks.js';
import { SLACK_LIMITS } from '../../../adapters/slack/render/limits.js';
import { TOPIC_MAX } from '../../../src/features/supervision/agenda.js';
import { checkAck, describeRefusal } from '../../fakes/slack/block-kit.js';
import type { RecordedCall } from '../../fakes/slack/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
const FAC = 'U_FAC';
const AUTHOR = 'U_AUTHOR';
/** A display name near Slack's longest (80), with an emoji, markup and a broadcast word that must stay text. */
const LONG_NAME = `ewa.*${'m'.repeat(60)}*_@here_🙂${'n'.repeat(80 - 17 - 60)}`;
beforeAll(async () => {
  // Wednesday; the first Monday 18:00 Warsaw (17:00 UTC) is 9 March 2026.
  h = await startSlackHarness({ start: '2026-03-04T08:00:00Z' });
  h.fake.setUser(FAC, { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser(AUTHOR, { locale: 'pl-PL', name: LONG_NAME });
  for (const [id, name] of [['C_CASES', 'przypadki'], ['C_MODS', 'moderacja'], ['C_SUP', 'superwizja']] as const) h.fake.setChannel(id, { name });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
type Kit = { type: string; text?: { text: string }; elements?: { type?: string; text?: unknown; action_id?: string; value?: string }[] };
const blocksOf = (c: RecordedCall) => (c.args.blocks ?? []) as Kit[];
/** What a member reads in a message: every text, with Slack's escapes undone and our zero-width marks dropped. */
const readable = (c: RecordedCall) =>
  blocksOf(c)
    .flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (e as { text?: string }).text ?? '')])
    .join('\n')
    .replace(/[\u200B\u200D]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Slack took every call so far; a refusal is named with its rule, page and JSON pointer. */
function noRefusals(): void {
  expect(h.fake.refusals().map((c) => describeRefusal(c.method, c.refused!))).toEqual([]);
}

/** `n` distinct lowercase tokens ("kab", "kac", …) joined by `sep`, as long as fits in `max` characters. */
function tokens(max: number, sep: string, stem = 'k'): { text: string; words: string[] } {
  const words: string[] = [];
  const letters = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26)));
  for (let i = 0; ; i++) {
    const next = [...words, `${stem}${letters(i)}`].join(sep);
    if (next.length > max) break;
    words.push(`${stem}${letters(i)}`);
  }
  return { text: words.join(sep), words };
}

const invocation = (member: string) => ({
  platform: 'slack' as const,
  team: h.team,
  member: { id: member },
  channel: 'C_GENERAL',
  handle: { triggerId: `${Date.now()}.1.abc`, responseUrl: h.fake.responseUrl(), receivedAt: h.clock.now().getTime() },
});

describe('the bot’s largest Slack outputs', () => {
  it('opens both pages of /sojusz setup and every /autocheck form as modals Slack takes', async () => {
    for (const u of [FAC, AUTHOR]) {
      await h.command(u, '/sojusz help');
      await h.privately('Kilka słów o Twoich danych', u, WAIT);
    }
    await h.command(FAC, '/sojusz setup', { channel: 'C_SUP' });
    const open = await h.fake.waitFor('views.open', (c) => json(c.args).includes('conversations_select'), WAIT);
    const next = (await h.submitView(FAC, open.args.view, { lang: 'pl', zone: 'Europe/Warsaw', promptDay: 'off' })) as { response_action?: string; view?: unknown };
    // The second page comes back in the acknowledgement, which Slack checks like views.update.
    expect(next.response_action).toBe('update');
    expect(checkAck(next)).toBeUndefined();
    const saved = await h.submitView(FAC, next.view, { caseChannel: 'C_CASES', modChannel: 'C_MODS', supChannel: 'C_SUP', supRhythm: 'poniedziałek 18:00', reminders: '24h,1h' });
    expect(saved).toBeUndefined();
    await h.privately('Zapisane', FAC, WAIT);

    const opened = () => h.fake.callsTo('views.open').filter((c) => !c.refused).length;
    for (const variant of ['quick', '', 'full']) {
      const before = opened();
      await h.command(AUTHOR, `/autocheck ${variant}`.trim());
      await expect.poll(opened, { timeout: WAIT }).toBe(before + 1);
    }
    // The full check with the longest answers it takes is saved and confirmed in a private answer Slack takes.
    const full = h.fake.callsTo('views.open').at(-1)!;
    const ack = await h.submitView(AUTHOR, full.args.view, {
      curiosity: '4', flexibility: '0', judging: 'maybe', goal: '5', task: '1', bond: '3',
      supervision: tokens(500, ' ', 's').text, destination: 'mine', note: tokens(1000, ' ', 'n').text,
    });
    expect(ack).toBeUndefined();
    await h.privately('Zapisane prywatnie', AUTHOR, WAIT);
    noRefusals();
  });

  it('shows the longest allowed case whole in its preview and its post, split into sections Slack takes', async () => {
    // "&" and "*" grow when re-posted (&amp;, a zero-width space before "*"): 3000 typed characters become about 5,000.
    const body = tokens(3000, ' & *', 'c');
    const title = tokens(120, ' ', 't');
    const question = tokens(500, ' ', 'q');
    await h.command(AUTHOR, '/case', { channel: 'C_CASES' });
    const open = await h.fake.waitFor('views.open', (c) => json(c.args).includes('Anonimowy przypadek'), WAIT);
    const ack = await h.submitView(AUTHOR, open.args.view, { title: title.text, body: body.text, question: question.text, tags: ['rupture', 'transference-countertransference', 'dropout', 'ethics-boundaries', 'structure', 'self-disclosure', 'risk', 'other'] });
    expect(ack).toBeUndefined();
    const preview = await h.privately('Tak zobaczy to grupa', AUTHOR, WAIT);
    const sections = blocksOf(preview).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(2);
    const shown = readable(preview);
    for (const w of [...body.words, ...title.words, ...question.words]) expect(shown, w).toContain(w);

    const publish = blocksOf(preview).flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('case.publish'))!;
    await h.clickButton(AUTHOR, publish.action_id!, publish.value);
    await h.privately('pojawi się na', AUTHOR, WAIT);
    h.clock.advance(21 * 60_000);
    await h.bot.runDueWork();
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C_CASES' && json(c.args).includes(body.words.at(-1)!), WAIT);
    const posted = readable(post);
    for (const w of body.words) expect(posted, w).toContain(w);
    noRefusals();
  });

  it('posts a reminder with a long agenda by a member with a 78-character name that Slack takes, every topic and the whole name shown', async () => {
    // The series comes from /sojusz setup above (Mondays 18:00). Thirty topics of 200 characters, each followed by the
    // long name: about 8,500 characters, split over several sections.
    const topics = Array.from({ length: 30 }, (_, i) => tokens(200, ' ', `p${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`));
    for (const [i, t] of topics.entries()) {
      await h.command(AUTHOR, `/supervision topic ${t.text}`, { channel: 'C_SUP' });
      await expect.poll(() => h.fake.calls.filter((c) => json(c.args).includes('jest w agendzie')).length, { timeout: WAIT }).toBe(i + 1);
    }
    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    const reminder = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C_SUP' && json(c.args).includes('Superwizja za 24 godziny'), WAIT);
    const shown = readable(reminder);
    for (const t of topics) for (const w of t.words) expect(shown, w).toContain(w);
    expect(blocksOf(reminder).filter((b) => b.type === 'section').length).toBeGreaterThan(3);
    expect(shown).toContain(`@${LONG_NAME}`);
    expect(json(reminder.args)).not.toContain('@here');
    expect(blocksOf(reminder).at(-1)!.type).toBe('actions');

    // The same agenda on the member's Home tab, within a Home tab's 100 blocks.
    await h.event({ type: 'app_home_opened', user: AUTHOR, tab: 'home', channel: 'D_AUTHOR' });
    await h.fake.waitFor('views.publish', (c) => c.args.user_id === AUTHOR, WAIT);
    noRefusals();
  });

  it('shortens a reminder sent before its agenda passed Slack’s text total visibly into its one message, and shows the same agenda asked for privately whole, in parts', async () => {
    // An agenda has no cap on its topics: nine more of the longest a member can write (1000 characters), each with the
    // long name, join the thirty above, past the ~12,000 characters of text Slack takes in one message's blocks.
    const long = Array.from({ length: 9 }, (_, i) => tokens(TOPIC_MAX, ' ', `l${String.fromCharCode(97 + i)}`));
    const added = () => h.fake.calls.filter((c) => json(c.args).includes('jest w agendzie')).length;
    const updates = () => h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C_SUP' && !c.refused).length;
    for (const t of long) {
      const [before, edited] = [added(), updates()];
      await h.command(AUTHOR, `/supervision topic ${t.text}`, { channel: 'C_SUP' });
      await expect.poll(added, { timeout: WAIT }).toBe(before + 1);
      // The reminder already sent is rewritten with the new topic at once.
      await expect.poll(updates, { timeout: WAIT }).toBeGreaterThan(edited);
    }
    // The reminder went out as one message, and an edit keeps to the messages there are: its start whole, the end of
    // the agenda cut where the "…" says so, its RSVP buttons after the cut.
    const edited = h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C_SUP').at(-1)!;
    const blocks = blocksOf(edited);
    expect(textLength(blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    expect(readable(edited)).toContain('Aktualna agenda');
    expect(readable(edited)).toContain('paaa');
    expect(readable(edited)).not.toContain(long.at(-1)!.words.at(-1)!);
    expect(blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…' }] });
    expect(blocks.at(-1)!.elements!.map((e) => e.value?.split(':')[1])).toEqual(['coming', 'not', 'maybe']);

    // The same agenda asked for with /supervision agenda: a private answer through the response_url, in two parts.
    await h.command(AUTHOR, '/supervision agenda', { channel: 'C_SUP' });
    const asked = await h.privately('Agenda na', AUTHOR, WAIT);
    await expect.poll(() => h.fake.callsTo('response_url').filter((c) => c.id === asked.id).length, { timeout: WAIT }).toBe(2);
    const parts = h.fake.callsTo('response_url').filter((c) => c.id === asked.id);
    for (const [i, part] of parts.entries()) {
      expect(textLength(blocksOf(part))).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
      expect(blocksOf(part).at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `(${i + 1}/2)` }] });
    }
    const shown = parts.map(readable).join('\n');
    expect(shown).not.toContain('…');
    for (const t of long) for (const w of t.words) expect(shown, w).toContain(w);
    noRefusals();
  });

  it('posts a message of more than 50 blocks as two, marked, with its buttons under the second, and Slack takes both', async () => {
    const port = h.slack.port;
    const many: Message = {
      blocks: [
        { type: 'heading', text: 'Agenda' },
        ...Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, text: [{ text: `topic ${i}` }] })),
        { type: 'actions', buttons: [{ action: 'supervision.rsvp', value: '1:coming', label: 'Coming' }, { action: 'supervision.rsvp', value: '1:not', label: 'Not this time' }] },
      ],
    };
    const ref = await port.post({ team: h.team, channel: 'C_SUP' }, many);
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => json(c.args).includes('topic '));
    expect(posts.map((c) => c.answer!.ts)).toEqual([ref.id, ...ref.more!]);
    const [first, second] = posts.map(blocksOf) as [Kit[], Kit[]];
    expect(first).toHaveLength(50);
    expect(first.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '(1/2)' }] });
    expect(second.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '(2/2)' }] });
    expect(json(second.at(-1))).toContain('Not this time');
    const shown = [...first, ...second].map((b) => b.text?.text ?? '').join('\n');
    for (let i = 0; i < 60; i++) expect(shown).toContain(`topic ${i}`);
    expect(json(posts)).not.toContain('…');
    noRefusals();
  });

  it('counts emoji as Slack may, in UTF-16 units: an emoji heading and buttons are shortened visibly and taken', async () => {
    const port = h.slack.port;
    await port.post({ team: h.team, channel: 'C_SUP' }, {
      blocks: [
        { type: 'heading', text: '🌱'.repeat(151) },
        { type: 'note', text: [{ text: '🌿'.repeat(1600), untrusted: true }] },
        { type: 'actions', buttons: [{ action: 'x.go', label: '🙂'.repeat(76) }] },
      ],
    });
    const post = await h.fake.waitFor('chat.postMessage', (c) => json(c.args).includes('🌱'), WAIT);
    const [heading, note, actions] = blocksOf(post);
    expect(heading!.text!.text.endsWith('…')).toBe(true);
    expect(heading!.text!.text.length).toBeLessThanOrEqual(150);
    expect(json(note)).toContain('…');
    expect(json(actions)).toContain('…');
    noRefusals();
  });

  it('opens a form with a 100-option select and over-long words shortened visibly, and refuses 101 options loudly', async () => {
    const port = h.slack.port;
    const form = (options: number): Form => ({
      id: 'test.many',
      title: 'Wybierz temat na najbliższą superwizję',
      submitLabel: 'Zapisz wybór tematu na następną sesję',
      intro: tokens(3500, ' ', 'i').text,
      fields: [
        { kind: 'choice', id: 'many', label: 'l'.repeat(2500), hint: 'h'.repeat(2100), options: Array.from({ length: options }, (_, i) => ({ value: `v${i}`.padEnd(150, 'x'), label: `${i} ${'o'.repeat(100)}` })), initial: `v99`.padEnd(150, 'x') },
        { kind: 'choice', id: 'few', label: 'Few', multiple: true, options: Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })) },
        { kind: 'text', id: 'note', label: 'Note', maxLength: 5000, minLength: 3001, placeholder: 'p'.repeat(200), initial: 'i'.repeat(3100) },
      ],
    });
    await port.openForm(invocation(FAC), form(100));
    const open = await h.fake.waitFor('views.open', (c) => json(c.args).includes('test.many'), WAIT);
    const view = open.args.view as { title: { text: string }; submit: { text: string }; blocks: { element?: { type: string; options?: unknown[]; placeholder?: { text: string } } }[] };
    expect(view.title.text).toBe(`${'Wybierz temat na najbli'}…`);
    expect(view.submit.text.endsWith('…')).toBe(true);
    expect(view.blocks[1]!.element!.type).toBe('static_select');
    expect(view.blocks[1]!.element!.options).toHaveLength(100);
    expect(view.blocks[2]!.element!.type).toBe('multi_static_select');
    expect(view.blocks[3]!.element!.placeholder!.text.endsWith('…')).toBe(true);
    noRefusals();

    const views = h.fake.callsTo('views.open').length;
    await expect(port.openForm(invocation(FAC), form(101))).rejects.toThrow(/101 options; a Slack select shows at most 100/);
    expect(h.fake.callsTo('views.open')).toHaveLength(views);
  });
});

describe('the text budget of one Slack message', () => {
  const x = (n: number) => ({ type: 'text' as const, text: [{ text: 'x'.repeat(n) }] });
  const buttons = { type: 'actions' as const, buttons: [{ action: 'supervision.rsvp', value: '1:coming', label: 'Coming' }] };
  // Three full sections and the rest: exactly the budget, with the button's 6 characters.
  const at = (extra: number): Message => ({ blocks: [x(3000), x(3000), x(3000), x(SLACK_LIMITS.messageText - 9000 - 6 + extra), buttons] });

  it('keeps a message of exactly the budget whole, and where it must stay one message cuts one character more before its buttons, with a “…”', () => {
    const whole = renderMessage(at(0)).blocks;
    expect(textLength(whole)).toBe(SLACK_LIMITS.messageText);
    expect(whole).toHaveLength(5);
    const cut = renderMessage(at(1)).blocks;
    expect(textLength(cut)).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    expect(cut.map((b) => b.type)).toEqual(['section', 'section', 'section', 'context', 'actions']);
    expect(cut[3]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…' }] });
  });

  it('stays well under the ~12,000 Slack was seen to refuse, and leaves the Home tab its own limit', () => {
    expect(SLACK_LIMITS.messageText).toBeLessThanOrEqual(10_000);
    expect(renderMessage(at(1), SLACK_LIMITS.viewBlocks, Infinity).blocks).toHaveLength(5);
  });
});
