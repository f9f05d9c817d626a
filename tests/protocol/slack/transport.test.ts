// The Slack clients' pooled transport: the real WebClient, as the bot configures it, against the fake Slack.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient, ErrorCode, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webClientOptions } from '../../../adapters/slack/clients.js';
import { toPlatformError } from '../../../adapters/slack/errors.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/server.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

/** A client exactly as the bot builds one (pooled transport, 429s handed back, short retries). */
const client = () => new WebClient('xoxb-test', webClientOptions(fake.apiUrl));

describe('Slack clients over the pooled transport', () => {
  it('posts, opens a form and reads the answers Slack sends back', async () => {
    const posted = await client().chat.postMessage({ channel: 'C1', text: 'Cześć — ąęśżź', metadata: { event_type: 'sojusz', event_payload: { outbox: 7 } } });
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Autocheck' }, blocks: [], callback_id: 'form' };
    const opened = await client().views.open({ trigger_id: '1.2.3', view });

    expect(posted.ok).toBe(true);
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.messagesIn('C1')[0].text).toBe('Cześć — ąęśżź');
    expect(fake.callsTo('chat.postMessage')[0].args.metadata).toEqual({ event_type: 'sojusz', event_payload: { outbox: 7 } });
    expect(opened.view?.id).toMatch(/^V/);
  });

  it("hands a 429 back with Slack's Retry-After, for the outbox to wait out", async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });

    const error = (await client().chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;

    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(toPlatformError(error)).toMatchObject({ code: 'ratelimited', retryAfterSeconds: 7 });
    expect(fake.messagesIn('C1')).toHaveLength(0);
  });

  it("reports Slack's own error codes, and an HTTP failure at once", async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    fake.failNext('users.info', { status: 503 });

    const notFound = (await client().chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    const unavailable = await client().users.info({ user: 'U1' }).catch((e: unknown) => e);

    expect(toPlatformError(notFound)).toMatchObject({ code: 'channel_not_found', retryable: false });
    expect(unavailable).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    expect(toPlatformError(unavailable)).toMatchObject({ retryable: true });
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('names the channel gone only when a post is refused for want of permission, not any other call', async () => {
    fake.failNext('chat.postMessage', { error: 'no_permission' });
    fake.failNext('chat.postMessage', { error: 'restricted_action_read_only_channel' });
    fake.failNext('conversations.members', { error: 'no_permission' });
    fake.failNext('chat.postMessage', { error: 'restricted_action_thread_locked' });

    const refusal = () => client().chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(toPlatformError(await refusal(), 'channel', 'place')).toMatchObject({ code: 'no_permission', retryable: false, gone: 'place' });
    expect(toPlatformError(await refusal(), 'channel', 'member')).toMatchObject({ code: 'restricted_action_read_only_channel', retryable: false, gone: 'member' });
    const members = await client().conversations.members({ channel: 'C1' }).catch((e: unknown) => e);
    expect(toPlatformError(members)).toMatchObject({ code: 'no_permission', retryable: false, gone: undefined });
    // One locked thread: the channel still takes posts.
    expect(toPlatformError(await refusal(), 'channel', 'place')).toMatchObject({ code: 'restricted_action_thread_locked', retryable: false, gone: undefined });
  });

  it('never sends a post again by itself when Slack carried it out but the answer failed', async () => {
    fake.failNext('chat.postMessage', { status: 503, processed: true });

    const failed = await client().chat.postMessage({ channel: 'C1', text: 'Pytanie tygodnia' }).catch((e: unknown) => e);

    // The failure goes back to the outbox, which looks for this copy before sending again.
    expect(failed).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    expect(fake.messagesIn('C1').map((m) => m.text)).toEqual(['Pytanie tygodnia']);
  });

  it('tries again a request that never reached Slack (nothing listening yet)', async () => {
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const late = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"ts":"1.2"}'));
    setTimeout(() => late.listen(port, '127.0.0.1'), 30);
    try {
      const posted = await new WebClient('xoxb-test', webClientOptions(`http://127.0.0.1:${port}/api/`)).chat.postMessage({ channel: 'C1', text: 'x' });
      expect(posted.ts).toBe('1.2');
    } finally {
      late.close();
    }
  });

  it('uploads a file (a multipart body) with its bytes intact', async () => {
    const result = await client().files.uploadV2({ channel_id: 'C1', file: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), filename: 'trend.png', title: 'Trend' });

    const [file] = fake.callsTo('files.completeUploadExternal')[0].args.files as { id: string }[];
    expect(result.ok).toBe(true);
    expect([...fake.uploadedFile(file.id)!.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0]);
  });

  it('does not follow a redirect away from the API base', async () => {
    const elsewhere = createServer((_req, res) => res.writeHead(302, { location: `${fake.apiUrl}chat.postMessage` }).end());
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/api/`;
      const moved = new WebClient('xoxb-test', { ...webClientOptions(base), retryConfig: { retries: 0 } });

      await expect(moved.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 302 });
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      elsewhere.close();
    }
  });
});
