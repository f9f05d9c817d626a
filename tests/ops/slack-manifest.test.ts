// `npm run slack:manifest` as an operator meets it: nothing to paste into Slack that points nowhere.
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

describe('npm run slack:manifest', { timeout: 120_000 }, () => {
  it('leaves the OAuth redirect URL out in Socket Mode', async () => {
    const r = await run('adapters/slack/manifest-cli.ts', {}, { args: ['--socket'] });
    expect(r.status).toBe(0);
    const manifest = JSON.parse(r.stdout) as { oauth_config: Record<string, unknown> };
    expect(manifest.oauth_config).not.toHaveProperty('redirect_urls');
    expect(manifest.oauth_config.scopes).toBeDefined();
    expect(r.stdout).not.toContain('example.invalid');
  });

  it('refuses a --url without https:// in one line with exit code 2', async () => {
    const r = await run('adapters/slack/manifest-cli.ts', {}, { args: ['--url', 'bot.example.org'] });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("slack:manifest: --url — expected the bot's public base URL starting with https://, e.g. https://bot.example.org (got bot.example.org)\n");
  });

  it('keeps the redirect URL over HTTP', async () => {
    const r = await run('adapters/slack/manifest-cli.ts', {}, { args: ['--url', 'https://bot.example.org'] });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ oauth_config: { redirect_urls: ['https://bot.example.org/slack/oauth_redirect'] } });
  });
});
