// Slack refusals a member meets while opening a form: only passing trouble is "busy, try again"; a refusal that would
// come back the same is a bug, logged and apologised for with a reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());

const quiet = (ms = 300) => h.quiet(ms);

const textOf = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? '') + String(args.text ?? '');
const BUSY = /zajęta|busy or out of reach/;
const APOLOGY = /(?:ten numer|reference to whoever runs the bot): ([0-9A-F]{8})/;
const errorsLogged = (from: number) => h.logs.slice(from).filter((l) => /"level":50/.test(l));

describe('Slack refusals while opening a form', () => {
  it.each(['view_too_large', 'invalid_trigger_id', 'exchanged_trigger_id', 'some_code_slack_adds_next_year'])(
    'answers %s with the apology quoting a reference, logged as a bug under that reference',
    async (code) => {
      await quiet();
      const logsBefore = h.logs.length;
      h.fake.failNext('views.open', { error: code });
      await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
      const answer = await h.fake.waitFor('response_url', (c) => APOLOGY.test(textOf(c.args)));
      expect(textOf(answer.args)).not.toMatch(BUSY);
      const ref = APOLOGY.exec(textOf(answer.args))![1]!;
      const logged = errorsLogged(logsBefore);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(ref);
    },
  );

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
    'answers %s with "busy, try again in a minute" and logs no bug',
    async (code) => {
      await quiet();
      const logsBefore = h.logs.length;
      h.fake.failNext('views.open', { error: code });
      await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
      const answer = await h.fake.waitFor('response_url', (c) => BUSY.test(textOf(c.args)));
      expect(textOf(answer.args)).toMatch(/Spróbuj proszę za minutę|try again in a minute/);
      expect(errorsLogged(logsBefore)).toEqual([]);
    },
  );

  it('answers an HTTP 503 from Slack with "busy, try again", and an HTTP 404 with the apology', async () => {
    await quiet();
    let logsBefore = h.logs.length;
    h.fake.failNext('views.open', { status: 503 });
    await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
    await h.fake.waitFor('response_url', (c) => BUSY.test(textOf(c.args)));
    expect(errorsLogged(logsBefore)).toEqual([]);

    await quiet();
    logsBefore = h.logs.length;
    h.fake.failNext('views.open', { status: 404 });
    await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
    await h.fake.waitFor('response_url', (c) => APOLOGY.test(textOf(c.args)));
    expect(errorsLogged(logsBefore)).toHaveLength(1);
  });
});
