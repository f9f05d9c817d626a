// Rendering for Discord against its limits table, mention safety, and the command registration diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeUntrusted } from '../../../adapters/discord/render/escape.js';
import { DISCORD_LIMITS } from '../../../adapters/discord/render/limits.js';
import { buttonCustomId, fieldsEmbed, parseCustomId, renderMessage, renderSingle, richToMarkdown } from '../../../adapters/discord/render/message.js';
import { t } from '../../../src/i18n/index.js';
import { formToModal, toRawValues } from '../../../adapters/discord/render/modal.js';
import { registryPath, toDiscordCommand } from '../../../adapters/discord/commands/build.js';
import { registerCommands } from '../../../adapters/discord/commands/register.js';
import { buildRegistry } from '../../../commands/index.js';
import { makeRest } from '../../../adapters/discord/rest.js';
import { message, plain, textBlock, untrusted } from '../../../src/core/message.js';
import { FAKE_APPLICATION_ID, FAKE_GUILD_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { longForm, shortForm, testRegistry } from './registry.js';

const text = (n: number) => message(textBlock('x'.repeat(n)));

describe('Discord message limits', () => {
  it('keeps content of exactly 2000 characters in one message and splits 2001 into numbered parts', () => {
    expect(renderMessage(text(DISCORD_LIMITS.content))).toHaveLength(1);
    const parts = renderMessage(text(DISCORD_LIMITS.content + 1));
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => p.content!.length <= DISCORD_LIMITS.content)).toBe(true);
    expect(parts[0]!.content).toMatch(/\(1\/2\)$/);
    expect(parts[1]!.content).toMatch(/\(2\/2\)$/);
  });

  it('shortens an edited message over 2000 characters with a visible ellipsis', () => {
    expect(renderSingle(text(DISCORD_LIMITS.content)).content).toHaveLength(DISCORD_LIMITS.content);
    const one = renderSingle(text(DISCORD_LIMITS.content + 1)).content!;
    expect(one).toHaveLength(DISCORD_LIMITS.content);
    expect(one.endsWith('…')).toBe(true);
  });

  it('shows 25 fields as they are and 26 as 24 plus a visible "+2"', () => {
    const f = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `f${i}`, value: [plain('v')] }));
    expect(fieldsEmbed(f(25)).fields).toHaveLength(25);
    const cut = fieldsEmbed(f(26)).fields!;
    expect(cut).toHaveLength(25);
    expect(cut[24]).toEqual({ name: '…', value: '+2' });
  });

  it('keeps an anonymous post under its pseudonym within the 4096-character embed description', () => {
    const [p] = renderMessage({ ...message(textBlock([untrusted('y'.repeat(5000))])), persona: 'Colleague A' });
    expect(p!.embeds![0]!.author!.name).toBe('Colleague A');
    expect(p!.embeds![0]!.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(p!.content).toBeUndefined();
  });

  it('accepts a button id of exactly 100 characters and refuses 101', () => {
    expect(buttonCustomId('a', 'b'.repeat(98))).toHaveLength(100);
    expect(() => buttonCustomId('a', 'b'.repeat(99))).toThrow();
  });

  it('marks a button that asks first in its custom_id, and within 100 characters drops its server before the mark', () => {
    const confirm = { title: 'Hide case #7?', text: 'This cannot be undone.', confirm: 'Hide and delete', deny: 'Keep the case' };
    const [p] = renderMessage(message({ type: 'actions', buttons: [{ action: 'case.hide', value: '7', label: 'Hide the case', style: 'danger', confirm }] }), { team: FAKE_GUILD_ID });
    const id = (p!.components![0]!.components[0] as { custom_id: string }).custom_id;
    expect(id).toBe(`@${FAKE_GUILD_ID}/?/case.hide|7`);
    expect(parseCustomId(id)).toEqual({ action: 'case.hide', value: '7', team: FAKE_GUILD_ID, ask: true });
    // A button rendered before the words were the action's carries a words key: it still asks.
    expect(parseCustomId(`@${FAKE_GUILD_ID}/?Ab3-x_9z/case.hide|7`)).toEqual({ action: 'case.hide', value: '7', team: FAKE_GUILD_ID, ask: true });
    // Tight: the mark stays whatever else must go; a button that asks first never acts on the press.
    const value = 'b'.repeat(96);
    expect(buttonCustomId('a', value, FAKE_GUILD_ID, { ask: true })).toBe(`?/a|${value}`);
    expect(parseCustomId(`?/a|${value}`)).toEqual({ action: 'a', value, ask: true });
    expect(() => buttonCustomId('a', 'b'.repeat(97), undefined, { ask: true })).toThrow();
    expect(parseCustomId(buttonCustomId('case.hide', '7', undefined, { confirmed: '1100000000000000999' }))).toEqual({ action: 'case.hide', value: '7', confirmed: '1100000000000000999' });
  });

  it('sends a chart as an attached PNG shown in an embed', () => {
    const [p] = renderMessage(message({ type: 'image', png: Buffer.from([1, 2]).toString('base64'), alt: 'trend' }));
    expect(p!.files![0]!.name).toBe('chart.png');
    expect(p!.embeds![0]!.image!.url).toBe('attachment://chart.png');
  });
});

describe('untrusted text on Discord', () => {
  it('cannot ping a person, a role, everyone or here', () => {
    const out = escapeUntrusted('@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> <<@123456789012345678>>');
    expect(out).not.toMatch(/<@|@everyone|@here/);
  });

  it('marks a value inside a catalogue’s bold or code once, together with the words around it', () => {
    const item = richToMarkdown(t('pl', 'prompts.list.item', { id: 7, channel: 'refleksja', rhythm: 'pt. 09:00', themes: 'więź', next: 'jutro' }));
    expect(item.startsWith('**#7** · ')).toBe(true);
    expect(richToMarkdown(t('en', 'args.example', { example: '/reflect pause 1' }))).toBe('For example: `/reflect pause 1`');
  });

  it('cannot format: markdown characters are escaped, and a link typed by a member stays whole', () => {
    expect(escapeUntrusted('**bold** [x](http://e.vil)')).toBe('\\*\\*bold\\*\\* \\[x\\]\\(http://e.vil)');
  });

  it.each([
    ['a Meet link', 'https://meet.google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij'],
    ['a Zoom link with its password', 'Zoom: https://zoom.us/j/1?pwd=Ab_Cd#x', 'Zoom: https://zoom.us/j/1?pwd=Ab_Cd#x'],
    ['a link in parentheses (Discord leaves the ")" out of it)', '(see https://x.pl/a_b)', '\\(see https://x.pl/a_b)'],
    ['a link in angle brackets (no preview)', '<https://x.pl/a-b>', '<https://x.pl/a-b>'],
    ['a mention glued to a link', 'https://x.pl/<@123456789012345678>', 'https://x.pl/@123456789012345678'],
    ['a masked link after a link', 'https://x.pl/)[y](https://e.vil)', 'https://x.pl/)[y](https://e.vil)'],
    ['emphasis around a link', '*https://x.pl/*', '\\*https://x.pl/*'],
    ['something Discord would not link', 'https://* _x_', 'https://\\* \\_x\\_'],
    ['a numbered line before a link', '1. https://x.pl', '1\\. https://x.pl'],
  ])('keeps %s working and inert', (_what, typed, shown) => {
    expect(escapeUntrusted(typed)).toBe(shown);
  });

  it('escapes a link whole inside the label of a masked link, where a "](" would end the label', () => {
    const md = richToMarkdown([{ text: 'https://a.pl/](https://e.vil)', untrusted: true, link: 'https://ok.pl' }]);
    expect(md).toBe('[https://a.pl/\\]\\(https://e.vil\\)](https://ok.pl)');
  });

  it('sets allowed_mentions to none on every rendered message', () => {
    for (const p of renderMessage(text(4500))) expect(p.allowed_mentions).toMatchObject({ parse: [], users: [], roles: [] });
  });
});

describe('forms as Discord modals', () => {
  it('shows at most five inputs per modal with labels within 45 characters', () => {
    const form = { ...longForm(), fields: longForm().fields.map((f) => ({ ...f, label: 'L'.repeat(46) })) };
    const m = formToModal(form, 0, 'id', 'en');
    expect(m.components).toHaveLength(DISCORD_LIMITS.modalComponents);
    expect((m.components[0] as any).components[0].label).toHaveLength(DISCORD_LIMITS.inputLabel);
    expect(formToModal(form, 1, 'id', 'en').components).toHaveLength(2);
  });

  it('maps a typed choice number or label to the option value', () => {
    const fields = [{ id: 'c', kind: 'choice' as const, label: 'C', options: [{ value: 'yes', label: 'Tak' }, { value: 'no', label: 'Nie' }] }];
    expect(toRawValues(fields, { c: '2' })).toEqual({ c: 'no' });
    expect(toRawValues(fields, { c: 'tak' })).toEqual({ c: 'yes' });
    expect(toRawValues(fields, { c: 'maybe' })).toEqual({ c: 'maybe' });
    expect(formToModal(shortForm(), 0, 'id', 'pl').components).toHaveLength(2);
  });
});

describe('application commands from the registry', () => {
  it('maps subcommands, groups, choices and Polish localizations', () => {
    const sojusz = toDiscordCommand(testRegistry().commands.find((c) => c.name === 'sojusz')!);
    expect(sojusz.description_localizations?.pl).toBeTruthy();
    const names = sojusz.options!.map((o) => o.name);
    expect(names).toContain('help');
    expect(names).not.toContain('open'); // the bare /sojusz is help, offered once
    const team = sojusz.options!.find((o) => o.name === 'team')!;
    expect(team.type).toBe(2);
    const lang = team.options!.find((o) => o.name === 'language')!;
    expect(lang.options![0]!.choices!.map((c) => c.value)).toEqual(['pl', 'en']);
    expect(lang.options![0]!.choices![0]!.name_localizations?.pl).toBeTruthy();
    const probe = toDiscordCommand(testRegistry().commands.find((c) => c.name === 'probe')!);
    expect(probe.options!.map((o) => o.name)).toContain('open');
  });

  it('offers every subcommand of every command in two levels, and maps each back to itself', () => {
    for (const cmd of [...testRegistry().commands, ...buildRegistry().commands]) {
      const json = toDiscordCommand(cmd);
      // Discord refuses two options of one name at one level, in English or in Polish.
      for (const level of [json.options ?? [], ...(json.options ?? []).map((o) => o.options ?? [])]) {
        expect(new Set(level.map((o) => o.name)).size, `${cmd.name}: ${level.map((o) => o.name)}`).toBe(level.length);
        const pl = level.map((o) => o.name_localizations?.pl ?? o.name);
        expect(new Set(pl).size, `${cmd.name}: ${pl}`).toBe(level.length);
      }
      // Every Discord path a member can type: subcommand, or group › subcommand.
      const offered = (json.options ?? []).flatMap((o) =>
        o.type === 2 ? o.options!.map((leaf) => ({ path: [o.name, leaf.name], pl: [o.name_localizations?.pl ?? o.name, leaf.name_localizations?.pl ?? leaf.name] })) : o.type === 1 ? [{ path: [o.name], pl: [o.name_localizations?.pl ?? o.name] }] : [],
      );
      const back = offered.map((o) => registryPath(cmd, o.path).join(' '));
      const expected = Object.keys(cmd.subcommands).filter((p) => !(p === '' && offered.length < Object.keys(cmd.subcommands).length));
      if (offered.length) expect(back.sort(), cmd.name).toEqual(expected.sort());
      for (const o of offered) {
        expect(new Set(offered.map((x) => x.path.join(' '))).size, cmd.name).toBe(offered.length);
        for (const n of [...o.path, ...o.pl]) expect(n, `${cmd.name} ${o.path.join(' ')}`).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      }
    }
    // The three-word paths keep their middle word, in both languages.
    const sojusz = toDiscordCommand(testRegistry().commands.find((c) => c.name === 'sojusz')!);
    const team = sojusz.options!.find((o) => o.name === 'team')!;
    expect(team.name_localizations?.pl).toBe('zespół');
    const add = team.options!.find((o) => o.name === 'facilitator-add')!;
    expect(add.name_localizations?.pl).toBe('prowadzący-dodaj');
    expect(team.options!.map((o) => o.name)).toContain('retention-autochecks');
  });

  describe('registration against Discord', () => {
    let fake: FakeDiscord;
    beforeAll(async () => {
      fake = await startFakeDiscord();
    });
    afterAll(() => fake.close());

    it('creates what is missing, then changes nothing on a second run', async () => {
      const rest = makeRest('fake-token', fake.apiUrl);
      const first = await registerCommands(rest, FAKE_APPLICATION_ID, testRegistry(), FAKE_GUILD_ID);
      expect(first.created).toEqual(expect.arrayContaining(['probe', 'sojusz']));
      fake.clear();
      const second = await registerCommands(rest, FAKE_APPLICATION_ID, testRegistry(), FAKE_GUILD_ID);
      expect(second).toMatchObject({ created: [], updated: [], removed: [] });
      expect(fake.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
    });

    it('updates only the command that changed and removes one no longer declared', async () => {
      const rest = makeRest('fake-token', fake.apiUrl);
      const reg = testRegistry();
      const probe = reg.commands.find((c) => c.name === 'probe')!;
      const changed = { ...reg, commands: [{ ...probe, description: { en: 'Changed', pl: 'Zmienione' } }] };
      const report = await registerCommands(rest, FAKE_APPLICATION_ID, changed, FAKE_GUILD_ID);
      expect(report).toMatchObject({ created: [], updated: ['probe'] });
      expect(report.removed).toContain('sojusz');
      const again = await registerCommands(rest, FAKE_APPLICATION_ID, changed, FAKE_GUILD_ID);
      expect(again).toMatchObject({ created: [], updated: [], removed: [], unchanged: ['probe'] });
    });

    it('registers every command the bot declares, then changes nothing on a second run', async () => {
      const rest = makeRest('fake-token', fake.apiUrl);
      const registry = buildRegistry();
      const first = await registerCommands(rest, FAKE_APPLICATION_ID, registry, FAKE_GUILD_ID);
      expect(first.created.sort()).toEqual(registry.commands.map((c) => c.name).sort());
      fake.clear();
      const second = await registerCommands(rest, FAKE_APPLICATION_ID, registry, FAKE_GUILD_ID);
      expect(second).toMatchObject({ created: [], updated: [], removed: [] });
    });
  });
});
