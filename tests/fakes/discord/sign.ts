// Ed25519 request signing as Discord does for HTTP interactions, so tests can post signed (or badly signed) interactions to a bot's endpoint.
import { generateKeyPairSync, sign as edSign } from 'node:crypto';

export interface DiscordKeys {
  /** The application's public key as Discord shows it: 32 raw bytes, hex. */
  publicKeyHex: string;
  /** Signature over timestamp + raw body, hex, as sent in X-Signature-Ed25519. */
  sign(timestamp: string, rawBody: string): string;
}

/** SPKI DER of an Ed25519 key is a fixed 12-byte header followed by the 32-byte raw key. */
const ED25519_SPKI_HEADER_LENGTH = 12;

export function makeDiscordKeys(): DiscordKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return {
    publicKeyHex: der.subarray(ED25519_SPKI_HEADER_LENGTH).toString('hex'),
    sign: (timestamp, rawBody) => edSign(null, Buffer.from(timestamp + rawBody), privateKey).toString('hex'),
  };
}

/** POSTs an interaction like Discord: JSON body with signature headers; `badSignature` signs different bytes. */
export async function postInteraction(url: string, keys: DiscordKeys, body: unknown, options: { badSignature?: boolean; timestamp?: string } = {}): Promise<Response> {
  const rawBody = JSON.stringify(body);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const signature = keys.sign(timestamp, options.badSignature ? `${rawBody} ` : rawBody);
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'X-Signature-Ed25519': signature,
      'X-Signature-Timestamp': timestamp,
    },
    body: rawBody,
  });
}
