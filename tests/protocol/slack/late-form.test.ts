// A modal submission whose handler passes Slack's 3 seconds: the next part is offered with a button, never dropped.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../src/db/schema/index.js';
import { formHandler } from '../../../src/core/registry.js';
import { renderModal } from '../../../adapters/slack/render/modal.js';
import { shortForm, testRegistry } from '../discord/registry.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';
import { tx } from '../../../src/i18n/index.js';

let h: SlackHarness;
beforeAll(async () => {
  const registry = testRegistry();
  // A first part whose handling takes longer than the 2.5 s the receiver allows itself, then asks for a second.
  registry.forms.push(
    formHandler({
      id: 'probe.slowstep',
      build: () => ({ ...shortForm(), id: 'probe.slowstep' }),
      async submit() {
        await new Promise((r) => setTimeout(r, 2_700));
        return { kind: 'next', form: shortForm() };
      },
    }),
  );
  h = await startSlackHarness({ registry });
  h.fake.setUser('U_ANNA', { locale: 'en-GB' });
}, 120_000);
afterAll(async () => h?.close());

const json = (x: unknown) => JSON.stringify(x);

describe('a slow multi-part form on Slack', () => {
  it('acks in time and offers the next part with a button instead of closing in silence', async () => {
    const view = renderModal({ ...shortForm(), id: 'probe.slowstep' }, {});
    const ack = await h.submitView('U_ANNA', view, { mood: '3' });
    expect(ack).toBeUndefined(); // acknowledged in time, without the next part it could not wait for
    // A modal submission has no response_url: the offer reaches the member by DM.
    let answer: { args: unknown } | undefined;
    await expect.poll(() => (answer = h.fake.calls.find((c) => json(c.args).includes('core.openForm'))), { timeout: 10_000 }).toBeDefined();
    expect(json(answer!.args)).toContain('Press the button to open it');
    expect(json(answer!.args)).toContain('core.openForm');
  }, 20_000);

  it('offers it in the language the member chose, not in their Slack locale', async () => {
    // Slack says English; the member chose Polish with /sojusz language.
    h.fake.setUser('U_PIOTR', { locale: 'en-US' });
    await h.command('U_PIOTR', '/sojusz language pl');
    await expect.poll(async () => (await h.bot.db.select().from(members).where(eq(members.externalId, 'U_PIOTR')))[0]?.lang, { timeout: 10_000 }).toBe('pl');
    const ack = await h.submitView('U_PIOTR', renderModal({ ...shortForm(), id: 'probe.slowstep' }, {}), { mood: '2' });
    expect(ack).toBeUndefined();
    const dm = h.fake.dmChannelOf('U_PIOTR');
    let answer: { args: Record<string, unknown> } | undefined;
    await expect.poll(() => (answer = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === dm && json(c.args).includes('core.openForm'))), { timeout: 10_000 }).toBeDefined();
    expect(json(answer!.args)).toContain(tx('pl', 'core.formReady'));
    expect(json(answer!.args)).not.toContain(tx('en', 'core.formReady'));
  }, 20_000);

  it('answers a submission in time when looking the member up is slow, and still handles it', async () => {
    h.fake.delay(3_200);
    try {
      const started = Date.now();
      const ack = await h.submitView('U_NEVER_SEEN', renderModal(shortForm(), {}), { mood: '4' });
      // Slack shows "trouble connecting" past 3 s, and a member who submits again is handled twice.
      expect(Date.now() - started).toBeLessThan(2_900);
      expect(ack).toBeUndefined();
      await expect.poll(() => h.fake.calls.some((c) => json(c.args).includes('mood 4')), { timeout: 15_000 }).toBe(true);
    } finally {
      h.fake.delay(0);
    }
  }, 30_000);
});
