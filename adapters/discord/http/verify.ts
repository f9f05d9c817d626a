// Ed25519 verification of Discord's HTTP interactions with node:crypto: signature over timestamp + raw body.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** An Ed25519 SPKI DER key is this fixed 12-byte prefix followed by the 32 raw key bytes Discord shows as hex. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** False for a missing, malformed or wrong signature; never throws. */
export function verifySignature(key: KeyObject, signatureHex: string | undefined, timestamp: string | undefined, rawBody: Buffer): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp), rawBody]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
