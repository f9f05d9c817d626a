// An example followed on Discord: the whole line typed into the command's first field is read as the line it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

const json = (x: unknown) => JSON.stringify(x);

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'gateway' });
}, 120_000);
afterAll(() => h?.close());

describe('an example line typed into one field on Discord', () => {
  it('logs supervision hours typed as “1.5 group 2026-03-02” in the hours field', async () => {
    const r = await h.slash(h.ben, 'supervision', { hours: '1.5 group 2026-03-02' }, { path: ['log'] });
    const [answer] = await h.answers(r);
    expect(answer!.content).toMatch(/^Logged 1\\\.5 hours of group supervision on 2026\\-03\\-02/);
    expect(json(answer)).not.toContain('not a number');
  });

  it('sets personal prompts from “piątek 08:30” typed as the weekday, and names how to stop them as Discord does', async () => {
    const [answer] = await h.answers(await h.slash(h.anna, 'reflect', { weekday: 'piątek 08:30' }, { path: ['me'] }));
    expect(answer!.content).toContain('Gotowe');
    expect(answer!.content).toContain('`/reflect ja-wyłącz`');
    expect(answer!.content).not.toContain('Brakuje');
  });
});
