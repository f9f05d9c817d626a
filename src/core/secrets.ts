// Key material: one secret, separate derived keys per purpose, keyed HMACs and AES-256-GCM at rest.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config.js';

/** Purposes get unrelated keys, so an HMAC made for rate limits can't be matched with one for pseudonyms. */
export type KeyPurpose =
  | 'case-author'
  | 'case-pseudonym'
  | 'case-ban'
  | 'rate-limit'
  | 'topic-author'
  | 'anon-reply'
  | 'prompt-rotation'
  | 'encryption'
  | 'calendar-token'
  | 'web-session'
  | 'key-check';

/** A random salt for a keyed MAC: with it, two rows of one author look unrelated. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

export class Secrets {
  private readonly cache = new Map<string, Buffer>();
  constructor(private readonly master: string) {
    if (master.length < 32) throw new Error('SOJUSZ_SECRET must be at least 32 characters');
  }

  key(purpose: KeyPurpose): Buffer {
    let k = this.cache.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.master, 'sojusz', purpose, 32));
      this.cache.set(purpose, k);
    }
    return k;
  }

  /** Keyed HMAC (hex) of the parts, for the purpose. Unlinkable without the secret. */
  hmac(purpose: KeyPurpose, ...parts: (string | number)[]): string {
    return createHmac('sha256', this.key(purpose)).update(parts.map(String).join('\u0000')).digest('hex');
  }

  /** AES-256-GCM; output is base64 of iv(12) | tag(16) | ciphertext. */
  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key('encryption'), iv);
    const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  decrypt(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const d = createDecipheriv('aes-256-gcm', this.key('encryption'), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }
}

/** On the embedded default the secret is generated once into DATA_DIR/secret (mode 600). */
export function loadOrCreateSecret(dataDir: string): string {
  const file = resolve(dataDir, 'secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    // Named here: SOJUSZ_SECRET's own check would blame a variable that is not set.
    if (secret.length < 32) throw new ConfigError(file, 'expected at least 32 characters (the bot writes it on a first start; after rotate-secret, you write the new secret there); restore the file from its backup');
    return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const s = randomBytes(32).toString('hex');
  writeFileSync(file, s, { mode: 0o600 });
  return s;
}
