// HTTP-interactions mode: POST /discord/interactions, Ed25519-verified; the first answer is the HTTP response, the rest goes by REST. Stateless.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from '../../../src/core/bot.js';
import type { Listener } from '../../../src/http/server.js';
import { dispatchInteraction, type RawInteraction } from '../interactions/dispatch.js';
import type { DiscordPort } from '../port.js';
import { publicKeyFromHex, verifySignature } from './verify.js';
import { safeError } from '../../../src/log.js';

const MAX_BODY = 1_000_000;

export function interactionsListener(o: { bot: Bot; port: DiscordPort; publicKeyHex: string; deferAfterMs?: number }): Listener {
  const key = publicKeyFromHex(o.publicKeyHex);
  const log = o.bot.log.child({ adapter: 'discord-http' });
  // Accepted work from its arrival (a stop beginning while the body is read still waits for it); the interaction's
  // handling, which outlives the HTTP response, joins it.
  return (req: IncomingMessage, res: ServerResponse) => o.bot.admission.track(() => answer(req, res));
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const raw = await readBody(req);
    const sig = req.headers['x-signature-ed25519'];
    const ts = req.headers['x-signature-timestamp'];
    if (!raw || !verifySignature(key, typeof sig === 'string' ? sig : undefined, typeof ts === 'string' ? ts : undefined, raw)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('invalid request signature');
      return;
    }
    let interaction: RawInteraction;
    try {
      interaction = JSON.parse(raw.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    let answered!: () => void;
    const first = new Promise<void>((resolve) => (answered = resolve));
    const respond = (body: unknown) =>
      new Promise<void>((resolve) => {
        // 'finish' means handed to the network, not that Discord has taken it: a webhook call on the token right
        // after can still be refused for a moment (the port waits that out), and private answers ready in time
        // travel in this response instead of editing a placeholder.
        res.once('finish', () => resolve());
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        answered();
      });
    const options = { bot: o.bot, port: o.port, deferAfterMs: o.deferAfterMs, answerInResponse: true };
    const work = dispatchInteraction(options, interaction, respond).catch((e: Error) =>
      log.error({ error: safeError(e) }, 'interaction failed'),
    );
    await Promise.race([first, work]);
    if (!res.headersSent) res.writeHead(500).end();
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
