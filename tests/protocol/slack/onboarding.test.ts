// The first ten minutes on Slack: install welcome, /sojusz setup as two modals, its schedules firing,
// re-running setup, /sojusz settings, the channel introduction and the one-time privacy note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser('U_ANNA', { locale: 'pl-PL' });
  for (const [id, name] of [['C_REF', 'refleksja'], ['C_CASES', 'przypadki'], ['C_MOD', 'moderacja'], ['C_SUP', 'superwizja']]) h.fake.setChannel(id!, { name });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
const privately = (user: string, text: string) => h.privately(text, user, WAIT);

describe('the first ten minutes on Slack', () => {
  it('shows the privacy note on a member’s first command, once', async () => {
    await h.command('U_ANNA', '/sojusz help');
    await privately('U_ANNA', 'Kilka słów o Twoich danych');
    await h.command('U_ANNA', '/sojusz help');
    await privately('U_ANNA', 'w czym mogę pomóc');
    await new Promise((r) => setTimeout(r, 300));
    const notes = [...h.fake.callsTo('response_url'), ...h.fake.callsTo('chat.postEphemeral')].filter((c) => json(c.args).includes('Kilka słów o Twoich danych'));
    expect(notes).toHaveLength(1);
  });

  it('setup opens a modal, the second step replaces it, and submitting creates schedules and channel introductions', async () => {
    await h.command('U_FAC', '/sojusz setup', { channel: 'C_REF' });
    const open = await h.fake.waitFor('views.open', undefined, WAIT);
    const view1 = open.args.view as Record<string, unknown>;
    expect(json(view1)).toContain('conversations_select');
    const bad = (await h.submitView('U_FAC', view1, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: 'C_REF', promptDay: '5', promptTime: '7pm' })) as { response_action: string; errors: Record<string, string> };
    expect(bad.response_action).toBe('errors');
    expect(Object.values(bad.errors).join(' ')).toMatch(/24-godzinnym/);
    const next = (await h.submitView('U_FAC', view1, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: 'C_REF', promptDay: '5', promptTime: '09:00' })) as { response_action: string; view: Record<string, unknown> };
    expect(next.response_action).toBe('update');
    const done = await h.submitView('U_FAC', next.view, { caseChannel: 'C_CASES', modChannel: 'C_MOD', supChannel: 'C_SUP', supRhythm: 'poniedziałek 18:00', reminders: '24h,1h' });
    expect(done).toBeUndefined();
    await privately('U_FAC', 'Zapisane');
    await h.bot.runDueWork();
    for (const c of ['C_REF', 'C_CASES', 'C_MOD', 'C_SUP']) expect(h.fake.callsTo('chat.postMessage').filter((x) => x.args.channel === c).length, c).toBe(1);
  });

  it('the scheduled prompt then appears on Friday at 09:00 Warsaw time', async () => {
    h.clock.set('2026-03-06T08:00:30Z');
    await h.bot.runDueWork();
    const posts = h.fake.callsTo('chat.postMessage').filter((x) => x.args.channel === 'C_REF');
    expect(posts).toHaveLength(2);
    expect(json(posts[1]!.args.blocks)).toContain('Odpowiedz anonimowo');
  });

  it('running setup again shows the current values', async () => {
    h.fake.clear();
    await h.command('U_FAC', '/sojusz setup');
    const open = await h.fake.waitFor('views.open', undefined, WAIT);
    const v = json(open.args.view);
    expect(v).toContain('"initial_conversation":"C_REF"');
    expect(v).toContain('"initial_value":"09:00"');
  });

  it('settings shows the team’s channels to a facilitator', async () => {
    await h.command('U_FAC', '/sojusz settings');
    const answer = await privately('U_FAC', 'Ustawienia zespołu');
    expect(json(answer.args)).toContain('<#C_CASES>');
  });

  it('introduces itself once when invited into a channel without a role', async () => {
    h.fake.clear();
    await h.event({ type: 'member_joined_channel', user: h.fake.workspace.botUserId, channel: 'C_NEW', channel_type: 'C' });
    await h.event({ type: 'member_joined_channel', user: h.fake.workspace.botUserId, channel: 'C_NEW', channel_type: 'C' });
    await new Promise((r) => setTimeout(r, 500));
    await h.bot.runDueWork();
    const intro = h.fake.callsTo('chat.postMessage').filter((x) => x.args.channel === 'C_NEW');
    expect(intro).toHaveLength(1);
    expect(json(intro[0]!.args)).toContain('/sojusz konfiguracja');
  });
});
