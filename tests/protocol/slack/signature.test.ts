// Request signatures: Slack's own published example verifies; tampering, other secrets and stale times do not.
import { describe, expect, it } from 'vitest';
import { isSignedBySlack } from '../../../adapters/slack/receive/signature.js';

const body =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const at = 1531420618;

describe('Slack request signatures', () => {
  it('verifies Slack’s published example', () => {
    expect(isSignedBySlack({ secret, body, timestamp: at, signature, nowMs: at * 1000 })).toBe(true);
  });
  it('refuses a changed body', () => {
    expect(isSignedBySlack({ secret, body: body.replace('roadrunner', 'coyote'), timestamp: at, signature, nowMs: at * 1000 })).toBe(false);
  });
  it('refuses another secret', () => {
    expect(isSignedBySlack({ secret: `${secret}x`, body, timestamp: at, signature, nowMs: at * 1000 })).toBe(false);
  });
  it('accepts up to five minutes of clock difference and refuses more, either way', () => {
    expect(isSignedBySlack({ secret, body, timestamp: at, signature, nowMs: (at + 300) * 1000 })).toBe(true);
    expect(isSignedBySlack({ secret, body, timestamp: at, signature, nowMs: (at + 301) * 1000 })).toBe(false);
    expect(isSignedBySlack({ secret, body, timestamp: at, signature, nowMs: (at - 301) * 1000 })).toBe(false);
  });
});
