// What a member's command picker shows: every option in the picker's language, descriptions whole within 100 characters.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { toDiscordCommand, type OptionJson } from '../../../adapters/discord/commands/build.js';

const commands = buildRegistry().commands.map(toDiscordCommand);
/** Every option list of every subcommand (or of a command without subcommands), with where it is. */
const optionLists = commands.flatMap((c) => {
  const out: { where: string; options: OptionJson[] }[] = [];
  const walk = (where: string, opts: OptionJson[] | undefined) => {
    const leaves = (opts ?? []).filter((o) => o.type !== 1 && o.type !== 2);
    if (leaves.length) out.push({ where, options: leaves });
    for (const o of opts ?? []) if (o.type === 1 || o.type === 2) walk(`${where} ${o.name}`, o.options);
  };
  walk(`/${c.name}`, c.options);
  return out;
});
const find = (path: string) => optionLists.find((l) => l.where === path)!.options;

describe('the command picker on Discord', () => {
  it('names every option in Polish for a Polish client, each name once per subcommand', () => {
    for (const { where, options } of optionLists) {
      const pl = options.map((o) => o.name_localizations?.pl ?? o.name);
      expect(new Set(pl).size, where).toBe(pl.length);
      for (const o of options) expect(o.name_localizations?.pl, `${where} ${o.name}`).toBeTruthy();
    }
    const pl = (path: string) => Object.fromEntries(find(path).map((o) => [o.name, o.name_localizations?.pl]));
    expect(pl('/reflect schedule')).toMatchObject({ channel: 'kanał', weekday: 'dzień', time: 'godzina' });
    expect(pl('/supervision schedule')).toMatchObject({ channel: 'kanał', weekday: 'dzień', time: 'godzina', where: 'gdzie' });
  });

  it('keeps every description whole: “(facilitators only)” is left out where the two do not fit', () => {
    const descriptions = commands.flatMap((c) => {
      const out: string[] = [];
      const walk = (o: { description: string; description_localizations?: Record<string, string>; options?: OptionJson[] }) => {
        out.push(o.description, ...Object.values(o.description_localizations ?? {}));
        for (const child of o.options ?? []) walk(child);
      };
      walk(c);
      return out;
    });
    for (const d of descriptions) {
      expect(d.length, d).toBeLessThanOrEqual(100);
      expect(d, d).not.toMatch(/\((?:facilit|tylko)[^)]*…$/);
    }
    const team = commands.find((c) => c.name === 'sojusz')!.options!.find((o) => o.name === 'team')!;
    const leaf = team.options!.find((o) => o.name === 'case-min-members')!;
    expect(leaf.description).toMatch(/\(default 4\)$/);
    expect(leaf.description_localizations!.pl).toMatch(/\(domyślnie 4\)$/);
  });

  it('gives the moderation channel an example of its own', () => {
    expect(find('/sojusz team mod-channel')[0]!.description).toContain('#moderation');
    expect(find('/sojusz team mod-channel')[0]!.description_localizations!.pl).toContain('#moderacja');
  });
});
