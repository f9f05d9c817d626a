// /case on Slack: modal, private preview, Publish, the delayed post in the case channel — and the author's id only in private answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../fakes/slack/server.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';
import { renderMessage } from '../../../adapters/slack/render/blocks.js';
import { reportPost } from '../../../src/features/cases/post.js';

let h: SlackHarness;
const AUTHOR = 'U_ZOFIA7';
beforeAll(async () => {
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser(AUTHOR, { locale: 'pl-PL' });
  h.fake.setChannel('C_CASES', { name: 'przypadki' });
  h.fake.setChannel('C_MODS', { name: 'moderacja' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
async function said(text: string): Promise<RecordedCall> {
  let found: RecordedCall | undefined;
  await expect.poll(() => (found = h.fake.calls.find((c) => json(c.args).includes(text))), { timeout: WAIT }).toBeDefined();
  return found!;
}
/** Calls that answer (or look up) the member who acted, and only them. */
const PRIVATE = new Set(['response_url', 'chat.postEphemeral', 'users.info', 'conversations.open', 'views.open', 'views.update', 'views.push']);

describe('/case on Slack', () => {
  it('posts a masked case after the delay, the author’s id appearing only in private answers', async () => {
    await h.command('U_FAC', '/sojusz team case-channel <#C_CASES|przypadki>');
    await said('Anonimowe przypadki będą się pojawiać');
    await h.command('U_FAC', '/sojusz team mod-channel <#C_MODS|moderacja>');
    await said('Zgłoszenia przypadków będą trafiać');

    await h.command(AUTHOR, '/case');
    const open = await h.fake.waitFor('views.open', (c) => json(c.args).includes('Anonimowy przypadek'), WAIT);
    const ack = await h.submitView(AUTHOR, open.args.view, {
      title: 'Klient, który przestał przychodzić',
      body: 'PESEL 44051401359, mail jan.k@example.com, tel. +48 601 234 567. Czuję złość i wstyd. <!channel>',
      question: 'Jak wrócić do rozmowy o kontrakcie?',
      tags: ['dropout'],
    });
    expect(ack).toBeUndefined();
    const preview = await said('Tak zobaczy to grupa');
    expect(json(preview.args)).toContain('zostanie zastąpiony przez [PESEL]');
    const button = ((preview.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.startsWith('case.publish'))!;
    expect(button.value).toBeTruthy();

    await h.clickButton(AUTHOR, button.action_id!, button.value);
    await said('Przypadek #1 pojawi się na');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_CASES')).toHaveLength(0);

    h.clock.advance(21 * 60_000);
    await h.bot.runDueWork();
    const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_CASES');
    expect(posts).toHaveLength(1);
    const post = json(posts[0]!.args);
    expect(post).toContain('Przypadek #1');
    expect(post).toContain('[PESEL]');
    expect(post).not.toContain('44051401359');
    expect(post).not.toContain('<!channel>');

    const leaking = h.fake.calls.filter((c) => json(c.args).includes(AUTHOR) && !PRIVATE.has(c.method));
    expect(leaking.map((c) => c.method)).toEqual([]);
    for (const c of h.fake.calls.filter((x) => x.method === 'chat.postEphemeral' && json(x.args).includes(AUTHOR))) expect(c.args.user).toBe(AUTHOR);
    expect(h.logs.join('\n')).not.toContain(AUTHOR);
  });

  it('asks a moderator to confirm in Slack’s own dialog before hiding a reported case, which cannot be undone', async () => {
    type Element = { action_id?: string; value?: string; confirm?: Record<string, { type: string; text: string }> & { style?: string } };
    const elements = (c: RecordedCall) => ((c.args.blocks ?? []) as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []);
    const post = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C_CASES')!;
    const report = elements(post).find((e) => e.action_id?.startsWith('case.report'))!;
    await h.clickButton('U_FAC', report.action_id!, report.value, { channel: 'C_CASES', ts: String(post.answer?.ts ?? '') });
    const form = await h.fake.waitFor('views.open', (c) => json(c.args).includes('Zgłoś przypadek'), WAIT);
    await h.submitView('U_FAC', form.args.view, { reason: 'Za dużo szczegółów o rodzinie klienta.' });
    await said('Zgłoszenie trafiło do moderacji');
    await h.bot.runDueWork();
    const modPost = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C_MODS');
    expect(modPost).toBeDefined();

    const hide = elements(modPost!).find((e) => e.action_id?.startsWith('case.hide'))!;
    expect(hide.confirm).toEqual({
      title: { type: 'plain_text', text: 'Ukryć przypadek #1?', emoji: true },
      text: {
        type: 'plain_text',
        text: 'Jego wpis na kanale przypadków zostanie zastąpiony krótką informacją, a treść przypadku i anonimowe odpowiedzi w wątku zostaną usunięte. Tego nie da się cofnąć.',
        emoji: true,
      },
      confirm: { type: 'plain_text', text: 'Ukryj i usuń', emoji: true },
      deny: { type: 'plain_text', text: 'Zostaw przypadek', emoji: true },
      style: 'danger',
    });
    // Within Slack's limits for the dialog (title 100, text 300, each answer 30), in both languages.
    for (const lang of ['pl', 'en'] as const) {
      const [b] = renderMessage(reportPost(lang, 12345, 'powód')).blocks.flatMap((x) => (x.elements as Element[] | undefined) ?? []).filter((e) => e.confirm);
      expect(b!.confirm!.title!.text.length).toBeLessThanOrEqual(100);
      expect(b!.confirm!.text!.text.length).toBeLessThanOrEqual(300);
      expect(b!.confirm!.confirm!.text.length).toBeLessThanOrEqual(30);
      expect(b!.confirm!.deny!.text.length).toBeLessThanOrEqual(30);
    }
    // Slack sends the press only once the moderator confirmed: then the case is hidden.
    await h.clickButton('U_FAC', hide.action_id!, hide.value, { channel: 'C_MODS', ts: String(modPost!.answer?.ts ?? '') });
    await said('Przypadek #1 jest ukryty');
  });

  it('counts people, not apps, against the case channel’s minimum', async () => {
    // Three colleagues, the bot itself and another app: three people, fewer than the minimum of four.
    h.fake.setUser('U_OTHERAPP', { is_bot: true });
    h.fake.setMembers('C_CASES', [AUTHOR, 'U_FAC', 'U0MEMBER1', h.fake.workspace.botUserId, 'U_OTHERAPP']);
    const before = h.fake.callsTo('views.open').length;
    await h.command(AUTHOR, '/case');
    await said('są 3 osoby, a potrzeba co najmniej 4');
    expect(h.fake.callsTo('views.open')).toHaveLength(before); // no form: nothing to fill in that could not be posted
    h.fake.setMembers('C_CASES', [AUTHOR, 'U_FAC', 'U0MEMBER1', 'U0MEMBER2', h.fake.workspace.botUserId]);
    await h.command(AUTHOR, '/case');
    await h.fake.waitFor('views.open', (c) => json(c.args).includes('Anonimowy przypadek'), WAIT);
  });

  it('asks Slack who is a person once, and a rate-limited lookup is "try again", not a group that looks too small', async () => {
    const port = h.bot.ports.get('slack')!;
    const team = h.fake.workspace.teamId;
    h.fake.setUser('U_NEWCOLLEAGUE', { locale: 'pl-PL' });
    // A channel of its own: the earlier /case flows may still be counting C_CASES in the background.
    h.fake.setMembers('C_COUNTED', [AUTHOR, 'U_FAC', 'U0MEMBER1', 'U0MEMBER2', 'U_NEWCOLLEAGUE', h.fake.workspace.botUserId]);
    h.fake.failNext('users.info', { status: 429, retryAfter: 30 });
    // The new colleague was never looked up: that lookup meets the 429, which goes up instead of shrinking the count.
    await expect(port.channelMembers!(team, 'C_COUNTED')).rejects.toMatchObject({ code: 'ratelimited', retryAfterSeconds: 30 });

    expect(await port.channelMembers!(team, 'C_COUNTED')).toHaveLength(5);
    const looked = h.fake.callsTo('users.info').length;
    expect(await port.channelMembers!(team, 'C_COUNTED')).toHaveLength(5);
    expect(h.fake.callsTo('users.info')).toHaveLength(looked); // remembered: no second round of lookups
  });

  it('answers a submitted case with the apology, not "invite me", when Slack refuses the member count for a missing scope', async () => {
    h.fake.setMembers('C_CASES', [AUTHOR, 'U_FAC', 'U0MEMBER1', 'U0MEMBER2', h.fake.workspace.botUserId]);
    const views = h.fake.callsTo('views.open').length;
    await h.command(AUTHOR, '/case');
    await expect.poll(() => h.fake.callsTo('views.open').length, { timeout: WAIT }).toBeGreaterThan(views);
    const open = h.fake.callsTo('views.open').at(-1)!;
    const from = h.fake.calls.length;
    h.fake.failNext('conversations.members', { error: 'missing_scope' });
    await h.submitView(AUTHOR, open.args.view, { title: 'Zakres', body: 'Klient milczał przez pół sesji.', question: 'Co z tym zrobić?', tags: [] });
    // The installation lacks a scope: nothing the author can fix by inviting the bot, and no preview of a case that cannot go.
    await expect.poll(() => h.fake.calls.slice(from).some((c) => json(c.args).includes('coś poszło nie tak')), { timeout: WAIT }).toBe(true);
    const after = json(h.fake.calls.slice(from).map((c) => c.args));
    expect(after).not.toContain('Nie mogę pisać');
    expect(after).not.toContain('Tak zobaczy to grupa');
  });
});

