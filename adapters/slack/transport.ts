// The Slack clients' HTTP transport: undici's pooled request API behind the WebClient's own `fetch` option.
//
// Why: the WebClient calls a WHATWG fetch by default, whose streams, Request and Headers objects cost about as much CPU
// as everything else in a call (measured: 0.60 ms of client CPU per views.open with the global fetch, 0.33 ms through
// this transport). Opening a form and posting a prompt are the bot's busiest calls, so this is capacity a
// deployment gets for free. The WebClient types the few members it reads (`FetchResponse`), and that is all we give.
import { webApi } from '@slack/bolt';
import { Agent, request } from 'undici';

type FetchFunction = webApi.FetchFunction;
/** What the WebClient reads from an answer (its `FetchResponse`, which the package does not export by name). */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type Raw = Record<string, string | string[] | undefined>;

/** A whole answer already read: the WebClient reads the body once, as text (or bytes for files). */
class ReadResponse implements FetchResponse {
  constructor(
    readonly status: number,
    readonly url: string,
    private readonly raw: Raw,
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** undici's request API does not carry the reason phrase; the WebClient only quotes it in HTTP errors. */
  get statusText(): string {
    return '';
  }

  readonly headers = {
    get: (name: string): string | null => {
      const v = this.raw[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    entries: (): Iterable<[string, string]> =>
      Object.entries(this.raw).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
  };

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
}

/**
 * A `fetch` for `new WebClient(token, { fetch })` over one keep-alive connection pool per process. Form bodies (every
 * Web API call) go through the pool; multipart bodies (file uploads, rare) keep the platform's own fetch. Redirects
 * are not followed, like the WebClient's `redirect: 'error'`: a 3xx comes back as a non-200 answer, which it rejects.
 */
export function pooledFetch(agent = new Agent({ keepAliveTimeout: 30_000 })): FetchFunction {
  return async (url, init = {}) => {
    if (init.body !== undefined && typeof init.body !== 'string') return fetch(url, init);
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await request(url, {
          method: (init.method ?? 'GET') as 'GET',
          headers: init.headers,
          body: init.body,
          signal: init.signal,
          dispatcher: agent,
        });
        const body = Buffer.from(await r.body.arrayBuffer());
        return new ReadResponse(r.statusCode, String(url), r.headers as Raw, body);
      } catch (e) {
        if (attempt >= CONNECT_RETRIES.length || !neverSent(e) || init.signal?.aborted) throw e;
        await new Promise((r) => setTimeout(r, CONNECT_RETRIES[attempt]));
      }
    }
  };
}

/**
 * Waits before trying again a request that never reached Slack. Only those: a call that did reach it (a timeout, a
 * 5xx) may have posted already, and trying it blindly again posts twice — the outbox retries it instead, after
 * looking for the earlier copy. (The WebClient's own retries are off for that reason; see webClientOptions.)
 */
const CONNECT_RETRIES = [100, 400];
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const neverSent = (e: unknown) => CONNECT_FAILURES.has((e as { code?: string }).code ?? '');
