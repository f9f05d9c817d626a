// startFakeDiscord: a local HTTP + WebSocket stand-in for Discord's API and gateway, recording every call so protocol tests can assert what a bot sent.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultGuild, FAKE_APPLICATION_ID, FAKE_BOT_USER, type ApiObject, type FakeGuildConfig } from './fixtures.js';
import { FakeGateway, type GatewayFrame } from './gateway.js';
import { createRestHandler, type RestAnswer, type UploadedFile } from './rest.js';
import { postInteraction, type DiscordKeys } from './sign.js';
import { FakeDiscordStore } from './store.js';

export interface FakeDiscordOptions {
  /** Guilds the bot is in (READY + GUILD_CREATE); default: one guild with #general, see fixtures.ts. */
  guilds?: FakeGuildConfig[];
  applicationId?: string;
  botUser?: ApiObject;
  /** When set, REST calls and IDENTIFY must carry this bot token (401 / close 4004 otherwise). */
  token?: string;
  /** Discord's global limit: more requests than this in one second get a global 429. Off by default. */
  globalLimitPerSecond?: number;
  /** Per-route bucket size advertised in X-RateLimit-* headers and enforced with 429s; default 1000. */
  bucketLimit?: number;
  bucketWindowMs?: number;
  heartbeatIntervalMs?: number;
  /** Answers to an interaction later than this get 10062 Unknown interaction; 0 disables. Default 3000. */
  interactionDeadlineMs?: number;
  /** How long a repeated nonce with enforce_nonce returns the first message; default 5 minutes. */
  nonceWindowMs?: number;
  /**
   * HTTP interactions: how long after the bot's HTTP response arrived Discord takes it as the interaction's answer.
   * Until then the token is unknown: webhook calls on it get 404 Unknown Webhook (10015). Default 0.
   */
  httpResponseLagMs?: number;
}

/** One HTTP request the fake received, with the status it answered. */
export interface FakeCall {
  method: string;
  /** Path without `/api/vN`, e.g. `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; for multipart uploads the parsed payload_json. */
  body: ApiObject | null;
  files: UploadedFile[];
  headers: Record<string, string>;
  at: number;
  status: number;
}

export interface FailureSpec {
  status: number;
  body?: unknown;
  /** Seconds; for 429s it goes in the body (retry_after) and the Retry-After header. */
  retryAfter?: number;
  global?: boolean;
}

export interface FakeDiscordStats {
  /** Answers with a 2xx status. */
  ok: number;
  /** Answers with 429 Too Many Requests. */
  rateLimited: number;
  total: number;
  byStatus: Record<number, number>;
}

export interface FakeDiscord {
  /** Base for `rest: { api }`, e.g. http://127.0.0.1:PORT/api (clients add /v10). */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  readonly applicationId: string;
  readonly botUser: ApiObject;
  /** The fake's memory (guilds, channels, messages, commands), for assertions and setup. */
  readonly store: FakeDiscordStore;
  readonly calls: FakeCall[];
  /** Frames clients sent over the gateway (IDENTIFY, heartbeats...). */
  readonly gatewayFrames: GatewayFrame[];
  callsTo(method: string, path: RegExp): FakeCall[];
  /** Resolves with the first call (already recorded or future) that matches; by default only accepted (< 400) calls match. */
  waitFor(method: string, path: RegExp, predicate?: (call: FakeCall) => boolean, timeoutMs?: number): Promise<FakeCall>;
  /**
   * The bot token is reset (or revoked) in the Developer Portal: from now on REST calls with the old one get 401, and
   * an IDENTIFY with it is closed with 4004. Connections already open stay (the fake does not drop them).
   */
  resetToken(next: string): void;
  /** Forgets recorded calls and stats (not the stored guilds and messages). */
  clear(): void;
  /** The next request matching method and path gets this failure instead of its normal answer. */
  failNext(method: string, path: RegExp, failure: FailureSpec): void;
  /** The next request matching method and path is answered normally, but only after `ms` (Discord having a slow moment). */
  delayNext(method: string, path: RegExp, ms: number): void;
  /**
   * The next request matching method and path is taken and never answered: the connection stays open until the client
   * gives up (a proxy that swallowed it). Resolves when that request has arrived.
   */
  neverAnswerNext(method: string, path: RegExp): Promise<void>;
  /**
   * HTTP interactions, as Discord sends them: the signed interaction is POSTed to the bot's endpoint, and the
   * response body is taken as its first answer (like a callback), `httpResponseLagMs` after it arrived.
   */
  sendInteraction(url: string, keys: DiscordKeys, payload: ApiObject): Promise<{ status: number; body: ApiObject | null }>;
  stats(): FakeDiscordStats;
  /** Sends a gateway dispatch (op 0) with the next sequence number to every identified client. */
  dispatch(t: string, d: unknown): number;
  waitForReady(timeoutMs?: number): Promise<void>;
  disconnectAll(code?: number): void;
  /** Messages stored in a channel, oldest first. */
  messagesIn(channelId: string): ApiObject[];
  /** A member starts a thread from a message in Discord's client: the thread (its id is the message's) is stored and THREAD_CREATE dispatched. */
  memberStartsThread(channelId: string, messageId: string, userId: string, name?: string): ApiObject;
  /**
   * A member writes in a channel or thread: stored and dispatched as MESSAGE_CREATE. Without the Message Content
   * intent Discord sends a bot empty content, so that is what goes out.
   */
  memberWrites(channelId: string, userId: string, content?: string): ApiObject;
  close(): Promise<void>;
}

const API_PREFIX = /^\/api(?:\/v\d+)?(?=\/)/;
/** Interaction callbacks and interaction webhooks are exempt from the global limit and bot auth on Discord. */
const INTERACTION_ROUTE = /^\/(interactions|webhooks)\//;

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const store = new FakeDiscordStore(opts.guilds ?? [defaultGuild()], opts.applicationId ?? FAKE_APPLICATION_ID, opts.botUser ?? FAKE_BOT_USER);
  const calls: FakeCall[] = [];
  let token = opts.token;
  const listeners = new Set<(call: FakeCall) => void>();
  const failures: { method: string; path: RegExp; failure: FailureSpec }[] = [];
  const delays: { method: string; path: RegExp; ms: number }[] = [];
  const silences: { method: string; path: RegExp; arrived: () => void }[] = [];
  let stats: FakeDiscordStats = { ok: 0, rateLimited: 0, total: 0, byStatus: {} };
  let globalWindow = { start: 0, count: 0 };
  const buckets = new Map<string, { start: number; count: number }>();
  const bucketLimit = opts.bucketLimit ?? 1000;
  const bucketWindowMs = opts.bucketWindowMs ?? 1000;
  let port = 0;
  const baseUrl = () => `http://127.0.0.1:${port}`;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;

  const rest = createRestHandler(store, {
    gatewayUrl,
    baseUrl,
    interactionDeadlineMs: opts.interactionDeadlineMs ?? 3000,
    nonceWindowMs: opts.nonceWindowMs ?? 5 * 60_000,
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake Discord crashed: ${(err as Error).message}`, code: 0 }));
    });
  });
  const gateway = new FakeGateway(server, store, { path: '/gateway', heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250, token: opts.token, url: gatewayUrl });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl());
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readAll(req);
    const path = url.pathname.replace(API_PREFIX, '');
    const headers = flattenHeaders(req);
    const call: FakeCall = { method, path, query: Object.fromEntries(url.searchParams), body: null, files: [], headers, at: Date.now(), status: 0 };

    let answer: RestAnswer;
    let extraHeaders: Record<string, string> = {};
    try {
      ({ body: call.body, files: call.files } = await decodeBody(raw, headers['content-type']));
    } catch {
      return respond(res, call, { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } }, {});
    }
    const delayIndex = delays.findIndex((d) => d.method === method && d.path.test(path));
    if (delayIndex >= 0) await new Promise((r) => setTimeout(r, delays.splice(delayIndex, 1)[0]!.ms));
    if (res.destroyed) return; // the client gave up waiting
    const silenceIndex = silences.findIndex((d) => d.method === method && d.path.test(path));
    if (silenceIndex >= 0) return silences.splice(silenceIndex, 1)[0]!.arrived(); // never answered, never recorded
    const now = Date.now();
    const failureIndex = failures.findIndex((f) => f.method === method && f.path.test(path));
    if (!API_PREFIX.test(url.pathname)) {
      answer = { status: 404, body: { message: 'Unknown', code: 0 } };
    } else if (failureIndex >= 0) {
      const [{ failure }] = failures.splice(failureIndex, 1);
      answer = { status: failure.status, body: failure.body ?? { message: `Fake failure ${failure.status}`, code: 0 } };
      if (failure.status === 429) {
        const retryAfter = failure.retryAfter ?? 0.1;
        answer.body = { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(failure.global), code: 0, ...(failure.body as object) };
        extraHeaders = tooManyHeaders(retryAfter, Boolean(failure.global));
      }
    } else if (token !== undefined && !INTERACTION_ROUTE.test(path) && headers.authorization !== `Bot ${token}`) {
      answer = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    } else if (opts.globalLimitPerSecond !== undefined && !INTERACTION_ROUTE.test(path) && overGlobalLimit(now, opts.globalLimitPerSecond)) {
      const retryAfter = (globalWindow.start + 1000 - now) / 1000;
      answer = { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true, code: 0 } };
      extraHeaders = tooManyHeaders(retryAfter, true);
    } else {
      const bucket = takeBucket(method, path, now);
      extraHeaders = bucket.headers;
      if (bucket.exceeded) {
        const retryAfter = Number(bucket.headers['X-RateLimit-Reset-After']);
        answer = { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false, code: 0 } };
        extraHeaders = { ...extraHeaders, ...tooManyHeaders(retryAfter, false) };
      } else {
        answer = rest({ method, path, query: url.searchParams, body: call.body, files: call.files });
      }
    }
    respond(res, call, answer, extraHeaders);
  }

  function overGlobalLimit(now: number, limit: number): boolean {
    if (now - globalWindow.start >= 1000) globalWindow = { start: now, count: 0 };
    globalWindow.count++;
    return globalWindow.count > limit;
  }

  /** Discord buckets per route with its major parameter (channel, guild or webhook). */
  function takeBucket(method: string, path: string, now: number): { exceeded: boolean; headers: Record<string, string> } {
    const major = /^\/(channels|guilds|webhooks)\/([^/]+)/.exec(path)?.[0] ?? '';
    const route = path.replace(/\/\d{5,}/g, '/:id').replace(/\/webhooks\/:id\/[^/]+/, '/webhooks/:id/:token');
    const hash = createHash('sha1').update(`${method} ${route}`).digest('hex').slice(0, 16);
    const key = `${hash}:${major}`;
    let bucket = buckets.get(key);
    if (!bucket || now - bucket.start >= bucketWindowMs) buckets.set(key, (bucket = { start: now, count: 0 }));
    bucket.count++;
    const resetAt = bucket.start + bucketWindowMs;
    return {
      exceeded: bucket.count > bucketLimit,
      headers: {
        'X-RateLimit-Limit': String(bucketLimit),
        'X-RateLimit-Remaining': String(Math.max(0, bucketLimit - bucket.count)),
        'X-RateLimit-Reset': (resetAt / 1000).toFixed(3),
        'X-RateLimit-Reset-After': ((resetAt - now) / 1000).toFixed(3),
        'X-RateLimit-Bucket': hash,
      },
    };
  }

  function respond(res: ServerResponse, call: FakeCall, answer: RestAnswer, extraHeaders: Record<string, string>): void {
    call.status = answer.status;
    calls.push(call);
    stats.total++;
    stats.byStatus[answer.status] = (stats.byStatus[answer.status] ?? 0) + 1;
    if (answer.status >= 200 && answer.status < 300) stats.ok++;
    if (answer.status === 429) stats.rateLimited++;
    for (const listener of [...listeners]) listener(call);
    const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...extraHeaders });
    res.end(payload);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const matches = (method: string, path: RegExp) => (c: FakeCall) => c.method === method.toUpperCase() && path.test(c.path);

  return {
    apiUrl: `${baseUrl()}/api`,
    gatewayUrl: gatewayUrl(),
    port,
    applicationId: store.applicationId,
    botUser: store.botUser,
    store,
    calls,
    gatewayFrames: gateway.frames,
    callsTo: (method, path) => calls.filter(matches(method, path)),
    waitFor(method, path, predicate = (c) => c.status < 400, timeoutMs = 5000) {
      const wanted = (c: FakeCall) => matches(method, path)(c) && predicate(c);
      const already = calls.find(wanted);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`fake Discord: no ${method} ${path} within ${timeoutMs} ms (saw: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ') || 'nothing'})`));
        }, timeoutMs);
        const listener = (c: FakeCall) => {
          if (!wanted(c)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(c);
        };
        listeners.add(listener);
      });
    },
    resetToken(next) {
      token = next;
      gateway.setToken(next);
    },
    neverAnswerNext(method, path) {
      return new Promise<void>((arrived) => silences.push({ method: method.toUpperCase(), path, arrived }));
    },
    clear() {
      calls.length = 0;
      stats = { ok: 0, rateLimited: 0, total: 0, byStatus: {} };
    },
    failNext: (method, path, failure) => void failures.push({ method: method.toUpperCase(), path, failure }),
    delayNext: (method, path, ms) => void delays.push({ method: method.toUpperCase(), path, ms }),
    async sendInteraction(url, keys, payload) {
      store.rememberInteraction(payload);
      const res = await postInteraction(url, keys, payload);
      const text = await res.text();
      const body = text ? (JSON.parse(text) as ApiObject) : null;
      if (res.status === 200 && body && typeof payload.token === 'string') {
        // The same effect as a callback: the original message, acknowledged, or too late (10062, nothing happens).
        const take = () => rest({ method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback`, query: new URLSearchParams(), body, files: [] });
        if (opts.httpResponseLagMs) setTimeout(take, opts.httpResponseLagMs);
        else take();
      }
      return { status: res.status, body };
    },
    stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
    dispatch: (t, d) => gateway.dispatch(t, d),
    waitForReady: (timeoutMs = 5000) => gateway.waitForReady(timeoutMs),
    disconnectAll: (code) => gateway.disconnectAll(code),
    messagesIn: (channelId) => [...store.messagesIn(channelId)],
    memberStartsThread(channelId, messageId, userId, name = 'thread') {
      const parent = store.channels.get(channelId);
      if (!parent || !store.findMessage(channelId, messageId)) throw new Error(`fake Discord: no message ${messageId} in ${channelId}`);
      const thread = store.createThread(parent, { name, auto_archive_duration: 4320 }, messageId, userId);
      gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return thread;
    },
    memberWrites(channelId, userId, content = '') {
      const channel = store.channels.get(channelId);
      const author = store.findUser(userId);
      if (!channel || !author) throw new Error(`fake Discord: unknown channel ${channelId} or user ${userId}`);
      const message = store.createMessage(channelId, { content }, [], { author });
      const guild = channel.guild_id ? store.guilds.get(channel.guild_id) : undefined;
      const member = guild?.members.find((m: ApiObject) => m.user.id === userId);
      const { user: _user, ...partialMember } = member ?? {};
      gateway.dispatch('MESSAGE_CREATE', { ...message, content: '', ...(member ? { member: partialMember } : {}) });
      return message;
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Discord sends Retry-After in whole seconds (rounded up) and the precise value in the body. */
function tooManyHeaders(retryAfter: number, global: boolean): Record<string, string> {
  return {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfter))),
    'X-RateLimit-Scope': global ? 'global' : 'user',
    ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
  };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** JSON bodies are parsed; multipart uploads give payload_json as the body and the rest as files. */
async function decodeBody(raw: Buffer, contentType = ''): Promise<{ body: ApiObject | null; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    let body: ApiObject = {};
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = { ...body, ...JSON.parse(value) };
        else body[field] = value;
      } else {
        files.push({ field, filename: value.name, contentType: value.type || 'application/octet-stream', bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType.includes('json') || /^\s*[[{]/.test(text)) return { body: JSON.parse(text), files: [] };
  return { body: { raw: text }, files: [] };
}
