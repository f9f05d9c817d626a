// /autocheck on Discord: the modal round trip through HTTP interactions and the fake Discord REST API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autochecks } from '../../../src/db/schema/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http' });
}, 120_000);
afterAll(() => h?.close());

describe('/autocheck on Discord', () => {
  it('opens the quick check as a modal, refuses an out-of-range value, then confirms privately', async () => {
    const r = await h.slash(h.ben, 'autocheck', {}, { path: ['quick'] });
    expect(r.initial.type).toBe(9);
    const modal = r.initial.data!;
    expect(JSON.stringify(modal.components)).toContain('Was there curiosity in me today?');

    const bad = await h.submitModal(h.ben, modal.custom_id, { curiosity: '9', flexibility: '2', judging: 'no' });
    const [refusal] = await h.answers(bad);
    expect(refusal!.content).toContain('0 to 4');
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(0);

    const ok = await h.submitModal(h.ben, modal.custom_id, { curiosity: '4', flexibility: '3', judging: 'yes' });
    const [answer] = await h.answers(ok);
    expect(answer!.content).toContain('Saved privately');
    expect(answer!.content).toContain('How did it land for you?');
    // Private: the deferred response is ephemeral (edits of it stay so), or the follow-up itself is.
    expect(((ok.initial.data?.flags ?? 0) | (answer!.flags ?? 0)) & 64).toBe(64);
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(1);
    expect(h.fake.messagesIn(h.channel)).toHaveLength(0);
  });

  it('still shows the text trend to a member whose DMs are closed, then says why the chart did not follow', async () => {
    h.fake.store.closedDms.add(h.ben.id);
    try {
      const r = await h.slash(h.ben, 'autocheck', {}, { path: ['trend'] });
      const text = JSON.stringify(await h.answers(r, 2));
      expect(text).toContain('**Curiosity**');
      expect(text).toContain('too early to tell');
      expect(text).toContain('The chart could not be sent as a direct message');
      expect(text).toContain('Privacy Settings');
      expect(text).not.toContain('something went wrong');
    } finally {
      h.fake.store.closedDms.delete(h.ben.id);
    }
  });
});
