// A private (ephemeral) preview with buttons — /case, the /autocheck held topic — becomes its closing note once a button
// on it is pressed. Discord lets only the click's own interaction change an ephemeral message (PATCH on the channel
// answers 10008), so the click is acknowledged as an update and the preview edited through @original, in both modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GUILD_ID, type ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness, type Interacted } from '../../helpers/discord.js';
import { testRegistry } from './registry.js';

const json = (x: unknown) => JSON.stringify(x);

describe.each(['http', 'gateway'] as const)('a private preview closed by its own button (%s mode)', (mode) => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ mode, registry: testRegistry(), start: '2026-03-02T08:00:00Z' });
    // Enough people who can see the case channel to hide among (an open channel: everyone in the server).
    const guild = h.fake.store.guilds.get(FAKE_GUILD_ID)!;
    for (const [id, username] of [[h.anna.id, 'anna'], ['1100000000000000501', 'cara'], ['1100000000000000502', 'dan']]) guild.members.push({ user: { id, username } });
    for (const u of [h.owner, h.anna]) await h.answers(await h.slash(u, 'sojusz', {}, { path: ['help'] }));
    await h.answers(await h.slash(h.owner, 'sojusz', { channel: h.channel }, { path: ['team', 'case-channel'] }));
  }, 180_000);
  afterAll(() => h?.close());

  /** The ephemeral message (as the fake keeps it, with its id and flags) that answered `i` and carries `action`'s button. */
  async function previewOf(i: Interacted, action: string): Promise<ApiObject> {
    await h.answers(i);
    let found: ApiObject | undefined;
    await expect
      .poll(() => {
        const known = h.fake.store.interaction(i.payload.token);
        found = [known.original, ...known.followups].find((m) => m && json(m.components).includes(action)) ?? undefined;
        return Boolean(found);
      })
      .toBe(true);
    expect(found!.flags & 64).toBe(64);
    return found!;
  }
  const buttonOf = (m: ApiObject, action: string) => new RegExp(`"custom_id":"(${action.replace(/\./g, '\\.')}[^"]*)"`).exec(json(m.components))![1]!;
  /** What Discord sends with a click: the message the button is on. */
  const click = (m: ApiObject, action: string) => h.clickButton(h.anna, buttonOf(m, action), { message: structuredClone(m) });
  const shown = (m: ApiObject) => h.fake.store.ephemeral.get(m.id)!;
  const channelEditsOf = (m: ApiObject) => h.fake.calls.filter((c) => c.method === 'PATCH' && c.path.startsWith('/channels/') && c.path.endsWith(`/${m.id}`));

  async function casePreview(body: string): Promise<ApiObject> {
    const r = await h.slash(h.anna, 'case', {}, { path: [] });
    const submitted = await h.submitModal(h.anna, String(r.initial.data!.custom_id), { title: 'Trudna sesja', body, question: 'Co dalej?' });
    return previewOf(submitted, 'case.publish');
  }

  it('Publish answers privately and turns the /case preview into its closing note, its buttons gone', async () => {
    const preview = await casePreview('Klientka milczy od trzech sesji.');
    const c = await click(preview, 'case.publish');
    expect([6, 7]).toContain(c.initial.type);
    expect(json(await h.answers(c))).toContain('pojawi się');
    await expect.poll(() => shown(preview).content).toContain('ten podgląd jest już zamknięty');
    expect(shown(preview).components).toEqual([]);
    expect(json(shown(preview))).not.toContain('milczy');
    expect(channelEditsOf(preview)).toEqual([]);
    // The answer is a message of its own, private too.
    const followup = h.fake.calls.find((c2) => c2.method === 'POST' && c2.path.endsWith(`/${c.payload.token}`) && json(c2.body).includes('pojawi się'));
    expect(followup?.body?.flags).toBe(64);
  });

  it('Edit leaves a newer preview; Cancel on the older one says it was replaced and closes it', async () => {
    const first = await casePreview('Pierwsza wersja opisu.');
    const edit = await click(first, 'case.edit');
    expect(edit.initial.type).toBe(9);
    const submitted = await h.submitModal(h.anna, String(edit.initial.data!.custom_id), { title: 'Trudna sesja', body: 'Druga wersja opisu.', question: 'Co dalej?' });
    const second = await previewOf(submitted, 'case.publish');
    const c = await click(first, 'case.cancel');
    expect([6, 7]).toContain(c.initial.type);
    expect(json(await h.answers(c))).toContain('jest już nowszy podgląd');
    await expect.poll(() => shown(first).content).toContain('Zastąpiony nowszym podglądem');
    expect(shown(first).components).toEqual([]);
    expect(shown(second).content).toContain('Druga wersja opisu');
    expect(channelEditsOf(first)).toEqual([]);
  });

  it('answers a click with the edited message itself (type 7) when the message is changed before anything is said', async () => {
    const m = h.fake.store.createMessage(h.channel, { content: 'podgląd', flags: 64, components: [{ type: 1, components: [{ type: 2, style: 1, label: 'OK', custom_id: 'probe.close|' }] }] }, []);
    h.fake.store.deleteMessage(h.channel, m.id);
    h.fake.store.ephemeral.set(m.id, m);
    const c = await click(m, 'probe.close');
    expect(c.initial).toMatchObject({ type: 7, data: { components: [], allowed_mentions: { parse: [] } } });
    expect(json(await h.answers(c))).toContain('closed first');
    expect(shown(m).content).toContain('ten podgląd jest już zamknięty');
    expect(channelEditsOf(m)).toEqual([]);
  });

  it('Keep on an /autocheck held topic closes its preview with the note', async () => {
    await h.answers(await h.slash(h.owner, 'supervision', { date: '2026-03-10', time: '18:00', channel: h.channel }, { path: ['add'] }));
    const r = await h.slash(h.anna, 'autocheck', {}, { path: ['open'] });
    expect(r.initial.type).toBe(9);
    const step = await h.submitModal(h.anna, String(r.initial.data!.custom_id), {
      curiosity: '3', flexibility: '3', judging: '1', alliance: '4', supervision: 'Pani Anna Kowalska (tel. 601 234 567) przerwała terapię',
    });
    const [next] = await h.answers(step);
    const more = await h.clickButton(h.anna, /"custom_id":"([^"]*dc:next[^"]*)"/.exec(json(next))![1]!);
    expect(more.initial.type).toBe(9);
    const done = await h.submitModal(h.anna, String(more.initial.data!.custom_id), { destination: 'anonymous' });
    const preview = await previewOf(done, 'autocheck.topic.keep');
    const c = await click(preview, 'autocheck.topic.keep');
    await h.answers(c);
    await expect.poll(() => shown(preview).content).toContain('Twoja decyzja o tym temacie jest zapisana');
    expect(shown(preview).components).toEqual([]);
    expect(json(shown(preview))).not.toContain('Kowalska');
    expect(channelEditsOf(preview)).toEqual([]);
  });
});
