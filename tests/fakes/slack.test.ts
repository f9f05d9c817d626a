// Checks that the fake Slack is faithful enough for Slack's own client libraries to trust it.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { WebClient, ErrorCode, type WebAPIRateLimitedError, type WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack/server.js';
import { FORM_CONTENT_TYPE, eventBody, interactionBody, postSigned, signSlackRequest, slashCommandBody } from './slack/sign.js';

// @slack/socket-mode is installed only inside @slack/bolt, so it is loaded from there, as Bolt loads it.
type SocketModeModule = typeof import('@slack/bolt/node_modules/@slack/socket-mode/dist/src/index.js');
const requireFromBolt = createRequire(createRequire(import.meta.url).resolve('@slack/bolt'));
const { SocketModeClient } = requireFromBolt('@slack/socket-mode') as SocketModeModule;

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

const client = (options: ConstructorParameters<typeof WebClient>[1] = {}) =>
  new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, ...options });

describe('fake Slack Web API', () => {
  it('answers a posted message with a fresh ts and records the decoded call', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }];
    const first = await client().chat.postMessage({ channel: 'C1', text: 'Hello', blocks });
    const second = await client().chat.postMessage({ channel: 'C1', text: 'Again' });

    expect(first.ok).toBe(true);
    expect(first.channel).toBe('C1');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.callsTo('chat.postMessage');
    expect(call.token).toBe('xoxb-test');
    expect(call.args.blocks).toEqual(blocks);
  });

  it('finds a message again by its metadata only when metadata is asked for', async () => {
    const metadata = { event_type: 'poll', event_payload: { id: 'p1' } };
    const posted = await client().chat.postMessage({ channel: 'C1', text: 'Poll', metadata });

    const plain = await client().conversations.history({ channel: 'C1' });
    const withMetadata = await client().conversations.history({ channel: 'C1', include_all_metadata: true });

    expect(plain.messages?.[0].metadata).toBeUndefined();
    expect(withMetadata.messages?.[0]).toMatchObject({ ts: posted.ts, metadata });
  });

  it('keeps thread replies out of history and in conversations.replies', async () => {
    const parent = await client().chat.postMessage({ channel: 'C1', text: 'Parent' });
    await client().chat.postMessage({ channel: 'C1', text: 'Reply', thread_ts: parent.ts });

    const history = await client().conversations.history({ channel: 'C1' });
    const replies = await client().conversations.replies({ channel: 'C1', ts: parent.ts! });

    expect(history.messages?.map((m) => m.text)).toEqual(['Parent']);
    expect(replies.messages?.map((m) => m.text)).toEqual(['Parent', 'Reply']);
  });

  it('updates and deletes posted messages, and refuses unknown ones', async () => {
    const posted = await client().chat.postMessage({ channel: 'C1', text: 'Draft' });
    await client().chat.update({ channel: 'C1', ts: posted.ts!, text: 'Final' });
    expect(fake.messagesIn('C1')[0].text).toBe('Final');

    await client().chat.delete({ channel: 'C1', ts: posted.ts! });
    expect(fake.messagesIn('C1')).toEqual([]);
    await expect(client().chat.delete({ channel: 'C1', ts: posted.ts! })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('refuses to update or delete an ephemeral message by its ts, as Slack does (only a response_url changes one)', async () => {
    const sent = await client().chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'Only you' });

    expect(sent.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.callsTo('chat.postEphemeral')[0].answer).toMatchObject({ ok: true, message_ts: sent.message_ts });
    await expect(client().chat.update({ channel: 'C1', ts: sent.message_ts!, text: 'Changed' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    await expect(client().chat.delete({ channel: 'C1', ts: sent.message_ts! })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('opens the same DM channel for a member every time and lands user-addressed posts there', async () => {
    const a = await client().conversations.open({ users: 'U123' });
    const b = await client().conversations.open({ users: 'U123' });
    const posted = await client().chat.postMessage({ channel: 'U123', text: 'Private' });

    expect(a.channel?.id).toMatch(/^D/);
    expect(b.channel?.id).toBe(a.channel?.id);
    expect(posted.channel).toBe(a.channel?.id);
  });

  it('lists five members by default and the configured ones after setMembers, page by page', async () => {
    expect((await client().conversations.members({ channel: 'C1' })).members).toHaveLength(5);

    fake.setMembers('C2', ['U1', 'U2', 'U3']);
    const first = await client().conversations.members({ channel: 'C2', limit: 2 });
    const rest = await client().conversations.members({ channel: 'C2', limit: 2, cursor: first.response_metadata?.next_cursor });
    expect([...first.members!, ...rest.members!]).toEqual(['U1', 'U2', 'U3']);
    expect(rest.response_metadata?.next_cursor).toBe('');
  });

  it('describes configured users, with locale only when asked', async () => {
    fake.setUser('U9', { is_admin: true, locale: 'pl-PL', tz: 'Europe/Warsaw', name: 'ania' });

    const bare = await client().users.info({ user: 'U9' });
    const withLocale = await client().users.info({ user: 'U9', include_locale: true });

    expect(bare.user).toMatchObject({ id: 'U9', name: 'ania', is_admin: true, is_owner: false, tz: 'Europe/Warsaw' });
    expect(bare.user?.locale).toBeUndefined();
    expect(withLocale.user?.locale).toBe('pl-PL');
  });

  it('identifies the bot on auth.test the way Bolt expects at start-up', async () => {
    const auth = await client().auth.test();
    expect(auth).toMatchObject({ ok: true, team_id: fake.workspace.teamId, user_id: fake.workspace.botUserId, bot_id: fake.workspace.botId });
  });

  it('opens, updates and publishes views, returning ids Slack-style', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Form' }, blocks: [], callback_id: 'form' };
    const opened = await client().views.open({ trigger_id: '1.2.3', view });
    const updated = await client().views.update({ view_id: opened.view!.id!, view: { ...view, callback_id: 'form2' } });
    const home = await client().views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });

    expect(opened.view?.id).toMatch(/^V/);
    expect(updated.view).toMatchObject({ id: opened.view!.id, callback_id: 'form2' });
    expect(home.view?.type).toBe('home');
    await expect(client().views.open({ trigger_id: '', view })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });

  it('accepts a file through uploadV2 and keeps its bytes', async () => {
    const bytes = Buffer.from('fake png bytes');
    const result = await client().files.uploadV2({ channel_id: 'C1', file: bytes, filename: 'chart.png', title: 'Chart' });

    const fileId = fake.callsTo('files.completeUploadExternal')[0].args.files as { id: string }[];
    expect(result.ok).toBe(true);
    expect(Buffer.from(fake.uploadedFile(fileId[0].id)!.bytes).toString()).toBe('fake png bytes');
  });

  it('returns a plausible installation from oauth.v2.access', async () => {
    const access = await new WebClient(undefined, { slackApiUrl: fake.apiUrl }).oauth.v2.access({
      client_id: 'cid',
      client_secret: 'secret',
      code: 'code-1',
    });
    expect(access).toMatchObject({
      ok: true,
      token_type: 'bot',
      bot_user_id: fake.workspace.botUserId,
      team: { id: fake.workspace.teamId },
      enterprise: null,
    });
    expect(access.access_token).toMatch(/^xoxb-/);
  });

  it('rejects unknown methods and calls without a token', async () => {
    await expect(client().apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    await expect(new WebClient(undefined, { slackApiUrl: fake.apiUrl }).chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_authed' },
    });
  });

  it('records POSTs to a response_url with their JSON body', async () => {
    const url = fake.responseUrl('cmd-1');
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Done', replace_original: true }) });

    expect(answer.status).toBe(200);
    const call = await fake.waitFor('response_url');
    expect(call).toMatchObject({ id: 'cmd-1', args: { text: 'Done', replace_original: true } });
  });

  it('waits for a call that has not arrived yet, and times out clearly when none comes', async () => {
    const waiting = fake.waitFor('chat.postMessage', (c) => c.args.text === 'Later');
    await client().chat.postMessage({ channel: 'C1', text: 'Sooner' });
    await client().chat.postMessage({ channel: 'C1', text: 'Later' });
    expect((await waiting).args.text).toBe('Later');

    await expect(fake.waitFor('views.open', undefined, 50)).rejects.toThrow(/no matching views.open call within 50 ms/);
  });
});

describe('fake Slack failure injection', () => {
  it('rate limits with Retry-After, which WebClient reports when told not to retry', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });

    const error = (await client({ rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: 'C1', text: 'x' })
      .catch((e: unknown) => e)) as WebAPIRateLimitedError;

    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(2);
  });

  it('lets WebClient wait out a rate limit and succeed on its retry', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });

    const posted = await client({ retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 10 } }).chat.postMessage({ channel: 'C1', text: 'x' });

    expect(posted.ok).toBe(true);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(fake.messagesIn('C1')).toHaveLength(1);
  });

  it('answers a queued Slack error once, then behaves normally', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    const error = (await client().chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    const after = await client().chat.postMessage({ channel: 'C1', text: 'x' });

    expect(error.data.error).toBe('channel_not_found');
    expect(after.ok).toBe(true);
  });

  it('lets a queued failure wait for as many calls as `after` says, then fails the next', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found', after: 1 });

    const first = await client().chat.postMessage({ channel: 'C1', text: 'x' });
    const error = (await client().chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;

    expect(first.ok).toBe(true);
    expect(error.data.error).toBe('channel_not_found');
    expect(fake.messagesIn('C1')).toHaveLength(1);
  });

  it('takes five messages on one response_url, as Slack does, and answers a sixth with a 404', async () => {
    const url = fake.responseUrl('cmd-5');
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'part' }) }).then((r) => r.status);

    for (let i = 0; i < 5; i++) expect(await post()).toBe(200);
    expect(await post()).toBe(404);
    expect(await fetch(fake.responseUrl('other'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' }).then((r) => r.status)).toBe(200);
  });

  it('fails with HTTP 500 for as many calls as counted', async () => {
    fake.failNext('users.info', { status: 500, count: 2 });
    const noRetry = client({ retryConfig: { retries: 0 } });

    await expect(noRetry.users.info({ user: 'U1' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    await expect(noRetry.users.info({ user: 'U1' })).rejects.toMatchObject({ statusCode: 500 });
    await expect(noRetry.users.info({ user: 'U1' })).resolves.toMatchObject({ ok: true });
  });

  it('slows every answer after delay()', async () => {
    fake.delay(120);
    const started = Date.now();
    await client().auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});

describe('request signing', () => {
  it("reproduces Slack's published signature example", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('builds bodies that decode back to what Slack would have sent', () => {
    const slash = new URLSearchParams(slashCommandBody({ command: '/sojusz', text: 'remind me', user_id: 'U1', team_id: 'T1', channel_id: 'C1' }));
    const interaction = new URLSearchParams(interactionBody({ type: 'block_actions', actions: [{ action_id: 'a' }] }));
    const event = JSON.parse(eventBody({ type: 'app_mention', text: 'hi' }, { team_id: 'T1', event_id: 'Ev1' }));

    expect(Object.fromEntries(slash)).toMatchObject({ command: '/sojusz', text: 'remind me', user_id: 'U1', team_id: 'T1', channel_id: 'C1' });
    expect(slash.get('trigger_id')).toBeTruthy();
    expect(JSON.parse(interaction.get('payload')!)).toEqual({ type: 'block_actions', actions: [{ action_id: 'a' }] });
    expect(event).toMatchObject({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'app_mention', text: 'hi' } });
  });
});

describe('fake Slack Socket Mode', () => {
  it('lets the real SocketModeClient connect, receive a slash command and ack it', async () => {
    const socket = new SocketModeClient({ appToken: 'xapp-test', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl } });
    socket.on('slash_commands', async ({ ack, body }: { ack: (r?: Record<string, unknown>) => Promise<void>; body: { command: string } }) => {
      await ack({ text: `got ${body.command}` });
    });
    try {
      await socket.start();
      const ack = await fake.socketSend({ type: 'slash_commands', payload: { command: '/sojusz', text: '' } });

      expect(fake.callsTo('apps.connections.open')[0].token).toBe('xapp-test');
      expect(ack).toMatchObject({ payload: { text: 'got /sojusz' } });
      expect(ack.envelope_id).toBeTruthy();
    } finally {
      await socket.disconnect();
    }
  });

  it('refuses a bot token for apps.connections.open, as Slack does', async () => {
    await expect(client().apps.connections.open()).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });
});

describe('Bolt against the fake Slack', () => {
  it('serves a signed slash command over HTTP: ack, respond and say all reach the fake', async () => {
    const signingSecret = 'test-signing-secret';
    const app = new App({ token: 'xoxb-test', signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl } });
    app.command('/echo', async ({ ack, respond, say, command }) => {
      await ack();
      await respond({ text: `echo ${command.text}` });
      await say('posted');
    });
    const server = await app.start(0);
    try {
      const { port } = server.address() as AddressInfo;
      const body = slashCommandBody({
        command: '/echo',
        text: 'hi there',
        user_id: 'U1',
        team_id: fake.workspace.teamId,
        channel_id: 'C1',
        response_url: fake.responseUrl('echo'),
      });

      const answer = await postSigned(`http://127.0.0.1:${port}/slack/events`, signingSecret, body, FORM_CONTENT_TYPE);
      const responded = await fake.waitFor('response_url');
      const said = await fake.waitFor('chat.postMessage');

      expect(answer.status).toBe(200);
      expect(responded.args).toEqual({ text: 'echo hi there' });
      expect(said.args).toMatchObject({ channel: 'C1', text: 'posted' });
    } finally {
      await app.stop();
    }
  });

  it('refuses a request signed with the wrong secret', async () => {
    const app = new App({ token: 'xoxb-test', signingSecret: 'right', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl } });
    const server = await app.start(0);
    try {
      const { port } = server.address() as AddressInfo;
      const body = slashCommandBody({ command: '/echo', text: '', user_id: 'U1', team_id: 'T1', channel_id: 'C1' });
      const answer = await postSigned(`http://127.0.0.1:${port}/slack/events`, 'wrong', body, FORM_CONTENT_TYPE);
      expect(answer.status).toBe(401);
    } finally {
      await app.stop();
    }
  });

  it('runs a Socket Mode app whose command handler acks through the socket', async () => {
    const app = new App({
      token: 'xoxb-test',
      appToken: 'xapp-test',
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl },
      installerOptions: { clientOptions: { slackApiUrl: fake.apiUrl } },
    });
    app.command('/echo', async ({ ack, command }) => {
      await ack(`echo ${command.text}`);
    });
    await app.start();
    try {
      const payload = { command: '/echo', text: 'over socket', user_id: 'U1', team_id: fake.workspace.teamId, channel_id: 'C1' };
      const ack = await fake.socketSend({ type: 'slash_commands', payload });
      expect(ack.payload).toEqual({ text: 'echo over socket' });
    } finally {
      await app.stop();
    }
  });
});
