// The environment contract: every variable is checked at start, and a bad or missing one is named with what is
// expected (main.ts turns the ConfigError into one line and exit code 2; tests/protocol/ops-startup checks that).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LEASE_MS, leaseMsFrom, loadConfig, VARIABLES } from '../../src/config.js';

const OAUTH = { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789' };
const PUBLIC_KEY = 'a1'.repeat(32);
const APP_ID = '123456789012345678';

/** The variable a bad environment is refused for, and the words that say what is expected. */
function refusal(env: NodeJS.ProcessEnv): { variable: string; expected: string } {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return { variable: e.variable, expected: e.expected };
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('configuration refuses, naming the variable and what is expected', () => {
  it.each([
    ['OAuth in HTTP mode without a signing secret', OAUTH, 'SLACK_SIGNING_SECRET', /required with SLACK_CLIENT_ID/],
    ['OAuth with Socket Mode (Bolt would open its own install server on port 3000)', { ...OAUTH, SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN', /HTTP mode, on PORT/],
    ['OAuth with Socket Mode and no signing secret: the mode first', { ...OAUTH, SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN', /leave unset with SLACK_CLIENT_ID/],
    ['OAuth beside a bot token that would be ignored', { ...OAUTH, SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN', /leave unset with SLACK_CLIENT_ID/],
    ['a client id without its state secret', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'x', SLACK_SIGNING_SECRET: 's' }, 'SLACK_STATE_SECRET', /OAuth install/],
    ['OAuth secrets without the client id', { SLACK_CLIENT_SECRET: 'x', SLACK_STATE_SECRET: 'y', SLACK_SIGNING_SECRET: 's' }, 'SLACK_CLIENT_ID', /Client ID/],
    ['a bot token with neither signing secret nor app token', { SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET', /HTTP mode/],
    ['an app token without a bot token (it would start the playground)', { SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN', /xoxb-/],
    ['a Discord public key and token without the application id', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_TOKEN: 't' }, 'DISCORD_APPLICATION_ID', /required with DISCORD_TOKEN/],
    ['a Discord public key alone', { DISCORD_PUBLIC_KEY: PUBLIC_KEY }, 'DISCORD_APPLICATION_ID', /required with DISCORD_PUBLIC_KEY/],
    ['a Discord public key without the bot token channel posts need', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_APPLICATION_ID: APP_ID }, 'DISCORD_TOKEN', /bot token/],
    ['a Discord public key of 63 hex characters', { DISCORD_PUBLIC_KEY: PUBLIC_KEY.slice(1), DISCORD_APPLICATION_ID: APP_ID, DISCORD_TOKEN: 't' }, 'DISCORD_PUBLIC_KEY', /64-character hex/],
    ['a Discord public key that is not hex', { DISCORD_PUBLIC_KEY: 'g'.repeat(64), DISCORD_APPLICATION_ID: APP_ID, DISCORD_TOKEN: 't' }, 'DISCORD_PUBLIC_KEY', /64-character hex/],
    ['a Discord application id alone', { DISCORD_APPLICATION_ID: APP_ID }, 'DISCORD_TOKEN', /gateway mode/],
    ['a lease that is not a number', { SOJUSZ_LEASE_MS: 'soon' }, 'SOJUSZ_LEASE_MS', /from 1000 to 600000/],
    ['a lease one below the range', { SOJUSZ_LEASE_MS: '999' }, 'SOJUSZ_LEASE_MS', /from 1000 to 600000/],
    ['a lease one above the range', { SOJUSZ_LEASE_MS: '600001' }, 'SOJUSZ_LEASE_MS', /from 1000 to 600000/],
    ['a fractional lease', { SOJUSZ_LEASE_MS: '1500.5' }, 'SOJUSZ_LEASE_MS', /milliseconds/],
    ['zero shards', { SHARDS: '0' }, 'SHARDS', /from 1 to 10000, or auto/],
    ['shards that are not a number', { SHARDS: 'two' }, 'SHARDS', /from 1 to 10000, or auto/],
    ['a negative shard count', { SHARDS: '-2' }, 'SHARDS', /from 1 to 10000, or auto/],
    ['a shard id outside the count discord.js gave', { SHARDS: '2', SHARD_COUNT: '2' }, 'SHARDS', /from 0 to 1/],
    ['a port that is a word', { PORT: 'seventy' }, 'PORT', /from 0 to 65535/],
    ['a port one above the range', { PORT: '65536' }, 'PORT', /from 0 to 65535/],
    ['a fractional in-flight limit', { SOJUSZ_MAX_IN_FLIGHT: '1.5' }, 'SOJUSZ_MAX_IN_FLIGHT', /whole number/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of fatal, error/],
  ])('%s', (_what, env, variable, expected) => {
    const r = refusal(env);
    expect(r.variable).toBe(variable);
    expect(r.expected).toMatch(expected);
  });
});

describe('configuration accepts', () => {
  it('the Slack OAuth install in HTTP mode with its signing secret', () => {
    const c = loadConfig({ ...OAUTH, SLACK_SIGNING_SECRET: 's', PUBLIC_URL: 'https://bot.example.org' });
    expect(c.slackEnabled).toBe(true);
  });
  it('Socket Mode with one bot token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slackEnabled).toBe(true);
  });
  it('Discord HTTP interactions with token, application id and a 64-hex public key (pasted with spaces)', () => {
    const c = loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: ` ${PUBLIC_KEY.toUpperCase()} ` });
    expect(c.discordEnabled).toBe(true);
    expect(c.DISCORD_PUBLIC_KEY).toBe(PUBLIC_KEY.toUpperCase());
  });
  it('a lease exactly at either end of the range', () => {
    expect(loadConfig({ SOJUSZ_LEASE_MS: '1000' }).SOJUSZ_LEASE_MS).toBe(1_000);
    expect(loadConfig({ SOJUSZ_LEASE_MS: '600000' }).SOJUSZ_LEASE_MS).toBe(600_000);
    expect(loadConfig({}).SOJUSZ_LEASE_MS).toBeUndefined();
  });
  it('a shard count, auto, or nothing (auto)', () => {
    expect(loadConfig({ SHARDS: '3' }).shards).toBe(3);
    expect(loadConfig({ SHARDS: '10000' }).shards).toBe(10_000);
    expect(loadConfig({ SHARDS: 'auto' }).shards).toBe('auto');
    expect(loadConfig({}).shards).toBe('auto');
  });
  it('a shard process as discord.js starts it: SHARDS is its id, SHARD_COUNT the total', () => {
    expect(loadConfig({ SHARDS: '0', SHARD_COUNT: '2' }).shards).toBe(2);
    expect(loadConfig({ SHARDS: '1', SHARD_COUNT: '2' }).shards).toBe(2);
  });
  it('ports at either end of the range', () => {
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
    expect(loadConfig({ PORT: '65535' }).PORT).toBe(65_535);
  });
});

describe('the outbox lease read before the configuration', () => {
  it('is SOJUSZ_LEASE_MS when valid and the default otherwise (loadConfig refuses the invalid one at start)', () => {
    expect(leaseMsFrom({})).toBe(DEFAULT_LEASE_MS);
    expect(leaseMsFrom({ SOJUSZ_LEASE_MS: '5000' })).toBe(5_000);
    expect(leaseMsFrom({ SOJUSZ_LEASE_MS: 'NaN' })).toBe(DEFAULT_LEASE_MS);
    expect(leaseMsFrom({ SOJUSZ_LEASE_MS: '10' })).toBe(DEFAULT_LEASE_MS);
  });
});

describe('.env.example', () => {
  const lines = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8').split('\n');
  // SHARD_COUNT is set by discord.js in each shard process, never by a person.
  it.each(VARIABLES.filter((v) => v !== 'SHARD_COUNT'))('lists %s under a comment', (variable) => {
    const at = lines.findIndex((l) => new RegExp(`^(# )?${variable}=`).test(l));
    expect(at, `${variable} is missing from .env.example`).toBeGreaterThan(0);
    // Under a comment line, or in a group of variables that one comment describes.
    let above = at - 1;
    while (above > 0 && /^[A-Z_]+=/.test(lines[above]!)) above--;
    expect(lines[above]).toMatch(/^# /);
  });
});
