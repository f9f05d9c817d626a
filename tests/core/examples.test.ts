// Every example a usage answer shows must work as typed, in both languages: it names its own subcommand (in Polish
// by its Polish name where it has one) and its words parse.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { matchSubcommand, parseOptions, tokenize } from '../../src/core/args.js';
import { exampleLine } from '../../src/core/registry.js';
import { hasKey } from '../../src/i18n/index.js';
import { usageLine } from '../../src/core/args.js';

describe('usage examples', () => {
  const registry = buildRegistry();
  const cases = registry.commands.flatMap((cmd) =>
    Object.entries(cmd.subcommands).flatMap(([path, sub]) => {
      const line = exampleLine(cmd, path, sub);
      if (!line) return [];
      return (['pl', 'en'] as const).map((lang) => ({ cmd, path, sub, lang, text: line[lang], worded: typeof sub.example !== 'string' }));
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
    if (c.lang === 'pl' && c.worded) expect(c.text).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\b(temat|dziennik|dodaj|odpowiedz|teraz|naprawa|tygodni)\b/);
  });

  it('usage lines name every option in the member’s language', () => {
    for (const cmd of registry.commands)
      for (const sub of Object.values(cmd.subcommands)) {
        for (const n of Object.keys(sub.options ?? {})) expect(hasKey(`args.placeholder.${n}`), `a placeholder for ${n}`).toBe(true);
      }
    const schedule = registry.commands.find((c) => c.name === 'reflect')!.subcommands['schedule']!;
    expect(usageLine(registry.commands.find((c) => c.name === 'reflect')!, 'schedule', schedule)).toEqual({
      pl: '/reflect zaplanuj <kanał> <dzień> <godzina> [co <N>] [strefa <strefa>] [<tematy…>]',
      en: '/reflect schedule <channel> <weekday> <time> [every <N>] [tz <zone>] [<themes…>]',
    });
  });
});
