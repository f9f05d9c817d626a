// Editing a message that was posted in parts: the parts' ids the outbox keeps stay valid through any number of edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordPort } from '../../../adapters/discord/port.js';
import { message, textBlock, type Message } from '../../../src/core/message.js';
import type { MessageRef } from '../../../src/core/port.js';
import type { ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
let port: DiscordPort;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http' });
  port = h.bot.ports.get('discord') as DiscordPort;
}, 120_000);
afterAll(() => h?.close());

/** A reminder of `n` lines of about 100 characters, with its RSVP buttons: 30 lines take two Discord messages. */
const reminder = (n: number, tag: string): Message =>
  message(
    textBlock(Array.from({ length: n }, (_, i) => `${tag} line ${i + 1}: ${'agenda '.repeat(13)}`).join('\n')),
    { type: 'actions', buttons: [{ action: 'supervision.rsvp', value: 'coming', label: 'Coming' }, { action: 'supervision.rsvp', value: 'not', label: 'Not this time' }] },
  );
const stored = (id: string) => h.fake.messagesIn(h.channel).find((m) => m.id === id)!;
const labels = (m: ApiObject) => (m.components as ApiObject[]).flatMap((row) => row.components as ApiObject[]).map((b) => b.label);

describe('editing a Discord message posted in parts', () => {
  let ref: MessageRef;

  it('posts 30 lines in two parts, buttons on the last', async () => {
    ref = await port.post({ team: h.guild, channel: h.channel }, reminder(30, 'first'));
    expect(ref.more).toHaveLength(1);
    expect(stored(ref.id).content).toMatch(/\(1\/2\)$/);
    expect(labels(stored(ref.more![0]!))).toEqual(['Coming', 'Not this time']);
  });

  it('keeps both parts when the text shrinks to one: the first carries text and buttons, the second shows nothing', async () => {
    await port.update(ref, reminder(3, 'short'));
    const [first, second] = [stored(ref.id), stored(ref.more![0]!)];
    expect(first.content).toContain('short line 3');
    expect(first.content).not.toMatch(/\(\d\/\d\)$/);
    expect(labels(first)).toEqual(['Coming', 'Not this time']);
    expect(second).toBeDefined();
    expect(second.content).not.toMatch(/line/);
    expect(second.components).toEqual([]);
  });

  it('edits both parts again when the text grows back to two, with the buttons on the last and no error', async () => {
    await port.update(ref, reminder(30, 'again'));
    const [first, second] = [stored(ref.id), stored(ref.more![0]!)];
    expect(first.content).toMatch(/^again line 1:[\s\S]*\(1\/2\)$/);
    expect(first.components).toEqual([]);
    expect(second.content).toMatch(/again line 30:[\s\S]*\(2\/2\)$/);
    expect(labels(second)).toEqual(['Coming', 'Not this time']);
    expect(h.fake.messagesIn(h.channel)).toHaveLength(2);
    expect(h.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
  });

  it('shortens visibly into the two parts there are when the text needs three', async () => {
    await port.update(ref, reminder(60, 'long'));
    const [first, second] = [stored(ref.id), stored(ref.more![0]!)];
    expect(first.content).toMatch(/\(1\/2\)$/);
    expect(second.content).toMatch(/… \(2\/2\)$/);
    expect(second.content.length).toBeLessThanOrEqual(2000);
    expect(labels(second)).toEqual(['Coming', 'Not this time']);
    expect(h.fake.messagesIn(h.channel)).toHaveLength(2);
  });
});
