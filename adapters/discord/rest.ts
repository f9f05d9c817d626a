// One @discordjs/rest client per process: DISCORD_API_URL overrides the base (local fake in tests); every call settles within a bound.
import { DefaultRestOptions, REST, type InternalRequest, type RESTOptions } from '@discordjs/rest';

/**
 * The longest any REST call may take before it rejects (as a timeout, which the outbox retries). @discordjs/rest's
 * own timeout is 15 s per try, and it tries a timed-out request up to four times (a minute); worse, a connection
 * closed before the request was written (a proxy or load balancer resetting it) leaves undici's promise unsettled
 * for ever, its abort signal unheard. A send waits in the outbox's delivery lane, and a member's answer in their
 * interaction: 30 s lets one slow try and most of a second through, and no hang-up holds either longer than that.
 */
export const REST_BOUND_MS = 30_000;

export interface RestOptions {
  /** How long a call may take before it rejects (tests shorten it); default REST_BOUND_MS. */
  boundMs?: number;
}

export function makeRest(token: string | undefined, apiUrl?: string, o: RestOptions = {}): REST {
  const rest = new BoundedRest(
    {
      ...(apiUrl ? { api: apiUrl } : {}),
      // Short waits are waited out by @discordjs/rest; a long one rejects so the outbox reschedules the row instead of holding its lease.
      rejectOnRateLimit: (data) => data.timeToReset > 10_000,
      makeRequest: heedingAbort,
    },
    o.boundMs ?? REST_BOUND_MS,
  );
  if (token) rest.setToken(token);
  return rest;
}

/**
 * get/post/patch/put/delete all go through request(): each call gets a signal that aborts at the bound. The abort
 * reaches the request in flight (and any retry @discordjs/rest would start, or a wait in its route's queue), so the
 * route's queue moves on; the race settles the call even if something below never heeds it.
 */
class BoundedRest extends REST {
  constructor(
    options: Partial<RESTOptions>,
    private readonly boundMs: number,
  ) {
    super(options);
  }

  override async request(options: InternalRequest): Promise<unknown> {
    const bound = AbortSignal.timeout(this.boundMs);
    const signal = options.signal ? AbortSignal.any([options.signal, bound]) : bound;
    let onAbort = (): void => undefined;
    const expired = new Promise<never>((_, reject) => {
      onAbort = () => reject(new DOMException(`Discord did not answer within ${this.boundMs} ms`, 'TimeoutError'));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([super.request({ ...options, signal }), expired]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * undici's request, settled by its abort signal even when undici itself would not (see REST_BOUND_MS): rejected with
 * an AbortError, which @discordjs/rest handles as its own timeout, so the route's queue is released.
 */
function heedingAbort(url: string, init: Parameters<typeof DefaultRestOptions.makeRequest>[1]): ReturnType<typeof DefaultRestOptions.makeRequest> {
  const signal = init.signal as AbortSignal | null | undefined;
  if (!signal) return DefaultRestOptions.makeRequest(url, init);
  const aborted = () => new DOMException('This operation was aborted', 'AbortError');
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    DefaultRestOptions.makeRequest(url, init)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
