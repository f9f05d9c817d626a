// Every example a usage answer shows must work as typed: it names its own subcommand and its words parse.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { matchSubcommand, parseOptions, tokenize } from '../../src/core/args.js';
import { exampleLine } from '../../src/core/registry.js';

describe('usage examples', () => {
  const registry = buildRegistry();
  const cases = registry.commands.flatMap((cmd) =>
    Object.entries(cmd.subcommands).flatMap(([path, sub]) => {
      const line = exampleLine(cmd, sub);
      if (!line) return [];
      const lines = typeof line === 'string' ? [['any', line]] : [['pl', line.pl], ['en', line.en]];
      return lines.map(([lang, text]) => ({ cmd, path, sub, lang: lang!, text: text! }));
    }),
  );

  it('exist for most subcommands with options', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [`${c.text} (${c.lang})`, c] as const))('%s', (_name, c) => {
    const words = tokenize(c.text.replace(`/${c.cmd.name}`, ''));
    const m = matchSubcommand(c.cmd, words);
    expect(m?.path, 'the example names its own subcommand').toBe(c.path);
    expect(() => parseOptions(m!.sub, m!.rest)).not.toThrow();
    // The Polish example is written in Polish where it carries words; the English one in English.
    if (c.lang === 'pl') expect(c.text).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\b(temat|dziennik|dodaj|odpowiedz)\b/);
  });
});
