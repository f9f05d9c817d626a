// Commands named in the bot's answers on Discord are ones the member's own command picker offers: a bare command is
// the subcommand Discord registers for it, and names are Polish only for a member whose Discord is in Polish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordPort } from '../../../adapters/discord/port.js';
import { message, textBlock } from '../../../src/core/message.js';
import { tx } from '../../../src/i18n/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

const json = (x: unknown) => JSON.stringify(x);

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http' });
}, 120_000);
afterAll(() => h?.close());

const help = async (who: DiscordHarness['ben'], command: string) => json(await h.answers(await h.slash(who, 'sojusz', { command }, { path: ['help'] })));

describe('a bare command named on Discord', () => {
  it('is the subcommand Discord offers for it in help: /case open, /autocheck otwórz', async () => {
    const en = await help(h.ben, 'case');
    expect(en).toContain('`/case open` — Write a case');
    expect(en).not.toContain('`/case` —');
    const pl = await help(h.anna, 'autocheck');
    expect(pl).toContain('`/autocheck otwórz` —');
    expect(pl).not.toContain('`/autocheck` —');
  });

  it('is /sojusz help where the bare command is help, listed once', async () => {
    const en = await help(h.ben, 'sojusz');
    const lines = JSON.parse(en)[0].content.split('\n').filter((l: string) => l.startsWith('•'));
    expect(lines.some((l: string) => l.startsWith('• `/sojusz help'))).toBe(true);
    expect(new Set(lines.map((l: string) => l.split(' — ')[0])).size).toBe(lines.length);
  });

  it('is the open subcommand in the answers that point to it', async () => {
    const r = await h.slash(h.ben, 'autocheck', {}, { path: ['history'] });
    expect(json(await h.answers(r))).toContain('`/autocheck open`');
  });
});

describe('command names in the member’s client language', () => {
  it('names English commands in Polish words for a member whose Discord is in English', async () => {
    await h.answers(await h.slash(h.ben, 'sojusz', { lang: 'pl' }, { path: ['language'] }));
    const text = await help(h.ben, 'reflect');
    expect(text).toContain(tx('pl', 'prompts.description')); // the answer is in Polish: the member chose it
    expect(text).toContain('`/reflect me-off`');
    expect(text).not.toContain('ja-wyłącz');
    await h.answers(await h.slash(h.ben, 'sojusz', { lang: 'en' }, { path: ['language'] }));
  });

  it('names Polish commands for a member whose Discord is in Polish', async () => {
    const text = await help(h.anna, 'reflect');
    expect(text).toContain('`/reflect ja-wyłącz`');
  });

  it('names commands in a DM as the member’s Discord last showed them', async () => {
    const port = h.bot.ports.get('discord') as DiscordPort;
    const words = message(textBlock('Aby wyłączyć: `/reflect ja wyłącz`.'));
    await h.answers(await h.slash(h.ben, 'sojusz', { command: 'case' }, { path: ['help'] }));
    await port.direct({ team: h.guild, id: h.ben.id }, words);
    await port.direct({ team: h.guild, id: '1100000000000000777' }, words);
    const dms = h.fake.callsTo('POST', /^\/channels\/\d+\/messages$/).map((c) => String(c.body?.content ?? ''));
    expect(dms.filter((c) => c.includes('/reflect me-off'))).toHaveLength(1);
    // Nobody seen yet: as the words were written.
    expect(dms.filter((c) => c.includes('/reflect ja-wyłącz'))).toHaveLength(1);
  });
});

describe('subcommands listed when the one sent is unknown', () => {
  it('are named as Discord offers them, each a command of its own', async () => {
    const pl = json(await h.answers(await h.slash(h.anna, 'reflect', {}, { path: ['bogus'] })));
    expect(pl).toContain('nie ma polecenia');
    expect(pl).toContain('`/reflect ja-wyłącz`');
    expect(pl).not.toContain('ja wyłącz');
    const en = json(await h.answers(await h.slash(h.ben, 'supervision', {}, { path: ['bogus'] })));
    expect(en).toContain('`/supervision topic-remove`');
  });
});
