// Overload: past the in-flight limit a command is answered "busy" in its acknowledgement, and nothing happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ maxInFlight: 1 });
});
afterAll(async () => h?.close());

describe('a bot with more commands than it can handle in time', () => {
  it('answers the extra one at once, in both languages, opens no form for it, and takes the next one once free', async () => {
    h.fake.delay(400); // Slack answers slowly: the first /autocheck is still being handled
    const first = await h.command('U_ANNA', '/autocheck');
    const second = await h.command('U_BEN', '/autocheck');
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ response_type: 'ephemeral' });
    const text = (second.json as { text: string }).text;
    expect(text).toContain('Spróbuj proszę za minutę');
    expect(text).toContain('Please try again in a minute');
    await h.fake.waitFor('views.open');
    h.fake.delay(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('views.open')).toHaveLength(1); // only Anna's form
    const metrics = await (await fetch(`${h.base}/metrics`)).text();
    expect(metrics).toMatch(/^sojusz_commands_busy_total 1$/m);
    // The place is free again: Ben's next try opens his form.
    const third = await h.command('U_BEN', '/autocheck');
    expect(third.text).toBe('');
    await h.fake.waitFor('views.open', (c) => h.fake.callsTo('views.open').indexOf(c) === 1);
  });
});
