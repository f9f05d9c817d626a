// Discord's failures as the core sees them: its refusals are final, its outages and silences are waited out — so a
// member hears "busy, try again" rather than a bug, and the outbox does not retry for hours what Discord will refuse.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from '@discordjs/rest';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPort } from '../../../adapters/discord/port.js';
import { makeRest } from '../../../adapters/discord/rest.js';
import { PlatformError } from '../../../src/core/errors.js';
import { message, textBlock } from '../../../src/core/message.js';
import { outbox } from '../../../src/db/schema/index.js';
import { tx } from '../../../src/i18n/index.js';
import { FAKE_APPLICATION_ID } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';
import { testRegistry } from './registry.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', registry: testRegistry() });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const hello = message(textBlock('hello'));
/** The port on its own REST client (a short timeout, so a silence ends within the test). */
const portOn = (api: string, timeout = 15_000) => new DiscordPort(new REST({ api, timeout }).setToken('fake-token'), FAKE_APPLICATION_ID, h.bot);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as PlatformError);

describe('Discord failures as the core sees them', () => {
  it('tells a facilitator Discord is busy, not that the bot has a bug, when Discord keeps answering 500', async () => {
    await h.answers(await h.slash(h.owner, 'sojusz', {}, { path: ['help'] }), 2); // the one-time privacy note, out of the way
    // @discordjs/rest tries four times before it gives up.
    for (let i = 0; i < 4; i++) h.fake.failNext('GET', /^\/guilds\/\d+$/, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const r = await h.slash(h.owner, 'supervision', { channel: h.channel, weekday: 'monday', time: '18:00' }, { path: ['schedule'] });
    const said = json(await h.answers(r));
    expect(said).toContain('Spróbuj proszę za minutę');
    expect(said).not.toContain(tx('pl', 'core.bug', { ref: 'REF' }).split('REF')[0]!.slice(0, 30));
  });

  it('gives up at once on a message Discord refuses as invalid (400 50035) instead of retrying it for hours', async () => {
    await h.answers(await h.slash(h.anna, 'probe', { text: 'to be refused' }, { path: ['echo'] }));
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } } } });
    await h.bot.runDueWork();
    const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, 'echo:%'));
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: '50035' });
    expect(h.fake.messagesIn(h.channel)).toHaveLength(0);
    await h.bot.db.delete(outbox).where(eq(outbox.id, row!.id));
  });

  it('treats every other refusal (4xx but 429) as final, and a 5xx as worth trying again later', async () => {
    const port = h.bot.ports.get('discord') as DiscordPort;
    const place = { team: h.guild, channel: h.channel };
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    expect(await failure(port.post(place, hello))).toMatchObject({ code: '50013', retryable: false, retryAfterSeconds: undefined });
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 413, body: { message: 'Request entity too large', code: 40005 } });
    expect(await failure(port.post(place, hello))).toMatchObject({ code: '40005', retryable: false });
    for (let i = 0; i < 4; i++) h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 502, body: 'Bad Gateway' });
    const busy = await failure(port.post(place, hello));
    expect(busy).toBeInstanceOf(PlatformError);
    expect(busy).toMatchObject({ code: 'http_502', retryable: true, retryAfterSeconds: undefined });
  });

  it('tries again later when Discord does not answer in time', async () => {
    for (let i = 0; i < 4; i++) h.fake.delayNext('POST', /^\/channels\/\d+\/messages$/, 400);
    const e = await failure(portOn(h.fake.apiUrl, 100).post({ team: h.guild, channel: h.channel }, hello));
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ code: 'timeout', retryable: true, retryAfterSeconds: undefined });
  });

  it('tries again later, holding back no other send, when a connection is cut before Discord answered', async () => {
    // A proxy or load balancer resetting one connection: that request's trouble, not Discord out of reach.
    const cutting = createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => cutting.listen(0, '127.0.0.1', r));
    try {
      const api = `http://127.0.0.1:${(cutting.address() as AddressInfo).port}/api`;
      const port = new DiscordPort(makeRest('fake-token', api, { boundMs: 5_000 }), FAKE_APPLICATION_ID, h.bot);
      const e = await failure(port.post({ team: h.guild, channel: h.channel }, hello));
      expect(e).toBeInstanceOf(PlatformError);
      expect(e).toMatchObject({ code: 'reset', retryable: true, retryAfterSeconds: undefined, scope: 'channel' });
    } finally {
      await new Promise((r) => cutting.close(r));
    }
  });

  it('waits out a Discord that cannot be reached, pausing every send', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const api = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api`;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(portOn(api).post({ team: h.guild, channel: h.channel }, hello));
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ code: 'network', retryable: true, retryAfterSeconds: expect.any(Number), scope: 'global' });
  });
});
