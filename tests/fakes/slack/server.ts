// A local fake Slack for protocol tests: Web API over HTTP, response_url, file uploads and Socket Mode.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAck, checkCall, describeRefusal, refusalAnswer, textWarning, type BlockKitRefusal } from './block-kit.js';
import { bearerToken, decodeBody, readRaw } from './body.js';
import { APP_TOKEN_METHODS, METHODS, TOKENLESS_METHODS, type Answer } from './methods.js';
import { FakeSocketHub, type SocketAck, type SocketEnvelope } from './socket.js';
import { World, type FakeUser, type FakeWorkspace, type StoredMessage } from './world.js';

export type { SocketAck, SocketEnvelope } from './socket.js';
export type { BlockKitProblem, BlockKitRefusal } from './block-kit.js';
export type { FakeUser, FakeWorkspace, StoredMessage } from './world.js';
export { DEFAULT_MEMBERS } from './world.js';

export interface RecordedCall {
  /** Web API method name, or `response_url`, `file_upload`, `socket_ack` for the non-API endpoints. */
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** For `response_url` calls: the id in the URL, so a test can tell two response URLs apart. */
  id?: string;
  /** For API methods: the body the fake answered with (e.g. the `message_ts` of an ephemeral, which no history holds). */
  answer?: Answer;
  /** Blocks or a view Slack would not take (block-kit.ts): the call was answered with this refusal, nothing changed. */
  refused?: BlockKitRefusal;
}

export interface Failure {
  /** HTTP status; 429 adds `Retry-After`. Without it the answer is 200 with `ok: false`. */
  status?: number;
  /** Seconds for `Retry-After` on a 429; Slack always sends one. */
  retryAfter?: number;
  /** Slack error code for the `ok: false` body. */
  error?: string;
  /** How many following calls fail this way (default 1). */
  count?: number;
  /** How many calls go through first (default 0): a failure in the middle of a series, e.g. a long message's second part. */
  after?: number;
  /** The call takes effect (the message is posted) before the failure is answered: what a lost or failed answer to a
   *  request Slack did carry out looks like to the caller. API methods only. */
  processed?: boolean;
}

export interface FakeSlackOptions extends Partial<FakeWorkspace> {
  /** Milliseconds between server pings on Socket Mode connections; 0 turns them off. */
  socketPingMs?: number;
  /**
   * Blocks and views Slack would refuse (block-kit.ts): 'strict' (the default) refuses them as Slack does and makes
   * `close()` fail naming each, so no refusal goes unnoticed; 'refuse' only refuses (a test that provokes one on
   * purpose); 'off' takes anything.
   */
  blockKit?: 'strict' | 'refuse' | 'off';
}

export interface FakeSlack {
  /** Pass as WebClient's `slackApiUrl`; ends with `/api/`. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:PORT/` */
  readonly baseUrl: string;
  readonly workspace: FakeWorkspace;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Calls refused for their Block Kit (see `RecordedCall.refused`), oldest first. */
  refusals(): RecordedCall[];
  /**
   * First recorded call to `method` (or any of several) matching `predicate`, already made or still to come; a call
   * refused for its Block Kit never matches (no member saw it), and a timeout names every refusal.
   */
  waitFor(method: string | readonly string[], predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Forgets recorded calls (state such as posted messages stays, and so do refusals). */
  clear(): void;
  /** Stops the server; with `blockKit: 'strict'` then fails if any call was refused for its Block Kit, naming each. */
  close(): Promise<void>;

  setMembers(channel: string, ids: string[]): void;
  setUser(id: string, user: Partial<FakeUser>): void;
  setChannel(id: string, channel: { name?: string; is_private?: boolean }): void;
  /** Messages the fake holds for a channel (user ids resolve to their DM), oldest first. */
  messagesIn(channel: string): StoredMessage[];
  dmChannelOf(user: string): string;
  /** Bytes that reached a `files.getUploadURLExternal` upload URL, by file id. */
  uploadedFile(fileId: string): { filename: string; bytes: Uint8Array; title?: string } | undefined;

  failNext(method: string, failure: Failure): void;
  /** Slows every answer by `ms` (0 to stop), to exercise timeouts and Slack's 3-second ack window. */
  delay(ms: number): void;
  /** A URL on this server that records POSTs as calls to `response_url`; `args` is the JSON body. */
  responseUrl(id?: string): string;

  /** Pushes an envelope to the connected Socket Mode client and resolves with its ack. */
  socketSend(envelope: SocketEnvelope, timeoutMs?: number): Promise<SocketAck>;
  waitForSocket(timeoutMs?: number): Promise<void>;
  socketDisconnect(reason?: string): void;
}

/** How many messages one response_url takes (Slack: "five times within 30 minutes"). */
const RESPONSE_URL_USES = 5;

const DEFAULT_WORKSPACE: FakeWorkspace = {
  teamId: 'T0FAKE001',
  teamName: 'Fake Practice Group',
  teamDomain: 'fake-practice',
  botUserId: 'U0FAKEBOT',
  botId: 'B0FAKEBOT',
  appId: 'A1',
};

export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const { socketPingMs = 5000, blockKit = 'strict', ...workspaceOverrides } = opts;
  const checking = blockKit !== 'off';
  /** Every refused call, kept through `clear()`. */
  const refusals: RecordedCall[] = [];
  const workspace: FakeWorkspace = { ...DEFAULT_WORKSPACE, ...workspaceOverrides };
  const world = new World(workspace);
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const watchers = new Set<(call: RecordedCall) => void>();
  let delayMs = 0;
  let responseCounter = 0;
  /** Messages each response_url took (by the id in the URL). */
  const responseUses = new Map<string, number>();

  const record = (call: RecordedCall) => {
    calls.push(call);
    if (call.refused) refusals.push(call);
    for (const watch of [...watchers]) watch(call);
  };

  const hub = new FakeSocketHub(
    workspace.appId,
    (ack) => {
      // An acknowledgement can carry a modal or a message too, which Slack checks like any other.
      const refused = checking ? checkAck(ack.payload) : undefined;
      record({ method: 'socket_ack', args: { ...ack }, at: Date.now(), ...(refused ? { refused } : {}) });
    },
    socketPingMs,
  );

  /** The failure queued for `method`'s next call, if one is due now (not waiting for calls to go through first). */
  const dueFailure = (method: string): Failure | undefined => {
    const next = failures.get(method)?.[0];
    return next && !next.after ? next : undefined;
  };

  const takeFailure = (method: string): Failure | undefined => {
    const queue = failures.get(method);
    const next = queue?.[0];
    if (!next) return undefined;
    if (next.after) {
      next.after -= 1;
      return undefined;
    }
    next.count = (next.count ?? 1) - 1;
    if (next.count <= 0) queue.shift();
    return next;
  };

  const send = (res: ServerResponse, status: number, body: Answer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  /** Answers an injected failure, if one is queued; returns whether it did. */
  const answerFailure = (res: ServerResponse, method: string): boolean => {
    const failure = takeFailure(method);
    if (!failure) return false;
    if (failure.status === 429) {
      send(res, 429, { ok: false, error: failure.error ?? 'ratelimited' }, { 'retry-after': String(failure.retryAfter ?? 1) });
    } else {
      send(res, failure.status ?? 200, { ok: false, error: failure.error ?? 'internal_error' });
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, baseUrl: string) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const raw = await readRaw(req);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const { args, files } = await decodeBody(raw, req.headers['content-type'], url.searchParams);
    const at = Date.now();

    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (api) {
      const method = api[1];
      const token = bearerToken(req, args);
      const call: RecordedCall = { method, args, token, at };
      const refused = checking ? checkCall(method, args) : undefined;
      if (refused) call.refused = refused;
      record(call);
      const failure = dueFailure(method);
      if (failure?.processed && !refused) METHODS[method]?.({ args, token, world, baseUrl });
      if (answerFailure(res, method)) return;
      const handler = METHODS[method];
      if (!handler) return send(res, 200, { ok: false, error: 'unknown_method' });
      if (!token && !TOKENLESS_METHODS.has(method)) return send(res, 200, { ok: false, error: 'not_authed' });
      // Slack refuses a bot token where an app-level token is needed, and the other way round.
      const appToken = token?.startsWith('xapp-') ?? false;
      if (token && !TOKENLESS_METHODS.has(method) && appToken !== APP_TOKEN_METHODS.has(method)) {
        return send(res, 200, { ok: false, error: 'not_allowed_token_type' });
      }
      if (refused) {
        call.answer = refusalAnswer(refused);
        return send(res, 200, call.answer);
      }
      call.answer = handler({ args, token, world, baseUrl });
      const warning = call.answer.ok === true ? textWarning(method, args) : undefined;
      if (warning) call.answer = { ...call.answer, warning: 'message_truncated', response_metadata: warning };
      return send(res, 200, call.answer);
    }

    const response = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (response && req.method === 'POST') {
      const refused = checking ? checkCall('response_url', args) : undefined;
      const call: RecordedCall = { method: 'response_url', args, at, id: response[1], ...(refused ? { refused } : {}) };
      record(call);
      if (answerFailure(res, 'response_url')) return;
      // Slack's webhook-style URLs answer a message they will not post with a 4xx and the reason, not a 200.
      if (refused) {
        call.answer = refusalAnswer(refused);
        return send(res, 400, call.answer);
      }
      // Slack: "You'll be able to use a response_url five times within 30 minutes". What it answers past that is not
      // documented: a 404, as for an expired URL (the body here is ours; the bot reads only the status).
      const uses = (responseUses.get(response[1]!) ?? 0) + 1;
      if (uses > RESPONSE_URL_USES) {
        call.answer = { ok: false, error: 'used_url' };
        return send(res, 404, call.answer);
      }
      responseUses.set(response[1]!, uses);
      return send(res, 200, { ok: true });
    }

    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    if (upload && req.method === 'POST') {
      const file = world.files.get(upload[1]);
      const part = Object.values(files)[0];
      const bytes = part?.bytes ?? new Uint8Array(raw);
      record({ method: 'file_upload', args: { file_id: upload[1], size: bytes.length }, token: bearerToken(req, {}), at });
      if (answerFailure(res, 'file_upload')) return;
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('Not Found');
      }
      file.bytes = bytes;
      // Slack's upload endpoint answers in plain text, not JSON.
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(`OK - ${bytes.length}`);
    }

    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not Found');
  };

  const server = createServer((req, res) => {
    handle(req, res, baseUrl).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: 'fake_slack_internal_error', detail: String(error) });
      else res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', baseUrl).pathname === '/socket') hub.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/`;

  return {
    apiUrl: `${baseUrl}api/`,
    baseUrl,
    workspace,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    refusals: () => [...refusals],
    waitFor(method, predicate = () => true, timeoutMs = 2000) {
      const methods: readonly string[] = typeof method === 'string' ? [method] : method;
      // A refused call reached no one: waiting for what a member would see skips it (and names it on timeout).
      const matches = (call: RecordedCall) => methods.includes(call.method) && !call.refused && predicate(call);
      const already = calls.find(matches);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          const seen = [...new Set(calls.map((c) => c.method))].join(', ') || 'nothing';
          // What the bot sent that Slack would have refused is the likeliest reason nothing matched: name it.
          const refused = calls.filter((c) => c.refused).map((c) => `\n${describeRefusal(c.method, c.refused!)}`).join('');
          reject(new Error(`fake Slack: no matching ${methods.join(' or ')} call within ${timeoutMs} ms (saw: ${seen})${refused}`));
        }, timeoutMs);
        const watch = (call: RecordedCall) => {
          if (!matches(call)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(call);
        };
        watchers.add(watch);
      });
    },
    clear: () => {
      calls.length = 0;
    },
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (blockKit === 'strict' && refusals.length) {
        throw new Error(`fake Slack refused ${refusals.length} call(s) for their Block Kit, as Slack would:\n${refusals.map((c) => describeRefusal(c.method, c.refused!)).join('\n')}`);
      }
    },

    setMembers: (channel, ids) => void world.members.set(channel, [...ids]),
    setUser: (id, user) => void world.users.set(id, { ...world.users.get(id), ...user }),
    setChannel: (id, channel) => void world.channels.set(id, { ...world.channels.get(id), ...channel }),
    messagesIn: (channel) => [...(world.messages.get(world.resolveChannel(channel)) ?? [])],
    dmChannelOf: (user) => world.dmChannelOf(user),
    uploadedFile(fileId) {
      const file = world.files.get(fileId);
      return file?.bytes ? { filename: file.filename, bytes: file.bytes, title: file.title } : undefined;
    },

    failNext(method, failure) {
      const queue = failures.get(method) ?? [];
      queue.push({ ...failure });
      failures.set(method, queue);
    },
    delay(ms) {
      delayMs = ms;
    },
    responseUrl(id) {
      responseCounter += 1;
      return `${baseUrl}response/${id ?? `R${responseCounter}`}`;
    },

    socketSend: (envelope, timeoutMs = 3000) => hub.send(envelope, timeoutMs),
    waitForSocket: (timeoutMs = 3000) => hub.waitForConnection(timeoutMs),
    socketDisconnect: (reason) => hub.disconnectAll(reason),
  };
}
