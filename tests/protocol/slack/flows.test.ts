// Whole flows on Slack: a form round trip, member text re-posted without pings, App Home, retried events, 429s.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { FieldErrors } from '../../../src/core/errors.js';
import { message, quoteBlock, textBlock } from '../../../src/core/message.js';
import { command, formHandler, type Registry } from '../../../src/core/registry.js';
import { ensureTeam } from '../../../src/core/teams.js';
import { members } from '../../../src/db/schema/index.js';
import { enqueue, findByKey } from '../../../src/schedule/outbox.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

const d = { pl: 'test', en: 'test' };
const replies: string[] = [];
const homes: string[] = [];

function testRegistry(): Registry {
  const reg = buildRegistry();
  reg.commands.push(
    command({
      name: 'testnote',
      description: d,
      subcommands: {
        '': {
          description: d,
          async run(ctx) {
            await ctx.openForm({ id: 'test.note', title: 'Note', submitLabel: 'Post', state: 'st', fields: [
              { id: 'mood', kind: 'scale', label: 'Mood', min: 1, max: 5 },
              { id: 'text', kind: 'text', label: 'Text', maxLength: 200 },
            ] });
          },
        },
      },
    }),
    command({
      name: 'testecho',
      description: d,
      subcommands: { '': { description: d, options: { text: { kind: 'text', description: d } }, async run(ctx, o) {
        await ctx.port.post({ team: ctx.inv.team, channel: ctx.inv.channel! }, message(textBlock('Shared:'), quoteBlock(String(o.text ?? ''))));
      } } },
    }),
  );
  reg.forms.push(
    formHandler({
      id: 'test.note',
      build: () => ({ id: 'test.note', title: 'Note', submitLabel: 'Post', fields: [
        { id: 'mood', kind: 'scale', label: 'Mood', min: 1, max: 5 },
        { id: 'text', kind: 'text', label: 'Text', maxLength: 200 },
      ] }),
      async submit(ctx, values, state) {
        if (values.text === 'bad') throw new FieldErrors({ text: { code: 'form.tooShort', params: { min: 5 } } });
        await ctx.port.post({ team: ctx.inv.team, channel: ctx.inv.channel! }, message(textBlock(`mood ${values.mood} ${state}`)));
        return { kind: 'close' };
      },
    }),
  );
  reg.hooks.push({
    async onThreadReply(_bot, ev) {
      replies.push(ev.member);
    },
    async home(ctx) {
      homes.push(ctx.member.externalId);
      return [textBlock('Next session: Friday')];
    },
  });
  return reg;
}

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ registry: testRegistry() });
});
afterAll(async () => h?.close());

describe('Slack flows', () => {
  it('opens a form as a modal, shows field errors in it, then posts in the channel it came from', async () => {
    h.fake.clear();
    await h.command('U_ANNA', '/testnote', { channel: 'C_NOTES' });
    const open = await h.fake.waitFor('views.open');
    const view = open.args.view as Record<string, unknown>;
    expect(view.type).toBe('modal');

    const refused = await h.submitView('U_ANNA', view, { mood: '4', text: 'bad' });
    expect(refused).toMatchObject({ response_action: 'errors', errors: { text: expect.any(String) } });
    expect(h.fake.messagesIn('C_NOTES')).toHaveLength(0);

    const accepted = await h.submitView('U_ANNA', view, { mood: '4', text: 'fine words' });
    expect(accepted).toBeUndefined();
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C_NOTES');
    expect(JSON.stringify(post.args.blocks)).toContain('mood 4 st');
  });

  it('re-posts member text so that it can never ping anyone', async () => {
    h.fake.clear();
    await h.command('U_ANNA', '/testecho <!channel> <!here> @everyone <@U0MEMBER1> <!subteam^S1|@group> *loud*', { channel: 'C_ECHO' });
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C_ECHO');
    const sent = JSON.stringify(post.args.blocks) + String(post.args.text);
    for (const ping of ['<!channel>', '<!here>', '<!everyone>', '<@U0MEMBER1>', '<!subteam', '@everyone']) expect(sent).not.toContain(ping);
  });

  it('publishes the member’s App Home when they open it', async () => {
    h.fake.clear();
    await h.event({ type: 'app_home_opened', user: 'U_ANNA', channel: 'D_ANNA', tab: 'home' });
    const pub = await h.fake.waitFor('views.publish');
    expect(pub.args.user_id).toBe('U_ANNA');
    const view = pub.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('Next session: Friday');
  });

  it('shows the App Home to someone who never used the bot without making them a member (looking is not using)', async () => {
    h.fake.clear();
    await h.event({ type: 'app_home_opened', user: 'U_LOOKER', channel: 'D_LOOKER', tab: 'home' });
    const pub = await h.fake.waitFor('views.publish');
    expect(pub.args.user_id).toBe('U_LOOKER');
    expect(await h.bot.db.select().from(members).where(eq(members.externalId, 'U_LOOKER'))).toHaveLength(0);
  });

  it('counts a thread reply once even when Slack retries the event', async () => {
    const before = replies.length;
    const evt = { type: 'message', channel: 'C_NOTES', user: 'U_BEN', text: 'private words', ts: '1700000100.000200', thread_ts: '1700000000.000100' };
    await h.event(evt, { eventId: 'EvRETRY1' });
    await h.event(evt, { eventId: 'EvRETRY1', retryNum: 1 });
    await h.event(evt, { eventId: 'EvRETRY1', retryNum: 2 });
    await expect.poll(() => replies.length).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(replies.length).toBe(before + 1);
  });

  it('a 429 on one channel pauses only that channel; the outbox delivers it after Retry-After', async () => {
    h.fake.clear();
    const team = await ensureTeam(h.bot.db, 'slack', h.team);
    const msg = message(textBlock('Weekly prompt'));
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await h.bot.db.transaction((tx) => enqueue(tx, h.clock.now(), { teamId: team.id, key: 'k-busy', target: { kind: 'channel', channel: 'C_BUSY' }, message: msg }));
    await h.bot.runDueWork();
    expect(h.fake.messagesIn('C_BUSY')).toHaveLength(0);

    await h.bot.db.transaction((tx) => enqueue(tx, h.clock.now(), { teamId: team.id, key: 'k-calm', target: { kind: 'channel', channel: 'C_CALM' }, message: msg }));
    await h.bot.runDueWork();
    expect(h.fake.messagesIn('C_CALM')).toHaveLength(1);
    expect(h.fake.messagesIn('C_BUSY')).toHaveLength(0);

    h.clock.advance(31_000);
    await h.bot.runDueWork();
    const busy = h.fake.messagesIn('C_BUSY');
    expect(busy).toHaveLength(1);
    expect(busy[0]!.metadata).toEqual({ event_type: 'sojusz_outbox', event_payload: { key: 'k-busy' } });
    expect((await findByKey(h.bot.db, 'k-busy'))?.sentRef?.id).toBe(busy[0]!.ts);
  });

  it('finds a message already sent for an outbox key instead of posting twice', async () => {
    const ref = await h.slack.port.post({ team: h.team, channel: 'C_DUP' }, message(textBlock('once')), { key: 'k-dup' });
    const found = await h.slack.port.findSent({ team: h.team, channel: 'C_DUP' }, 'k-dup');
    expect(found?.id).toBe(ref.id);
    expect(await h.slack.port.findSent({ team: h.team, channel: 'C_DUP' }, 'k-other')).toBeUndefined();
  });

  it('finds a resent thread reply behind more than a page of members’ replies', async () => {
    const parent = await h.slack.port.post({ team: h.team, channel: 'C_LONG' }, message(textBlock('Weekly prompt')));
    for (let i = 0; i < 130; i++) await h.slack.port.post({ team: h.team, channel: 'C_LONG', thread: parent.id }, message(textBlock(`reply ${i}`)));
    const late = await h.slack.port.post({ team: h.team, channel: 'C_LONG', thread: parent.id }, message(textBlock('Follow-up')), { key: 'k-late' });
    h.fake.clear();
    expect((await h.slack.port.findSent({ team: h.team, channel: 'C_LONG', thread: parent.id }, 'k-late'))?.id).toBe(late.id);
    expect(h.fake.callsTo('conversations.replies').length).toBeGreaterThan(1); // it had to read past the first page
  });

  it('a 429 while opening a DM pauses the workspace’s sends instead of walking into the limit member by member', async () => {
    h.fake.clear();
    const team = await ensureTeam(h.bot.db, 'slack', h.team);
    const msg = message(textBlock('Supervision tomorrow'));
    h.fake.failNext('conversations.open', { status: 429, retryAfter: 20 });
    await h.bot.db.transaction((tx) => enqueue(tx, h.clock.now(), { teamId: team.id, key: 'k-dm-1', target: { kind: 'dm', member: 'U_DM1' }, message: msg }));
    await h.bot.runDueWork();
    expect(h.fake.callsTo('conversations.open')).toHaveLength(1);

    await h.bot.db.transaction(async (tx) => {
      await enqueue(tx, h.clock.now(), { teamId: team.id, key: 'k-dm-2', target: { kind: 'dm', member: 'U_DM2' }, message: msg });
      await enqueue(tx, h.clock.now(), { teamId: team.id, key: 'k-dm-chan', target: { kind: 'channel', channel: 'C_DMTEAM' }, message: msg });
    });
    await h.bot.runDueWork();
    expect(h.fake.callsTo('conversations.open')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    h.clock.advance(21_000);
    await h.bot.runDueWork();
    expect(h.fake.messagesIn(h.fake.dmChannelOf('U_DM1'))).toHaveLength(1);
    expect(h.fake.messagesIn(h.fake.dmChannelOf('U_DM2'))).toHaveLength(1);
    expect(h.fake.messagesIn('C_DMTEAM')).toHaveLength(1);
  });
});
