// The HTTP entry on the shared server: a cheap freshness check, then Bolt's receiver (which verifies the signature).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

/** Slack's replay window: a request signed more than 5 minutes away from now is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Runs work a stop waits for (Admission.track). */
export type Track = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Bolt refuses stale timestamps and bad signatures (constant-time, v0 HMAC-SHA256) with 401; it does not refuse
 * timestamps from the future, so that side of the window is checked here before the body is read.
 *
 * `track`: each request counts as accepted work from its arrival until it is answered, so that a stop beginning
 * while Bolt still reads and verifies it waits for it; the handling after the acknowledgement joins it (index.ts).
 */
export function slackListener(receiver: HTTPReceiver, track: Track = (work) => work(), stopping: () => boolean = () => false, now: () => number = Date.now) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // Once the app is stopping, an Events API delivery (JSON) is turned away: Slack sends it again, to a replica that
    // takes it. Commands and interactions (form-encoded) get no retry: they go on to Bolt, where each is answered.
    if (stopping() && String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' }).end(JSON.stringify({ ok: false, stopping: true }));
      return;
    }
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (req.method === 'POST' && (!Number.isFinite(ts) || ts - now() / 1000 > MAX_SKEW_SECONDS)) {
      res.writeHead(401).end();
      return;
    }
    void track(
      () =>
        new Promise<void>((answered) => {
          res.once('close', () => answered());
          try {
            receiver.requestListener(req, res);
          } catch {
            // Bolt throws for paths it does not serve (e.g. /slack/install without OAuth).
            if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
            res.end('not found');
          }
        }),
    );
  };
}
