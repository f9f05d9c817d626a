// A platform that is busy or briefly out of reach while the bot answers: the member is asked to try again in a
// minute, not given a bug's apology; a failure retrying cannot mend is still a bug, with its reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import { PlatformError } from '../../src/core/errors.js';
import { command } from '../../src/core/registry.js';
import { anna, makeBot, type TestBot } from '../helpers/bot.js';

const d = { en: 'Test probe', pl: 'Sonda testowa' };
let tb: TestBot;
beforeAll(async () => {
  const registry = withPlatforms(buildRegistry());
  registry.commands.push(
    command({
      name: 'probe',
      description: d,
      subcommands: {
        unavailable: { description: d, run: () => Promise.reject(new PlatformError('memory', 'service_unavailable')) },
        limited: { description: d, run: () => Promise.reject(new PlatformError('memory', 'ratelimited', undefined, 5)) },
        refused: { description: d, run: () => Promise.reject(new PlatformError('memory', 'invalid_blocks', undefined, undefined, false)) },
      },
    }),
  );
  tb = await makeBot({ registry });
});
afterAll(() => tb.close());

const errorsLogged = () => tb.logs.filter((l) => JSON.parse(l).level >= 50).length;

describe('the platform failing in the middle of an answer', () => {
  it.each(['unavailable', 'limited'])('asks to try again in a minute when the platform was %s, and logs no bug', async (sub) => {
    const before = errorsLogged();
    const answer = await tb.mem.ask(anna, `/probe ${sub}`);
    expect(answer).toContain('Spróbuj proszę za minutę');
    expect(answer).not.toContain('coś poszło nie tak');
    expect(errorsLogged()).toBe(before);
  });

  it('answers a refusal that retrying cannot mend as a bug, with a reference to quote', async () => {
    const before = errorsLogged();
    expect(await tb.mem.ask(anna, '/probe refused')).toMatch(/coś poszło nie tak.*[0-9A-F]{8}/s);
    expect(errorsLogged()).toBe(before + 1);
  });
});
