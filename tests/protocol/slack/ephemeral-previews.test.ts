// A preview only its author sees (an ephemeral: the /case preview, the held /autocheck topic) is closed after the
// author decides: through the response_url of the button pressed on it, since Slack refuses chat.update for an
// ephemeral. A preview that came as a DM is an ordinary message, closed with chat.update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions } from '../../../src/db/schema/index.js';
import { tx } from '../../../src/i18n/index.js';
import { FORM_CONTENT_TYPE, interactionBody, postSigned, type RecordedCall } from '../../fakes/slack/index.js';
import type { SlackMessageRef } from '../../../adapters/slack/port.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
const AUTHOR = 'U_ZOFIA7';
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser(AUTHOR, { locale: 'pl-PL' });
  h.fake.setUser('U_ANNA', { locale: 'pl-PL' });
  for (const u of ['U_OLEK', 'U_BASIA']) h.fake.setUser(u, { locale: 'pl-PL' });
  h.fake.setChannel('C_CASES', { name: 'przypadki' });
  h.fake.setChannel('C_SUP', { name: 'superwizja' });
  h.fake.setMembers('C_SUP', ['U_FAC', 'U_ANNA', 'U0MEMBER1', 'U0MEMBER2']);
  await h.command('U_FAC', '/sojusz team case-channel <#C_CASES|przypadki>');
  await h.fake.waitFor('response_url', (c) => json(c.args).includes('<#C_CASES>'), WAIT);
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
const BODY = 'Klientka milknie, gdy pytam o cele. Zaczynam mówić za nią i potem żałuję.';

type Element = { action_id?: string; value?: string };
const buttonOf = (call: RecordedCall, action: string): Element =>
  ((call.args.blocks ?? []) as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith(action))!;
const actionsIn = (blocks: unknown) => ((blocks ?? []) as { type: string }[]).filter((b) => b.type === 'actions');

/**
 * A button pressed on a message as Slack sends it: an ephemeral is named only by its container (`is_ephemeral`),
 * without the `message` an ordinary message carries. `responseId` names the action's response_url.
 */
function press(user: string, button: Element, on: { channel: string; ts: string; ephemeral: boolean }, responseId: string) {
  const payload = {
    type: 'block_actions',
    team: { id: h.team, domain: h.fake.workspace.teamDomain },
    user: { id: user, team_id: h.team },
    api_app_id: h.fake.workspace.appId,
    trigger_id: `${Date.now()}.1.abc`,
    response_url: h.fake.responseUrl(responseId),
    channel: { id: on.channel },
    container: { type: 'message', message_ts: on.ts, channel_id: on.channel, is_ephemeral: on.ephemeral },
    ...(on.ephemeral ? {} : { message: { type: 'message', ts: on.ts } }),
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' }],
  };
  return postSigned(h.url, SIGNING_SECRET, interactionBody(payload), FORM_CONTENT_TYPE);
}

/** A /case written and submitted from `channel`; the preview is whatever call carried its Publish button. */
async function casePreview(user: string, channel: string, title: string): Promise<RecordedCall> {
  const from = h.fake.calls.length;
  await h.command(user, '/case', { channel });
  const open = await h.fake.waitFor('views.open', (c) => json(c.args).includes('Anonimowy przypadek') && h.fake.calls.indexOf(c) >= from, WAIT);
  expect(await h.submitView(user, open.args.view, { title, body: BODY, question: 'Jak przestać mówić za nią?', tags: [] })).toBeUndefined();
  let preview: RecordedCall | undefined;
  await expect.poll(() => (preview = h.fake.calls.slice(from).find((c) => c.method.startsWith('chat.post') && json(c.args).includes('case.publish'))), { timeout: WAIT }).toBeDefined();
  return preview!;
}

/** The replacement posted to the response_url named `id`, once it arrives. */
const replaced = (id: string) => h.fake.waitFor('response_url', (c) => c.id === id && c.args.replace_original === true, WAIT);

describe('closing an ephemeral preview on Slack', () => {
  it('replaces a /case preview sent with chat.postEphemeral through the response_url after Publish, never chat.update', async () => {
    const preview = await casePreview(AUTHOR, 'C_GENERAL', 'Milczenie przy celach');
    expect(preview.method).toBe('chat.postEphemeral');
    const ts = String(preview.answer!.message_ts);
    const updatesBefore = h.fake.callsTo('chat.update').length;

    await press(AUTHOR, buttonOf(preview, 'case.publish'), { channel: 'C_GENERAL', ts, ephemeral: true }, 'R_PUBLISH');
    const note = await replaced('R_PUBLISH');
    expect(json(note.args)).toContain(tx('pl', 'cases.preview.closed'));
    expect(json(note.args)).not.toContain('Klientka milknie');
    expect(actionsIn(note.args.blocks)).toEqual([]);
    // The answer itself ("case #N will appear …") is a new ephemeral, not the replacement.
    await h.fake.waitFor('response_url', (c) => c.id === 'R_PUBLISH' && c.args.replace_original === false, WAIT);
    expect(h.fake.callsTo('chat.update')).toHaveLength(updatesBefore);

    // The fake refuses chat.update on that ephemeral, as Slack does: the old way could never have closed it.
    const refused = await fetch(`${h.fake.apiUrl}chat.update`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C_GENERAL', ts, text: 'x' }),
    }).then((r) => r.json());
    expect(refused).toEqual({ ok: false, error: 'message_not_found' });
  });

  it('closes the same way a published preview whose Edit or Cancel is pressed later', async () => {
    const preview = await casePreview(AUTHOR, 'C_GENERAL', 'Opublikowany, potem anulowany');
    const ts = String(preview.answer!.message_ts);
    await press(AUTHOR, buttonOf(preview, 'case.publish'), { channel: 'C_GENERAL', ts, ephemeral: true }, 'R_FIRST');
    await replaced('R_FIRST');
    for (const action of ['case.edit', 'case.cancel']) {
      const id = `R_${action.replace('case.', '').toUpperCase()}`;
      await press(AUTHOR, buttonOf(preview, action), { channel: 'C_GENERAL', ts, ephemeral: true }, id);
      const note = await replaced(id);
      expect(json(note.args), action).not.toContain('Klientka milknie');
      expect(actionsIn(note.args.blocks), action).toEqual([]);
    }
  });

  it('replaces an ephemeral whose ts the bot never learned (one it sent through a response_url) the same way', async () => {
    const preview = await casePreview('U_OLEK', 'C_GENERAL', 'Podgląd z odpowiedzi');
    // An answer posted through a response_url comes back with no ts; Slack still names one in the action.
    await press('U_OLEK', buttonOf(preview, 'case.publish'), { channel: 'C_GENERAL', ts: '1700000999.000100', ephemeral: true }, 'R_INACK');
    const note = await replaced('R_INACK');
    expect(json(note.args)).toContain(tx('pl', 'cases.preview.closed'));
    expect(actionsIn(note.args.blocks)).toEqual([]);
  });

  it('updates a preview that came as a DM with chat.update: an ordinary message', async () => {
    const dm = h.fake.dmChannelOf('U_BASIA');
    const preview = await casePreview('U_BASIA', dm, 'Podgląd w wiadomości prywatnej');
    expect(preview.method).toBe('chat.postMessage');
    const ts = String(preview.answer!.ts);

    await press('U_BASIA', buttonOf(preview, 'case.publish'), { channel: dm, ts, ephemeral: false }, 'R_DM');
    const update = await h.fake.waitFor('chat.update', (c) => c.args.ts === ts, WAIT);
    expect(update.args.channel).toBe(dm);
    const [stored] = h.fake.messagesIn(dm).filter((m) => m.ts === ts);
    expect(stored!.text).toContain(tx('pl', 'cases.preview.closed'));
    expect(json(stored!.blocks)).not.toContain('Klientka milknie');
    expect(actionsIn(stored!.blocks)).toEqual([]);
    expect(h.fake.callsTo('response_url').filter((c) => c.id === 'R_DM' && c.args.replace_original === true)).toEqual([]);
  });

  it('replaces a held /autocheck topic through the response_url once its author decides', async () => {
    await h.command('U_FAC', '/supervision add 2026-03-10 18:00 <#C_SUP|superwizja>', { channel: 'C_SUP' });
    await expect.poll(async () => (await h.bot.db.select().from(supervisionSessions)).length, { timeout: WAIT }).toBe(1);
    const from = h.fake.calls.length;
    await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
    const open = await h.fake.waitFor('views.open', (c) => h.fake.calls.indexOf(c) >= from, WAIT);
    const topic = 'Pani Anna Kowalska przerwała terapię po trzech sesjach';
    const ack = await h.submitView('U_ANNA', open.args.view, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'named', supervision: topic });
    expect(ack).toBeUndefined();
    let held: RecordedCall | undefined;
    await expect.poll(() => (held = h.fake.calls.slice(from).find((c) => c.method === 'chat.postEphemeral' && json(c.args).includes('autocheck.topic.keep'))), { timeout: WAIT }).toBeDefined();

    const updatesBefore = h.fake.callsTo('chat.update').length;
    await press('U_ANNA', buttonOf(held!, 'autocheck.topic.keep'), { channel: 'C_GENERAL', ts: String(held!.answer!.message_ts), ephemeral: true }, 'R_HELD');
    const note = await replaced('R_HELD');
    expect(json(note.args)).toContain(tx('pl', 'autocheck.held.closed'));
    expect(json(note.args)).not.toContain('Kowalska');
    expect(actionsIn(note.args.blocks)).toEqual([]);
    expect(h.fake.callsTo('chat.update')).toHaveLength(updatesBefore);
  });

  it('deletes an ephemeral through its response_url, and leaves one whose response_url is too old to Slack', async () => {
    const port = h.slack.port;
    const ref = (id: string, ageMs: number): SlackMessageRef => ({
      team: h.team,
      channel: 'C_GENERAL',
      id: '1700000998.000100',
      ephemeral: { responseUrl: h.fake.responseUrl(id), receivedAt: h.clock.now().getTime() - ageMs },
    });
    const deletesBefore = h.fake.callsTo('chat.delete').length;
    await port.remove(ref('R_DELETE', 0));
    expect((await h.fake.waitFor('response_url', (c) => c.id === 'R_DELETE', WAIT)).args).toEqual({ delete_original: true });
    expect(h.fake.callsTo('chat.delete')).toHaveLength(deletesBefore);

    // Slack takes a response_url for 30 minutes: past that nothing is sent, and the caller hears it could not be done.
    await expect(port.update(ref('R_OLD', 31 * 60_000), { blocks: [] })).rejects.toMatchObject({ code: 'ephemeral_not_changeable', retryable: false });
    expect(h.fake.callsTo('response_url').filter((c) => c.id === 'R_OLD')).toEqual([]);
  });
});
