// Protocol tests of the fake Discord: the real discord.js client and @discordjs/rest talk to it as they would to Discord.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import { REST } from '@discordjs/rest';
import {
  FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID, FAKE_OWNER_ID,
  buttonInteraction, chatInputInteraction, makeDiscordKeys, modalSubmitInteraction, postInteraction, startFakeDiscord, type FakeDiscord,
} from './discord/index.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fake(opts?: Parameters<typeof startFakeDiscord>[0]): Promise<FakeDiscord> {
  const server = await startFakeDiscord(opts);
  cleanups.push(() => server.close());
  return server;
}

function rest(server: FakeDiscord, options: ConstructorParameters<typeof REST>[0] = {}): REST {
  return new REST({ api: server.apiUrl, ...options }).setToken('fake-token');
}

async function loggedInClient(server: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiUrl } });
  cleanups.push(() => client.destroy());
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  return client;
}

describe('fake Discord with the real discord.js client', () => {
  it('lets a client log in through /gateway/bot and become ready with the configured guild cached', async () => {
    const server = await fake();
    const client = await loggedInClient(server);

    expect(server.callsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
    expect(client.user?.id).toBe(FAKE_APPLICATION_ID);
    const guild = client.guilds.cache.get(FAKE_GUILD_ID);
    expect(guild?.name).toBe('Fake Guild');
    expect(guild?.channels.cache.get(FAKE_CHANNEL_ID)?.name).toBe('general');
    expect(guild?.members.me?.id).toBe(FAKE_APPLICATION_ID);
    const identify = server.gatewayFrames.find((f) => f.op === 2);
    expect(identify?.d).toMatchObject({ token: 'fake-token', intents: GatewayIntentBits.Guilds });
  });

  it('delivers a dispatched slash command and records the ephemeral reply as an interaction callback', async () => {
    const server = await fake();
    const client = await loggedInClient(server);
    const seen = new Promise<Interaction>((resolve) =>
      client.once(Events.InteractionCreate, async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral });
        resolve(interaction);
      }),
    );
    const payload = chatInputInteraction({ name: 'ping', options: [{ name: 'loud', type: 5, value: true }], locale: 'pl' });
    server.dispatch('INTERACTION_CREATE', payload);

    const interaction = await seen;
    expect(interaction.isChatInputCommand() && interaction.commandName).toBe('ping');
    expect(interaction.isChatInputCommand() && interaction.options.getBoolean('loud')).toBe(true);
    expect(interaction.locale).toBe('pl');
    expect(interaction.user.id).toBe(FAKE_OWNER_ID);
    expect(interaction.memberPermissions?.has('SendMessages')).toBe(true);
    const callback = await server.waitFor('POST', new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`));
    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: 'hi', flags: MessageFlags.Ephemeral }) });
    // The ephemeral answer is visible only to the member, never in the channel's history.
    expect(server.messagesIn(FAKE_CHANNEL_ID)).toHaveLength(0);
  });

  it('refuses a second answer to the same interaction like Discord (40060)', async () => {
    const server = await fake();
    const client = await loggedInClient(server);
    const outcome = new Promise<unknown>((resolve) =>
      client.once(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isButton()) return;
        await interaction.deferUpdate();
        // Bypass discord.js' own "already replied" guard to reach the API twice.
        await client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 6 }, auth: false }).catch(resolve);
      }),
    );
    server.dispatch('INTERACTION_CREATE', buttonInteraction({ custom_id: 'again' }));
    expect(await outcome).toMatchObject({ code: 40060, status: 400 });
  });

  it('gives modal fields to discord.js by custom id', async () => {
    const server = await fake();
    const client = await loggedInClient(server);
    const value = new Promise<string>((resolve) =>
      client.once(Events.InteractionCreate, (interaction) => {
        if (interaction.isModalSubmit()) resolve(interaction.fields.getTextInputValue('note'));
      }),
    );
    server.dispatch('INTERACTION_CREATE', modalSubmitInteraction({ custom_id: 'form', fields: { note: 'spokojnie' } }));
    expect(await value).toBe('spokojnie');
  });
  it('lets a dropped client resume its session and keep receiving events', async () => {
    const server = await fake();
    const client = await loggedInClient(server);
    server.disconnectAll(4000);
    await expect.poll(() => server.gatewayFrames.some((f) => f.op === 6), { timeout: 5000 }).toBe(true);
    await server.waitForReady();

    const received = new Promise<string>((resolve) => client.once(Events.InteractionCreate, (i) => resolve(i.id)));
    const payload = chatInputInteraction({ name: 'ping' });
    server.dispatch('INTERACTION_CREATE', payload);
    expect(await received).toBe(payload.id);
    expect(server.gatewayFrames.filter((f) => f.op === 2)).toHaveLength(1); // resumed, not re-identified
  });
});

describe('fake Discord REST', () => {
  it('answers a one-off 429 that @discordjs/rest waits out and retries, so the message still arrives once', async () => {
    const server = await fake();
    server.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.05 });

    const message = (await rest(server).post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body: { content: 'after the wait' } })) as { id: string; content: string };

    expect(message.content).toBe('after the wait');
    expect(server.stats()).toMatchObject({ rateLimited: 1, ok: 1 });
    expect(server.messagesIn(FAKE_CHANNEL_ID).map((m) => m.content)).toEqual(['after the wait']);
  });

  it('enforces a global limit per second with 429 + Retry-After, and every message still lands', async () => {
    const server = await fake({ globalLimitPerSecond: 5 });
    // The client believes it may send 50/s, so it learns the real limit from the fake's 429s.
    const client = rest(server, { globalRequestsPerSecond: 50 });

    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client.post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body: { content: `m${i}` } })),
    );

    expect(sent).toHaveLength(8);
    expect(server.stats().rateLimited).toBeGreaterThan(0);
    const limited = server.calls.find((c) => c.status === 429);
    expect(limited).toBeDefined();
    expect(server.messagesIn(FAKE_CHANNEL_ID)).toHaveLength(8);
  }, 10_000);

  it('carries bucket headers and a global 429 shape @discordjs/rest understands', async () => {
    const server = await fake({ globalLimitPerSecond: 1 });
    const url = `${server.apiUrl}/v10/channels/${FAKE_CHANNEL_ID}`;
    const first = await fetch(url);
    const second = await fetch(url);

    expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);
    expect(first.headers.get('x-ratelimit-remaining')).not.toBeNull();
    expect(second.status).toBe(429);
    expect(second.headers.get('x-ratelimit-global')).toBe('true');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await second.json()) as { retry_after: number; global: boolean };
    expect(body.global).toBe(true);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(1);
  });

  it('returns the same message for a repeated nonce with enforce_nonce, and a new one without it', async () => {
    const server = await fake();
    const client = rest(server);
    const send = (body: object) => client.post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body }) as Promise<{ id: string; nonce?: string }>;

    const a = await send({ content: 'once', nonce: 'n-1', enforce_nonce: true });
    const b = await send({ content: 'once', nonce: 'n-1', enforce_nonce: true });
    const c = await send({ content: 'twice', nonce: 'n-2' });
    const d = await send({ content: 'twice', nonce: 'n-2' });

    expect(b.id).toBe(a.id);
    expect(a.nonce).toBe('n-1');
    expect(d.id).not.toBe(c.id);
    expect(server.messagesIn(FAKE_CHANNEL_ID)).toHaveLength(3);
  });

  it('records multipart uploads with the parsed payload_json and lists them as attachments', async () => {
    const server = await fake();
    const message = (await rest(server).post(`/channels/${FAKE_CHANNEL_ID}/messages`, {
      body: { content: 'report', attachments: [{ id: 0, filename: 'week.png' }] },
      files: [{ name: 'week.png', data: Buffer.from([1, 2, 3]), contentType: 'image/png' }],
    })) as { attachments: { filename: string; size: number }[] };

    const call = await server.waitFor('POST', /\/messages$/);
    expect(call.body).toMatchObject({ content: 'report' });
    expect(call.files).toEqual([expect.objectContaining({ field: 'files[0]', filename: 'week.png', contentType: 'image/png' })]);
    expect([...call.files[0].bytes]).toEqual([1, 2, 3]);
    expect(message.attachments).toEqual([expect.objectContaining({ filename: 'week.png', size: 3 })]);
  });

  it('stores bulk-overwritten commands and keeps their ids on the next overwrite', async () => {
    const server = await fake();
    const client = rest(server);
    const path = `/applications/${FAKE_APPLICATION_ID}/guilds/${FAKE_GUILD_ID}/commands`;
    const first = (await client.put(path, { body: [{ name: 'ping', description: 'Ping' }] })) as { id: string }[];
    await client.put(path, { body: [{ name: 'ping', description: 'Pong now' }, { name: 'help', description: 'Help' }] });

    const listed = (await client.get(path)) as { id: string; name: string; description: string; guild_id: string }[];
    expect(listed.map((c) => c.name)).toEqual(['ping', 'help']);
    expect(listed[0]).toMatchObject({ id: first[0].id, description: 'Pong now', guild_id: FAKE_GUILD_ID });
    expect(await client.get(`/applications/${FAKE_APPLICATION_ID}/commands`)).toEqual([]);
  });

  it('opens one DM channel per recipient, threads from a message, and lists history newest first', async () => {
    const server = await fake();
    const client = rest(server);
    const dm1 = (await client.post('/users/@me/channels', { body: { recipient_id: FAKE_OWNER_ID } })) as { id: string; type: number };
    const dm2 = (await client.post('/users/@me/channels', { body: { recipient_id: FAKE_OWNER_ID } })) as { id: string };
    expect(dm1.type).toBe(1);
    expect(dm2.id).toBe(dm1.id);

    const root = (await client.post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body: { content: 'root' } })) as { id: string };
    await client.post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body: { content: 'later' } });
    const thread = (await client.post(`/channels/${FAKE_CHANNEL_ID}/messages/${root.id}/threads`, { body: { name: 'talk' } })) as { id: string; type: number; parent_id: string };
    expect(thread).toMatchObject({ id: root.id, type: 11, parent_id: FAKE_CHANNEL_ID });
    await client.post(`/channels/${thread.id}/messages`, { body: { content: 'in thread' } });

    const history = (await client.get(`/channels/${FAKE_CHANNEL_ID}/messages`)) as { content: string }[];
    expect(history.map((m) => m.content)).toEqual(['later', 'root']);
    expect(server.messagesIn(thread.id).map((m) => m.content)).toEqual(['in thread']);
  });

  it('refuses an edit that would leave a message empty (50006), and accepts a zero-width space', async () => {
    const server = await fake();
    const client = rest(server);
    const sent = (await client.post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body: { content: 'text' } })) as { id: string };
    const path = `/channels/${FAKE_CHANNEL_ID}/messages/${sent.id}` as const;
    await expect(client.patch(path, { body: { content: '  ', embeds: [], components: [] } })).rejects.toMatchObject({ code: 50006, status: 400 });
    await client.patch(path, { body: { content: '\u200b' } });
    expect(server.messagesIn(FAKE_CHANNEL_ID)[0]!.content).toBe('\u200b');
  });

  it('answers a delayed request only after the delay, so a client with a shorter timeout gives up', async () => {
    const server = await fake();
    server.delayNext('GET', /^\/users\/@me$/, 300);
    await expect(rest(server, { timeout: 50, retries: 0 }).get('/users/@me')).rejects.toMatchObject({ name: 'AbortError' });
    expect(await rest(server).get('/users/@me')).toMatchObject({ id: expect.any(String) });
  });

  it('answers unknown routes and unknown channels with Discord-style 404 bodies', async () => {
    const server = await fake();
    const unknownRoute = await fetch(`${server.apiUrl}/v10/nothing/here`);
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toEqual({ message: 'Unknown', code: 0 });
    await expect(rest(server).post('/channels/42424242424242/messages', { body: { content: 'x' } })).rejects.toMatchObject({ code: 10003, status: 404 });
  });
});

describe('fake Discord refuses what Discord refuses', () => {
  const button = (i: number, extra: object = {}) => ({ type: 2, style: 2, label: `b${i}`, custom_id: `id${i}`, ...extra });
  const row = (n: number, from = 0) => ({ type: 1, components: Array.from({ length: n }, (_, i) => button(from + i)) });
  const input = (extra: object = {}) => ({ type: 4, custom_id: 'f', label: 'Label', style: 1, ...extra });
  const modal = (extra: object = {}) => ({ custom_id: 'm', title: 'Title', components: [{ type: 1, components: [input()] }], ...extra });
  const rowOf = (...components: object[]) => ({ type: 1, components });
  const inputs = (n: number) => Array.from({ length: n }, (_, i) => rowOf(input({ custom_id: `f${i}` })));
  const select = (options: number) => ({ type: 3, custom_id: 's', options: Array.from({ length: options }, (_, i) => ({ label: `o${i}`, value: `v${i}` })) });
  const fields = (n: number, value = 'v') => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value }));

  /** A Discord-shaped refusal: 400, 50035 Invalid Form Body, the offending field at `path` in `errors`. */
  const refusedAt = (path: string[], code: string) => {
    let errors: object = { _errors: [expect.objectContaining({ code })] };
    for (const key of [...path].reverse()) errors = { [key]: errors };
    return { status: 400, code: 50035, rawError: expect.objectContaining({ message: 'Invalid Form Body', code: 50035, errors }) };
  };

  it.each([
    ['six action rows', { components: Array.from({ length: 6 }, (_, i) => row(1, i)) }, ['components'], 'BASE_TYPE_MAX_LENGTH'],
    ['six buttons in a row', { components: [row(6)] }, ['components', '0', 'components'], 'BASE_TYPE_BAD_LENGTH'],
    ['an empty row', { content: 'x', components: [row(0)] }, ['components', '0', 'components'], 'BASE_TYPE_BAD_LENGTH'],
    ['a button label of 81', { components: [rowOf(button(0, { label: 'l'.repeat(81) }))] }, ['components', '0', 'components', '0', 'label'], 'BASE_TYPE_MAX_LENGTH'],
    ['a button custom_id of 101', { components: [rowOf(button(0, { custom_id: 'c'.repeat(101) }))] }, ['components', '0', 'components', '0', 'custom_id'], 'BASE_TYPE_MAX_LENGTH'],
    ['two buttons with one custom_id', { components: [row(1), rowOf(button(0))] }, ['components', '1', 'components', '0', 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED'],
    ['a select of 26 options', { components: [rowOf(select(26))] }, ['components', '0', 'components', '0', 'options'], 'BASE_TYPE_BAD_LENGTH'],
    ['a select beside a button', { components: [rowOf(select(2), button(0))] }, ['components', '0', 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED'],
    ['an embed title of 257', { embeds: [{ title: 't'.repeat(257) }] }, ['embeds', '0', 'title'], 'BASE_TYPE_MAX_LENGTH'],
    ['an embed description of 4097', { embeds: [{ description: 'd'.repeat(4097) }] }, ['embeds', '0', 'description'], 'BASE_TYPE_MAX_LENGTH'],
    ['26 embed fields', { embeds: [{ fields: fields(26) }] }, ['embeds', '0', 'fields'], 'BASE_TYPE_MAX_LENGTH'],
    ['a field value of 1025', { embeds: [{ fields: fields(1, 'v'.repeat(1025)) }] }, ['embeds', '0', 'fields', '0', 'value'], 'BASE_TYPE_MAX_LENGTH'],
    ['embeds of 6001 characters in all', { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }, ['embeds'], 'MAX_EMBED_SIZE_EXCEEDED'],
  ])('refuses a message with %s (400 50035, naming the field)', async (_what, body, path, code) => {
    const server = await fake();
    await expect(rest(server).post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body })).rejects.toMatchObject(refusedAt(path as string[], code as string));
    expect(server.messagesIn(FAKE_CHANNEL_ID)).toHaveLength(0);
  });

  it('accepts a message exactly at every limit', async () => {
    const server = await fake();
    const body = {
      components: [...Array.from({ length: 4 }, (_, i) => row(5, i * 5)), rowOf(select(25))].map((r, i) =>
        i === 0 ? { ...r, components: [button(0, { label: 'l'.repeat(80), custom_id: 'c'.repeat(100) }), ...r.components.slice(1)] } : r,
      ),
      embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(1720), fields: [...fields(24), { name: 'last', value: 'v'.repeat(1024) }] }],
    };
    // 256 + 1720 + 24 × 3 + 4 + 1024 = 3076 here; the total limit is checked with the description at 4096 below.
    await rest(server).post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body });
    await rest(server).post(`/channels/${FAKE_CHANNEL_ID}/messages`, { body: { embeds: [{ description: 'd'.repeat(4096) }, { description: 'd'.repeat(1904) }] } });
    expect(server.messagesIn(FAKE_CHANNEL_ID)).toHaveLength(2);
  });

  it('checks a message in an interaction answer and an edit as it checks a post', async () => {
    const server = await fake();
    const client = rest(server);
    const payload = chatInputInteraction({ name: 'ping' });
    const callback = `/interactions/${payload.id}/${payload.token}/callback` as const;
    await expect(client.post(callback, { body: { type: 4, data: { content: 'x', components: [row(6)] } }, auth: false })).rejects.toMatchObject(
      refusedAt(['data', 'components', '0', 'components'], 'BASE_TYPE_BAD_LENGTH'),
    );
    await client.post(callback, { body: { type: 4, data: { content: 'ok' } }, auth: false });
    const original = `/webhooks/${FAKE_APPLICATION_ID}/${payload.token}/messages/@original` as const;
    await expect(client.patch(original, { body: { embeds: [{ title: 't'.repeat(257) }] }, auth: false })).rejects.toMatchObject(refusedAt(['embeds', '0', 'title'], 'BASE_TYPE_MAX_LENGTH'));
  });

  it.each([
    ['a title of 46', modal({ title: 't'.repeat(46) }), ['data', 'title'], 'BASE_TYPE_MAX_LENGTH'],
    ['no title', modal({ title: undefined }), ['data', 'title'], 'BASE_TYPE_REQUIRED'],
    ['a custom_id of 101', modal({ custom_id: 'm'.repeat(101) }), ['data', 'custom_id'], 'BASE_TYPE_MAX_LENGTH'],
    ['no rows', modal({ components: [] }), ['data', 'components'], 'BASE_TYPE_BAD_LENGTH'],
    ['six rows', modal({ components: inputs(6) }), ['data', 'components'], 'BASE_TYPE_BAD_LENGTH'],
    ['two inputs in a row', modal({ components: [rowOf(input({ custom_id: 'a' }), input({ custom_id: 'b' }))] }), ['data', 'components', '0', 'components'], 'BASE_TYPE_BAD_LENGTH'],
    ['a label of 46', modal({ components: [rowOf(input({ label: 'l'.repeat(46) }))] }), ['data', 'components', '0', 'components', '0', 'label'], 'BASE_TYPE_MAX_LENGTH'],
    ['a placeholder of 101', modal({ components: [rowOf(input({ placeholder: 'p'.repeat(101) }))] }), ['data', 'components', '0', 'components', '0', 'placeholder'], 'BASE_TYPE_MAX_LENGTH'],
    ['a value longer than its max_length', modal({ components: [rowOf(input({ max_length: 10, value: 'v'.repeat(11) }))] }), ['data', 'components', '0', 'components', '0', 'value'], 'BASE_TYPE_MAX_LENGTH'],
    ['a max_length of 4001', modal({ components: [rowOf(input({ max_length: 4001 }))] }), ['data', 'components', '0', 'components', '0', 'max_length'], 'NUMBER_TYPE_MAX'],
    ['an input custom_id of 101', modal({ components: [rowOf(input({ custom_id: 'f'.repeat(101) }))] }), ['data', 'components', '0', 'components', '0', 'custom_id'], 'BASE_TYPE_MAX_LENGTH'],
    ['two inputs with one custom_id', modal({ components: [rowOf(input()), rowOf(input())] }), ['data', 'components', '1', 'components', '0', 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED'],
  ])('refuses a modal with %s (400 50035, naming the field)', async (_what, data, path, code) => {
    const server = await fake();
    const payload = chatInputInteraction({ name: 'ping' });
    await expect(rest(server).post(`/interactions/${payload.id}/${payload.token}/callback`, { body: { type: 9, data }, auth: false })).rejects.toMatchObject(
      refusedAt(path as string[], code as string),
    );
  });

  it('accepts a modal exactly at every limit, and refuses a modal as the answer to a modal submit', async () => {
    const server = await fake();
    const client = rest(server);
    const payload = chatInputInteraction({ name: 'ping' });
    const full = modal({
      custom_id: 'm'.repeat(100),
      title: 't'.repeat(45),
      components: inputs(5).map((r, i) => (i ? r : rowOf(input({ custom_id: 'f'.repeat(100), label: 'l'.repeat(45), placeholder: 'p'.repeat(100), style: 2, max_length: 4000, value: 'v'.repeat(4000) })))),
    });
    await client.post(`/interactions/${payload.id}/${payload.token}/callback`, { body: { type: 9, data: full }, auth: false });
    const submit = modalSubmitInteraction({ custom_id: 'm', fields: { f: 'x' } });
    server.store.rememberInteraction(submit);
    await expect(client.post(`/interactions/${submit.id}/${submit.token}/callback`, { body: { type: 9, data: modal() }, auth: false })).rejects.toMatchObject(
      refusedAt(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID'),
    );
  });
});

describe('ephemeral messages on the fake Discord', () => {
  it('answers Unknown Message on the channel routes for an ephemeral message, and lets a click on it edit it through its interaction', async () => {
    const server = await fake();
    const client = rest(server);
    const command = chatInputInteraction({ name: 'ping' });
    server.store.rememberInteraction(command);
    await client.post(`/interactions/${command.id}/${command.token}/callback`, { body: { type: 4, data: { content: 'preview', flags: 64, components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Publish', custom_id: 'id0' }] }] } }, auth: false });
    const preview = server.store.interaction(command.token).original!;
    expect(server.messagesIn(FAKE_CHANNEL_ID)).toHaveLength(0);
    await expect(client.patch(`/channels/${FAKE_CHANNEL_ID}/messages/${preview.id}`, { body: { content: 'closed' } })).rejects.toMatchObject({ code: 10008, status: 404 });
    await expect(client.get(`/channels/${FAKE_CHANNEL_ID}/messages/${preview.id}`)).rejects.toMatchObject({ code: 10008 });

    const click = buttonInteraction({ custom_id: 'id0', message: { ...preview } });
    server.store.rememberInteraction(click);
    await client.post(`/interactions/${click.id}/${click.token}/callback`, { body: { type: 6 }, auth: false });
    await client.patch(`/webhooks/${FAKE_APPLICATION_ID}/${click.token}/messages/@original`, { body: { content: 'closed', components: [] }, auth: false });
    expect(server.store.ephemeral.get(preview.id)).toMatchObject({ content: 'closed', components: [], flags: 64 });
  });
});

describe('HTTP interactions sent by the fake', () => {
  /** A bot's endpoint that answers every interaction with `answer`. */
  async function endpoint(answer: object): Promise<string> {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
  }

  it('takes the HTTP response as the first answer, and knows the token only after the configured lag', async () => {
    const server = await fake({ httpResponseLagMs: 150 });
    const client = rest(server);
    const payload = chatInputInteraction({ name: 'ping' });
    const { status, body } = await server.sendInteraction(await endpoint({ type: 5, data: { flags: 64 } }), makeDiscordKeys(), payload);
    expect(status).toBe(200);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    const original = `/webhooks/${FAKE_APPLICATION_ID}/${payload.token}/messages/@original` as const;
    await expect(client.patch(original, { body: { content: 'done' }, auth: false })).rejects.toMatchObject({ code: 10015, status: 404 });
    await expect(client.post(`/webhooks/${FAKE_APPLICATION_ID}/${payload.token}`, { body: { content: 'more' }, auth: false })).rejects.toMatchObject({ code: 10015 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await client.patch(original, { body: { content: 'done' }, auth: false })).toMatchObject({ content: 'done', flags: 64 });
  });

  it('keeps an answer that came in the response as the original message', async () => {
    const server = await fake();
    const payload = chatInputInteraction({ name: 'ping' });
    await server.sendInteraction(await endpoint({ type: 4, data: { content: 'hi', flags: 64 } }), makeDiscordKeys(), payload);
    const original = await rest(server).get(`/webhooks/${FAKE_APPLICATION_ID}/${payload.token}/messages/@original`, { auth: false });
    expect(original).toMatchObject({ content: 'hi', flags: 64 });
  });
});

describe('Ed25519 signing for HTTP interactions', () => {
  it('produces a signature that node:crypto verifies with the hex public key, and a bad one that fails', async () => {
    const keys = makeDiscordKeys();
    expect(keys.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(keys.publicKeyHex, 'hex')]),
      format: 'der',
      type: 'spki',
    });
    const received: { ok: boolean }[] = [];
    const endpoint = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const message = Buffer.concat([Buffer.from(String(req.headers['x-signature-timestamp'])), Buffer.concat(chunks)]);
        const ok = verify(null, message, publicKey, Buffer.from(String(req.headers['x-signature-ed25519']), 'hex'));
        received.push({ ok });
        res.writeHead(ok ? 200 : 401).end(ok ? JSON.stringify({ type: 1 }) : 'invalid request signature');
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));
    const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/discord/interactions`;

    const good = await postInteraction(url, keys, { type: 1 });
    const bad = await postInteraction(url, keys, { type: 1 }, { badSignature: true });

    expect(good.status).toBe(200);
    expect(bad.status).toBe(401);
    expect(received).toEqual([{ ok: true }, { ok: false }]);
  });
});
