// Overload on Discord: with every place taken, a command gets a private "busy, try again" and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', maxInFlight: 1 });
});
afterAll(async () => h?.close());

describe('a Discord bot with more commands than it can handle in time', () => {
  it('answers privately in both languages while full, and opens the form once a place is free', async () => {
    expect(h.bot.admission.tryEnter()).toBe(true); // another member's command is being handled
    const busy = await h.slash(h.anna, 'autocheck');
    expect(busy.initial.type).toBe(4);
    expect(busy.initial.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(String(busy.initial.data!.content)).toContain('Spróbuj proszę za minutę');
    expect(String(busy.initial.data!.content)).toContain('Please try again in a minute');
    h.bot.admission.leave();
    const form = await h.slash(h.anna, 'autocheck');
    expect(form.initial.type).toBe(9); // the modal
  });
});
