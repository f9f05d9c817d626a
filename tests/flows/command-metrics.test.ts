// sojusz_commands_total as an operator reads it on /metrics: one series per declared command and outcome, whatever
// was typed; forms and buttons are not commands (their bugs count in sojusz_errors_total).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import { PlatformError } from '../../src/core/errors.js';
import { command } from '../../src/core/registry.js';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

const d = { en: 'Test probe', pl: 'Sonda testowa' };
let tb: TestBot;
beforeAll(async () => {
  const registry = withPlatforms(buildRegistry());
  registry.commands.push(
    command({
      name: 'probe',
      description: d,
      subcommands: {
        fine: { description: d, run: () => Promise.resolve() },
        broken: { description: d, run: () => Promise.reject(new Error('a bug')) },
        unavailable: { description: d, run: () => Promise.reject(new PlatformError('memory', 'service_unavailable')) },
      },
    }),
  );
  tb = await makeBot({ registry });
});
afterAll(() => tb.close());

/** The sojusz_commands_total lines of the /metrics text, without the HELP and TYPE lines. */
async function commandLines(): Promise<string[]> {
  const text = await tb.bot.metrics.registry.metrics();
  return text.split('\n').filter((l) => l.startsWith('sojusz_commands_total{'));
}
const count = (lines: string[], command: string, outcome: string) =>
  Number(lines.find((l) => l.startsWith(`sojusz_commands_total{command="${command}",outcome="${outcome}"}`))?.split(' ')[1] ?? 0);

describe('sojusz_commands_total', () => {
  it('counts each outcome of a command under its declared name: ok, user-error, bug, platform-busy', async () => {
    await tb.mem.ask(anna, '/probe fine');
    await tb.mem.ask(anna, '/probe broken');
    await tb.mem.ask(anna, '/probe nonsense');
    await tb.mem.ask(anna, '/probe unavailable');
    const lines = await commandLines();
    expect(count(lines, 'probe', 'ok')).toBe(1);
    expect(count(lines, 'probe', 'bug')).toBe(1);
    expect(count(lines, 'probe', 'user-error')).toBe(1);
    expect(count(lines, 'probe', 'platform-busy')).toBe(1);
  });

  it('counts a command typed in capitals, and a mistake in its arguments, under the declared name', async () => {
    const before = await commandLines();
    await tb.mem.ask(ben, '/sojusz language klingon');
    await tb.mem.ask(anna, '/Guide');
    const lines = await commandLines();
    expect(count(lines, 'sojusz', 'user-error')).toBe(count(before, 'sojusz', 'user-error') + 1);
    expect(count(lines, 'guide', 'ok')).toBe(count(before, 'guide', 'ok') + 1);
    expect(lines.join('\n')).not.toMatch(/command="(Guide|command:|form:|button:)/);
  });

  it('counts commands that do not exist under one label, never as typed', async () => {
    const before = await commandLines();
    await tb.mem.ask(anna, '/sojuszz help');
    await tb.mem.ask(anna, '/anything-at-all');
    // A Polish name of a command (it answers "did you mean /guide?") is not that command either.
    await tb.mem.ask(anna, '/przewodnik');
    const lines = await commandLines();
    expect(count(lines, 'unknown', 'user-error')).toBe(count(before, 'unknown', 'user-error') + 3);
    expect(lines.join('\n')).not.toMatch(/sojuszz|anything-at-all|przewodnik/);
  });

  it('does not count forms or buttons as commands', async () => {
    const before = await commandLines();
    await tb.mem.submit(anna, 'a-form-from-an-older-version', {});
    await tb.mem.click(anna, 'a-button-from-an-older-version');
    // Each still answered, in words.
    expect(tb.mem.privateTo(anna.id).slice(-2).join('\n')).toMatch(/starszej wersji Sojusza[\s\S]*starszej wiadomości/);
    expect(await commandLines()).toEqual(before);
  });
});
