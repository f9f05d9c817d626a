// Our words name commands as Slack spells them; on Discord they must read as Discord offers them.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { commandSpeller, respellCommands } from '../../../adapters/discord/commands/spelling.js';
import { renderMessage } from '../../../adapters/discord/render/message.js';
import { message, textBlock } from '../../../src/core/message.js';
import { t } from '../../../src/i18n/index.js';

const spell = commandSpeller(buildRegistry());

describe('commands named in messages, spelled for Discord', () => {
  it.each([
    ['/reflect me off', '/reflect me-off'],
    ['/reflect ja off', '/reflect ja-wyłącz'],
    ['/supervision topic remove 3', '/supervision topic-remove 3'],
    ['/supervision temat usuń 3', '/supervision temat-usuń 3'],
    ['/supervision hours fix <number> <hours>', '/supervision hours-fix <number> <hours>'],
    ['/sojusz team facilitator add <member>', '/sojusz team facilitator-add <member>'],
    ['/reflect wolne dodaj 2026-12-24', '/reflect święto dodaj 2026-12-24'],
    ['/reflect holiday add 2026-12-24', '/reflect holiday add 2026-12-24'],
    ['/supervision topic a client who keeps cancelling', '/supervision topic a client who keeps cancelling'],
    ['/reflect me friday 08:30', '/reflect me friday 08:30'],
    ['/invite @Sojusz', '/invite @Sojusz'],
    ['/case', '/case open'],
    ['/autocheck', '/autocheck open'],
    ['/sojusz', '/sojusz help'],
    ['/sojusz <subcommand>', '/sojusz <subcommand>'],
    ['/guide', '/guide'],
    ['/guide repair', '/guide repair'],
  ])('%s → %s', (slack, discord) => {
    expect(spell(slack)).toBe(discord);
  });

  it.each([
    ['/reflect ja off', 'en', '/reflect me-off'],
    ['/reflect me off', 'pl', '/reflect ja-wyłącz'],
    ['/case', 'pl', '/case otwórz'],
    ['/sojusz', 'pl', '/sojusz pomoc'],
    ['/reflect holiday add 2026-12-24', 'pl', '/reflect święto dodaj 2026-12-24'],
  ] as const)('%s for a Discord in %s → %s', (written, names, discord) => {
    expect(spell(written, names)).toBe(discord);
  });

  it('respells only code spans that name a command, in the words of both catalogues', () => {
    expect(respellCommands('Wpisz `/reflect ja off` albo `09:00`, nie \\`/reflect me off\\`', spell)).toBe('Wpisz `/reflect ja-wyłącz` albo `09:00`, nie \\`/reflect me off\\`');
    const [pl] = renderMessage(message(textBlock(t('pl', 'prompts.me.set', { rhythm: 'co tydzień', zone: 'Europe/Warsaw', next: 'piątek' }))), { spell });
    expect(pl!.content).toContain('`/reflect ja-wyłącz`');
    const [plain] = renderMessage(message(textBlock(t('pl', 'prompts.me.set', { rhythm: 'co tydzień', zone: 'Europe/Warsaw', next: 'piątek' }))));
    expect(plain!.content).toContain('`/reflect ja wyłącz`'); // unspelled, as Slack and the playground show it
  });
});
