// Decodes the bodies Slack clients send (form, JSON, multipart, query) into one plain args record.
import type { IncomingMessage } from 'node:http';

/**
 * Fields that @slack/web-api flattens into JSON strings when it form-encodes a call. Decoding them lets
 * tests assert on `blocks[0].type` instead of string-matching JSON. Other fields stay as sent, so a
 * message text that happens to look like JSON is never rewritten.
 */
export const JSON_STRING_FIELDS: readonly string[] = [
  'attachments',
  'blocks',
  'channels',
  'files',
  'metadata',
  'options',
  'unfurls',
  'user_auth_blocks',
  'view',
];

export interface DecodedBody {
  args: Record<string, unknown>;
  /** Raw bytes of multipart file parts, by field name, so upload endpoints can keep what was sent. */
  files: Record<string, { bytes: Uint8Array; filename: string; type: string }>;
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function decodeBody(raw: Buffer, contentType: string | undefined, query: URLSearchParams): Promise<DecodedBody> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  const files: DecodedBody['files'] = {};
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();

  if (raw.length > 0 && type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(args, parsed);
  } else if (raw.length > 0 && type === 'multipart/form-data') {
    // Let the platform's own multipart parser do the work instead of a hand-rolled one.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType ?? '' } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') args[key] = value;
      else {
        files[key] = { bytes: new Uint8Array(await value.arrayBuffer()), filename: value.name, type: value.type };
        args[key] = { filename: value.name, size: value.size };
      }
    }
  } else if (raw.length > 0 && (type === 'application/x-www-form-urlencoded' || type === '')) {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }

  for (const field of JSON_STRING_FIELDS) {
    const value = args[field];
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        args[field] = JSON.parse(value);
      } catch {
        // Not JSON after all: keep what the client sent so the test sees the real wire value.
      }
    }
  }
  return { args, files };
}

/** Slack accepts booleans as `true`, `"true"` or `"1"`; form encoding turns every boolean into a string. */
export function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function bearerToken(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof args.token === 'string' ? args.token : undefined;
}
