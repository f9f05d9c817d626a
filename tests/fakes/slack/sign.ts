// Signed requests as Slack sends them to an HTTP-mode app: signature headers, realistic bodies, a sender.
import { createHmac, randomBytes } from 'node:crypto';
import { checkAck, type BlockKitRefusal } from './block-kit.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Slack's v0 signature: hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed by the signing secret. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const ts = String(timestampSeconds);
  const digest = createHmac('sha256', signingSecret).update(`v0:${ts}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': ts };
}

const triggerId = () => `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString('hex')}`;

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  team_id: string;
  channel_id: string;
  trigger_id?: string;
  response_url?: string;
  user_name?: string;
  team_domain?: string;
  channel_name?: string;
  api_app_id?: string;
  token?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
  [extra: string]: string | boolean | undefined;
}

/**
 * The form-encoded body of a slash command, fields in the order Slack sends them. A deprecated
 * verification `token` is included because Slack still sends one; Bolt ignores it.
 */
export function slashCommandBody(fields: SlashCommandFields): string {
  const {
    command,
    text,
    user_id,
    team_id,
    channel_id,
    trigger_id = triggerId(),
    response_url = `https://hooks.slack.com/commands/${team_id}/1/fake`,
    user_name = user_id.toLowerCase(),
    team_domain = 'fake-practice',
    channel_name = channel_id.startsWith('D') ? 'directmessage' : channel_id.toLowerCase(),
    api_app_id = 'A1',
    token = 'fake-verification-token',
    is_enterprise_install = false,
    ...extra
  } = fields;
  const ordered: [string, string | boolean | undefined][] = [
    ['token', token],
    ['team_id', team_id],
    ['team_domain', team_domain],
    ['channel_id', channel_id],
    ['channel_name', channel_name],
    ['user_id', user_id],
    ['user_name', user_name],
    ['command', command],
    ['text', text],
    ['api_app_id', api_app_id],
    ['is_enterprise_install', is_enterprise_install],
    ['response_url', response_url],
    ['trigger_id', trigger_id],
    ...Object.entries(extra),
  ];
  const params = new URLSearchParams();
  for (const [key, value] of ordered) if (value !== undefined) params.append(key, String(value));
  return params.toString();
}

/** An interactivity body (block actions, view submissions, shortcuts): `payload=<urlencoded JSON>`. */
export function interactionBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface EventEnvelopeFields {
  team_id: string;
  event_id?: string;
  api_app_id?: string;
  event_time?: number;
  /** The bot the event is delivered to; Slack lists it in `authorizations`. */
  bot_user_id?: string;
}

/** A JSON `event_callback` envelope around one event, as the Events API delivers it. */
export function eventBody(event: Record<string, unknown>, fields: EventEnvelopeFields): string {
  const { team_id, event_id = `Ev${randomBytes(5).toString('hex').toUpperCase()}`, api_app_id = 'A1' } = fields;
  const event_time = fields.event_time ?? Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: 'fake-verification-token',
    team_id,
    api_app_id,
    event: { event_ts: `${event_time}.000100`, ...event },
    type: 'event_callback',
    event_id,
    event_time,
    authorizations: [
      { enterprise_id: null, team_id, user_id: fields.bot_user_id ?? 'U0FAKEBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${event_id}`,
  });
}

/** The one-time challenge Slack sends when an events Request URL is saved. */
export function urlVerificationBody(challenge: string): string {
  return JSON.stringify({ token: 'fake-verification-token', challenge, type: 'url_verification' });
}

export interface SignedResponse {
  status: number;
  text: string;
  json?: unknown;
  headers: Headers;
  /** The acknowledgement carried a modal or message Slack would refuse (block-kit.ts); Slack would show an error. */
  refused?: BlockKitRefusal;
}

/** POSTs a signed body the way Slack does and reads the whole answer. */
export async function postSigned(
  url: string,
  secret: string,
  rawBody: string,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): Promise<SignedResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...signSlackRequest(secret, rawBody), ...extraHeaders },
    body: rawBody,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const refused = checkAck(json);
  return { status: response.status, text, json, headers: response.headers, ...(refused ? { refused } : {}) };
}
