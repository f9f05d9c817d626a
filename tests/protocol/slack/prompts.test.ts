// /reflect on Slack: a signed slash command schedules, the clock moves, the thread appears, and an anonymous reply lands in it.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, promptReplies } from '../../../src/db/schema/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser('U_ANNA', { locale: 'pl-PL' });
  h.fake.setChannel('C_REFLECT', { name: 'refleksja' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);

describe('/reflect on Slack', () => {
  it('schedules a prompt, posts the thread on Friday 09:00, and posts an anonymous reply with thread_ts', async () => {
    await h.command('U_FAC', '/reflect schedule <#C_REFLECT|refleksja> friday 09:00');
    const answer = await h.fake.waitFor('response_url', (c) => json(c.args).includes('Zaplanowane'), WAIT).catch(async () =>
      h.fake.waitFor('chat.postEphemeral', (c) => json(c.args).includes('Zaplanowane'), WAIT),
    );
    expect(json(answer.args)).toContain('6 marca 2026, 09:00');

    h.clock.set('2026-03-06T07:59:00Z');
    await h.bot.runDueWork();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_REFLECT')).toHaveLength(0);
    h.clock.set('2026-03-06T08:00:30Z');
    await h.bot.runDueWork();
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_REFLECT');
    expect(posts).toHaveLength(1);
    const starter = posts[0]!;
    expect(json(starter.args.blocks)).toContain('Odpowiedz anonimowo');
    const button = (starter.args.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.startsWith('prompts.anonReply'))!;
    // The message ts Slack returned, as the bot recorded it for the thread.
    const [sent] = await h.bot.db.select().from(outbox).where(like(outbox.key, 'prompt:%'));
    const ts = sent?.sentRef?.id ?? '';
    expect(ts).not.toBe('');

    await h.clickButton('U_ANNA', button.action_id!, button.value, { channel: 'C_REFLECT', ts });
    const open = await h.fake.waitFor('views.open', undefined, WAIT);
    const view = open.args.view as Record<string, unknown>;
    expect(json(view)).toContain('Odpowiedź anonimowa');
    const ack = await h.submitView('U_ANNA', view, { text: 'Milczenie klienta zaczyna mi mniej przeszkadzać.' });
    expect(ack).toBeUndefined();

    await expect
      .poll(async () => {
        await h.bot.runDueWork();
        return h.fake.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts);
      }, { timeout: WAIT })
      .toBeDefined();
    const reply = h.fake.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts)!;
    expect(reply.args.channel).toBe('C_REFLECT');
    expect(json(reply.args)).toContain('Milczenie klienta');
    expect(json(reply.args)).toContain('Osoba A');
    expect(json(reply.args)).not.toContain('U_ANNA');
  });

  it('counts a reply also sent to the channel and a reply with a file, but not an edit', async () => {
    const [sent] = await h.bot.db.select().from(outbox).where(like(outbox.key, 'prompt:%'));
    const ts = sent!.sentRef!.id;
    const before = (await h.bot.db.select().from(promptReplies)).length;
    await h.event({ type: 'message', subtype: 'thread_broadcast', channel: 'C_REFLECT', user: 'U_FAC', ts: '1772784000.000100', thread_ts: ts });
    await h.event({ type: 'message', subtype: 'file_share', channel: 'C_REFLECT', user: 'U_BEN', ts: '1772784000.000200', thread_ts: ts });
    await h.event({ type: 'message', subtype: 'message_changed', channel: 'C_REFLECT', ts: '1772784000.000300', thread_ts: ts });
    await expect.poll(async () => (await h.bot.db.select().from(promptReplies)).length, { timeout: WAIT }).toBe(before + 2);
  });

  it('names the channel as a Slack channel link, not as its id in text, when scheduling and in the list', async () => {
    h.fake.clear();
    await h.command('U_FAC', '/reflect schedule <#C_REFLECT|refleksja> friday 09:00');
    const answer = await h.fake.waitFor('response_url', (c) => json(c.args).includes('Zaplanowane'), WAIT);
    expect(json(answer.args.blocks)).toContain('<#C_REFLECT>');
    expect(json(answer.args.blocks)).not.toMatch(/[^<]#C\u200b?_REFLECT/);
    // The notification text too: Slack shows it in alerts, where an id reads as nonsense.
    expect(String(answer.args.text)).toContain('<#C_REFLECT>');
    expect(String(answer.args.text)).not.toMatch(/[^<]#C\u200b?_REFLECT/);
    h.fake.clear();
    await h.command('U_FAC', '/reflect list');
    const list = await h.fake.waitFor('response_url', undefined, WAIT);
    expect(json(list.args.blocks)).toContain('<#C_REFLECT>');
    expect(json(list.args.blocks)).not.toMatch(/[^<]#C\u200b?_REFLECT/);
  });

  it('answers privately without opening a DM when the answer has no chart', async () => {
    h.fake.clear();
    await h.command('U_ANNA', '/reflect list');
    await h.fake.waitFor('response_url', undefined, WAIT);
    expect(h.fake.callsTo('conversations.open')).toHaveLength(0);
  });
});

