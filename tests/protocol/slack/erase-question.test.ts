// The question before an erasure on Slack: an ephemeral, closed through the response_url of the button pressed on
// it; a later press of its other Delete (another client still showing it) says that the erasure is already done.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../../src/db/schema/index.js';
import { tx } from '../../../src/i18n/index.js';
import { FORM_CONTENT_TYPE, interactionBody, postSigned, type RecordedCall } from '../../fakes/slack/index.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
const ZUZA = 'U_ZUZA';
const WAIT = 15_000;
beforeAll(async () => {
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser(ZUZA, { locale: 'en-GB' });
}, 120_000);
afterAll(async () => h?.close());

const json = (x: unknown) => JSON.stringify(x);
type Element = { action_id?: string; value?: string };
const buttonsOf = (call: RecordedCall): Element[] =>
  ((call.args.blocks ?? []) as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []).filter((e) => e.action_id?.startsWith('privacy.delete'));
const actionsIn = (blocks: unknown) => ((blocks ?? []) as { type: string }[]).filter((b) => b.type === 'actions');

/** A press on the ephemeral question, as Slack sends it: named by its container, with a response_url `responseId`. */
function press(button: Element, responseId: string) {
  const payload = {
    type: 'block_actions',
    team: { id: h.team, domain: h.fake.workspace.teamDomain },
    user: { id: ZUZA, team_id: h.team },
    api_app_id: h.fake.workspace.appId,
    trigger_id: `${Date.now()}.1.abc`,
    response_url: h.fake.responseUrl(responseId),
    channel: { id: 'C_GENERAL' },
    container: { type: 'message', message_ts: '1700000999.000300', channel_id: 'C_GENERAL', is_ephemeral: true },
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' }],
  };
  return postSigned(h.url, SIGNING_SECRET, interactionBody(payload), FORM_CONTENT_TYPE);
}
const replaced = (id: string) => h.fake.waitFor('response_url', (c) => c.id === id && c.args.replace_original === true, WAIT);
const answered = (id: string) => h.fake.waitFor('response_url', (c) => c.id === id && c.args.replace_original !== true, WAIT);

describe('the erasure question on Slack', () => {
  it('becomes a note without buttons after Delete, and its other Delete pressed later says it is already done', async () => {
    await h.command(ZUZA, '/sojusz help');
    await h.fake.waitFor('response_url', (c) => json(c.args).includes('/sojusz'), WAIT);
    const from = h.fake.calls.length;
    await h.command(ZUZA, '/sojusz mydata delete');
    let question: RecordedCall | undefined;
    await expect.poll(() => (question = h.fake.calls.slice(from).find((c) => buttonsOf(c).length === 3)), { timeout: WAIT }).toBeDefined();
    const [withdraw, unlink] = buttonsOf(question!);

    await press(unlink!, 'R_UNLINK');
    const note = await replaced('R_UNLINK');
    expect(json(note.args)).toContain(tx('en', 'privacy.delete.erasedNote'));
    expect(actionsIn(note.args.blocks)).toEqual([]);
    expect(json((await answered('R_UNLINK')).args)).toContain('linked to nobody');

    await press(withdraw!, 'R_WITHDRAW');
    const again = await answered('R_WITHDRAW');
    expect(json(again.args)).toContain('Already done');
    expect(json(again.args)).not.toContain('six hours');
    expect(actionsIn((await replaced('R_WITHDRAW')).args.blocks)).toEqual([]);
    expect(await h.bot.db.select().from(members).where(eq(members.externalId, ZUZA))).toEqual([]);
  });
});
