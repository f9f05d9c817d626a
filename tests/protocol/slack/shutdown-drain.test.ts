// Stopping (SIGTERM) while members' commands and forms are under way: what was acknowledged is still answered before
// the stop ends, a command or press arriving after it began is told "restarting" and not done, an event is turned away
// for Slack to send again, and a handler that never ends cannot hold it.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { renderModal } from '../../../adapters/slack/render/modal.js';
import { STOP_DRAIN_MS } from '../../../src/app.js';
import { restartingText } from '../../../src/core/admission.js';
import { message, textBlock } from '../../../src/core/message.js';
import { command, formHandler, type Registry } from '../../../src/core/registry.js';
import type { Form } from '../../../src/core/form.js';
import { members } from '../../../src/db/schema/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';
import { testRegistry } from '../discord/registry.js';

const d = { en: 'Test probe', pl: 'Sonda testowa' };
const json = (x: unknown) => JSON.stringify(x);

/** A form whose saving takes a second: over Socket Mode its acknowledgement is still owed when the stop begins. */
const slowSave: Form = { id: 'probe.slowsave', title: 'Slow', submitLabel: 'Send', fields: [{ id: 'note', kind: 'text', label: 'Note', maxLength: 20, optional: true }] };

/** testRegistry plus /hang, whose handler never ends, and a form that saves slowly. */
function registry(): Registry {
  const base = testRegistry();
  const hang = command({ name: 'hang', description: d, subcommands: { '': { description: d, run: () => new Promise<void>(() => {}) } } });
  return {
    ...base,
    commands: [...base.commands, hang],
    forms: [
      ...base.forms,
      formHandler({
        id: slowSave.id,
        build: () => slowSave,
        async submit(ctx) {
          await new Promise((r) => setTimeout(r, 1_000));
          await ctx.reply(message(textBlock('saved slowly')));
          return { kind: 'close' };
        },
      }),
    ],
  };
}

/** `/probe slow` answers "late" through its response_url. */
const answered = (h: SlackHarness) => h.fake.calls.some((c) => c.method === 'response_url' && json(c.args).includes('late'));

describe('stopping the Slack bot over HTTP while commands are under way', () => {
  it('answers a command acknowledged while the member lookup is slow before the stop ends, and says "restarting" to a new one, doing nothing', async () => {
    const h = await startSlackHarness({ registry: registry() });
    try {
      h.fake.delay(1_000); // users.info, then the answer itself, each take a second
      const first = await h.command('U_ANNA', '/probe slow');
      expect(first.status).toBe(200); // acknowledged: the member was promised an answer
      const started = Date.now();
      const stopping = h.app.stop();
      // Arriving once the stop began (before the load balancer noticed): Slack would show a 503 as its own error and
      // not send it again, so the acknowledgement itself says so, in both languages, and nothing is done.
      const late = await h.command('U_BEN', '/sojusz language pl');
      expect(late.status).toBe(200);
      expect(late.json).toMatchObject({ response_type: 'ephemeral', text: restartingText() });
      // A button press: acknowledged, and told privately on its response_url.
      expect((await h.clickButton('U_BEN', 'probe:press', 'x')).status).toBe(200);
      await h.privately('Sojusz is restarting', 'U_BEN', 5_000);
      // An event is turned away: Slack sends it again, to a replica that takes it; the load balancer sees 503.
      expect((await h.event({ type: 'app_home_opened', user: 'U_BEN', tab: 'home' })).status).toBe(503);
      expect((await fetch(`${h.base}/healthz`)).status).toBe(503);
      await stopping;
      // Answered before the stop ended, not dropped with the process.
      expect(answered(h)).toBe(true);
      expect(Date.now() - started).toBeLessThan(STOP_DRAIN_MS);
      // The command and the press answered "restarting" changed nothing and looked nobody up.
      expect(await h.bot.db.select().from(members).where(eq(members.externalId, 'U_BEN'))).toHaveLength(0);
      expect(h.fake.calls.filter((c) => c.method === 'users.info' && c.args.user === 'U_BEN')).toHaveLength(0);
      expect(h.logs.join('')).not.toContain('unfinished');
    } finally {
      h.fake.delay(0);
      await h.close();
    }
  }, 60_000);

  it('stops within its bound when a handler never finishes, and logs how many were left as a count only', async () => {
    const h = await startSlackHarness({ registry: registry() });
    try {
      expect((await h.command('U_ANNA', '/hang')).status).toBe(200);
      // The handler is running once the member is known.
      await expect.poll(async () => (await h.bot.db.select().from(members).where(eq(members.externalId, 'U_ANNA'))).length, { timeout: 5_000 }).toBe(1);
      const started = Date.now();
      await h.app.stop();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(STOP_DRAIN_MS - 100);
      // The README promises a stop within 10 s of SIGTERM.
      expect(took).toBeLessThan(9_500);
      const lines = h.logs.filter((l) => l.includes('unfinished'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ unfinished: 1 });
      expect(lines[0]).not.toContain('U_ANNA');
      expect(lines[0]).not.toContain('hang');
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('stopping the Slack bot over Socket Mode', () => {
  it('disconnects first, then still answers the command it had acknowledged', async () => {
    const h = await startSlackHarness({ registry: registry(), socket: true });
    const payload = () => ({ command: '/probe', text: 'slow', user_id: 'U_ANNA', team_id: h.team, channel_id: 'C_GENERAL', response_url: h.fake.responseUrl(), trigger_id: '1.2.abc' });
    try {
      h.fake.delay(1_000);
      expect((await h.fake.socketSend({ type: 'slash_commands', payload: payload() })).envelope_id).toBeTruthy();
      const stopping = h.app.stop();
      // No new envelope is read once the stop began: the socket is gone, so Slack sends them to another connection.
      const disconnected = await h.fake.socketSend({ type: 'slash_commands', payload: payload() }, 500).then(
        () => false,
        () => true,
      );
      expect(disconnected).toBe(true);
      expect(answered(h)).toBe(false); // still under way
      await stopping;
      expect(answered(h)).toBe(true);
    } finally {
      h.fake.delay(0);
      await h.close();
    }
  }, 60_000);

  it('keeps the socket until a form submission under way has sent its acknowledgement, and confirms it', async () => {
    const h = await startSlackHarness({ registry: registry(), socket: true });
    try {
      const view = { id: 'V_SLOW', team_id: h.team, type: 'modal', ...(renderModal(slowSave, {}) as object), state: { values: {} }, hash: 'h', app_id: h.fake.workspace.appId };
      const payload = { type: 'view_submission', team: { id: h.team }, user: { id: 'U_ANNA', team_id: h.team }, api_app_id: h.fake.workspace.appId, trigger_id: '1.2.abc', view };
      const acked = h.fake.socketSend({ type: 'interactive', payload }, 5_000);
      // The submission is being saved (a second) when the stop begins.
      await new Promise((r) => setTimeout(r, 300));
      await h.app.stop();
      // Acknowledged (the modal closes) rather than left to Slack's "trouble connecting" after the save.
      expect((await acked).envelope_id).toBeTruthy();
      expect(h.fake.calls.some((c) => json(c.args).includes('saved slowly'))).toBe(true);
    } finally {
      await h.close();
    }
  }, 60_000);
});
