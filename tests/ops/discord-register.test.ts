// `npm run discord:register` as an operator meets it: --help only helps, --dry-run changes nothing, and Discord's
// refusals are one line naming the variable to fix (exit code 2), never a stack trace.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/server.js';
import { run } from './run.js';

const TOKEN = 'the-current-bot-token';
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
});
afterAll(() => fake?.close());

const register = (args: string[], env: Record<string, string> = {}) =>
  run('adapters/discord/register-cli.ts', { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, ...env }, { args });
const commandsCalls = () => fake.calls.filter((c) => c.path.includes('/commands'));

describe('npm run discord:register', { timeout: 120_000 }, () => {
  it('prints its usage for --help and calls Discord not at all, even with the tokens set', async () => {
    const before = fake.calls.length;
    const r = await register(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run discord:register \[-- --guild <guild id>\] \[--dry-run\]/);
    expect(fake.calls.length).toBe(before);
  });

  it('prints what would change with --dry-run, and writes nothing', async () => {
    const r = await register(['--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Discord commands \(global\), dry run: nothing changed\nwould be created: \/sojusz, /);
    expect(commandsCalls().map((c) => c.method)).toEqual(['GET']);
  });

  it('names DISCORD_TOKEN in one line with exit code 2 when Discord refuses the token', async () => {
    const r = await register([], { DISCORD_TOKEN: 'a-reset-token' });
    expect(r.stderr).toBe('discord:register: DISCORD_TOKEN — Discord refused it (401): copy the bot token again (Developer Portal → Bot → Reset Token)\n');
    expect(r.status).toBe(2);
  });

  it('names DISCORD_API_URL in one line with exit code 2 when nothing answers there', async () => {
    const r = await register(['--dry-run'], { DISCORD_API_URL: 'http://127.0.0.1:1/api' });
    expect(r.stderr).toBe('discord:register: DISCORD_API_URL — Discord did not answer at http://127.0.0.1:1/api (ECONNREFUSED): check the URL and the network\n');
    expect(r.status).toBe(2);
  });

  it('names DISCORD_API_URL in one line with exit code 2 when the server there hangs up without an answer', async () => {
    // @discordjs/rest alone never settles such a request (node ended with code 13, nothing said); makeRest's bound
    // ends it (adapters/discord/rest.ts). A server that never answers at all ends alike, after the bound.
    const hangUp = createServer((s) => s.destroy());
    await new Promise<void>((ok) => hangUp.listen(0, '127.0.0.1', () => ok()));
    const url = `http://127.0.0.1:${(hangUp.address() as AddressInfo).port}/api`;
    try {
      const r = await register([], { DISCORD_API_URL: url });
      expect(r.stderr).toMatch(new RegExp(`^discord:register: DISCORD_API_URL — Discord did not answer at ${url} \\([A-Za-z_ ]+\\): check the URL and the network\n$`));
      expect(r.status).toBe(2);
    } finally {
      await new Promise((ok) => hangUp.close(ok));
    }
  });

  it('names DISCORD_APPLICATION_ID in one line with exit code 2 when it is not this bot’s application', async () => {
    const r = await register([], { DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(r.stderr).toBe("discord:register: DISCORD_APPLICATION_ID — no access (50001): set it to this bot's application id (General Information → Application ID)\n");
    expect(r.status).toBe(2);
  });
});
