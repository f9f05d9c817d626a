// /autocheck on Slack: the modal round trip through the real Bolt app and the fake Slack API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autochecks } from '../../../src/db/schema/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  h.fake.setUser('U_ANNA', { locale: 'en-US' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;

describe('/autocheck on Slack', () => {
  it('opens a modal, refuses an out-of-range value in it, then confirms privately and posts nothing', async () => {
    h.fake.clear();
    await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
    const open = await h.fake.waitFor('views.open', undefined, WAIT);
    const view = open.args.view as Record<string, unknown>;
    expect(view.type).toBe('modal');
    expect(JSON.stringify(view.blocks)).toContain('Was there curiosity in me today?');

    const refused = await h.submitView('U_ANNA', view, { curiosity: '9', flexibility: '2', judging: 'no', alliance: '4' });
    expect(refused).toMatchObject({ response_action: 'errors', errors: { curiosity: expect.stringContaining('0 to 4') } });
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(0);

    const tooLong = await h.submitView('U_ANNA', view, { curiosity: '3', flexibility: '2', judging: 'no', alliance: '4', supervision: 'x'.repeat(501) });
    expect(tooLong).toMatchObject({ response_action: 'errors', errors: { supervision: expect.stringContaining('500') } });

    const accepted = await h.submitView('U_ANNA', view, { curiosity: '3', flexibility: '1', judging: 'no', alliance: '4', supervision: 'Pacing with a quiet client' });
    expect(accepted).toBeUndefined();
    // The confirmation is private: an ephemeral answer (response_url or chat.postEphemeral), or a DM.
    const privately = () =>
      ['response_url', 'chat.postEphemeral', 'chat.postMessage']
        .flatMap((m) => h.fake.callsTo(m))
        .find((c) => JSON.stringify(c.args).includes('Saved privately'));
    await expect.poll(privately, { timeout: WAIT }).toBeDefined();
    const confirmation = privately()!;
    if (confirmation.method === 'chat.postMessage') expect(String(confirmation.args.channel)).toMatch(/^D/);
    expect(JSON.stringify(confirmation.args)).toContain('mid-session check-in');
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('Pacing'))).toHaveLength(0);
    expect(h.logs.join('\n')).not.toContain('Pacing with a quiet client');
  });
});
