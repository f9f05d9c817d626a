// A button that asks first (the moderators' "Hide the case" on a report) on Discord, whose buttons have no confirmation
// of their own: the press answers with a private question and two buttons; only its confirm runs the action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GUILD_ID, type ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness, type Interacted } from '../../helpers/discord.js';

const json = (x: unknown) => JSON.stringify(x);
const MODS = '1100000000000000250';

/** A bot with a case posted in #general and reported in the moderation channel, where the report is an ordinary message. */
async function reportedCase(mode: 'http' | 'gateway', deferAfterMs?: number): Promise<{ h: DiscordHarness; casePost: ApiObject; report: ApiObject }> {
  const h = await startDiscordHarness({ mode, start: '2026-03-02T08:00:00Z', deferAfterMs });
  // Enough people who can see the case channel to hide among (an open channel: everyone in the server).
  const guild = h.fake.store.guilds.get(FAKE_GUILD_ID)!;
  for (const [id, username] of [[h.anna.id, 'anna'], ['1100000000000000501', 'cara'], ['1100000000000000502', 'dan']]) guild.members.push({ user: { id, username } });
  h.fake.store.addChannel({ id: MODS, type: 0, name: 'moderacja' }, FAKE_GUILD_ID);
  for (const u of [h.owner, h.anna]) await h.answers(await h.slash(u, 'sojusz', {}, { path: ['help'] }));
  await h.answers(await h.slash(h.owner, 'sojusz', { channel: h.channel }, { path: ['team', 'case-channel'] }));
  expect(json(await h.answers(await h.slash(h.owner, 'sojusz', { channel: MODS }, { path: ['team', 'mod-channel'] })))).toContain('Zgłoszenia przypadków będą trafiać');

  // A case, published and posted…
  const r = await h.slash(h.anna, 'case', {}, { path: [] });
  const submitted = await h.submitModal(h.anna, String(r.initial.data!.custom_id), { title: 'Klientka, która milczy', body: 'Od trzech sesji prawie nic nie mówi.', question: 'Jak o to zapytać?' });
  const publishId = /"custom_id":"(case\.publish[^"]*)"/.exec(json(await h.answers(submitted)))![1]!;
  await h.answers(await h.clickButton(h.anna, publishId));
  h.clock.advance(21 * 60_000);
  await h.bot.runDueWork();
  const casePost = h.fake.messagesIn(h.channel).find((m: ApiObject) => json(m).includes('Przypadek #1'))!;
  expect(casePost).toBeDefined();

  // …and reported: the report reaches the moderation channel as an ordinary channel message.
  const reportId = /"custom_id":"([^"]*case\.report[^"]*)"/.exec(json(casePost.components))![1]!;
  const form = await h.clickButton(h.anna, reportId, { message: casePost });
  expect(form.initial.type).toBe(9);
  expect(json(await h.answers(await h.submitModal(h.anna, String(form.initial.data!.custom_id), { reason: 'Za dużo szczegółów o rodzinie.' })))).toContain('Zgłoszenie trafiło do moderacji');
  await h.bot.runDueWork();
  const report = h.fake.messagesIn(MODS).find((m: ApiObject) => json(m).includes('case.hide'))!;
  expect(report).toBeDefined();
  expect(report.flags ?? 0).toBe(0);
  return { h, casePost, report };
}

const hideIdOf = (report: ApiObject) => /"custom_id":"([^"]*case\.hide[^"]*)"/.exec(json(report.components))![1]!;
const buttonsOf = (m: ApiObject): ApiObject[] => (m.components ?? []).flatMap((row: ApiObject) => row.components ?? []);
/** The private question a press answered with (its first ephemeral answer), as the fake keeps it: with its id and flags, as a click on it carries. */
function questionOf(h: DiscordHarness, i: Interacted): ApiObject {
  const known = h.fake.store.interaction(i.payload.token);
  return structuredClone([known.original, ...known.followups].find((m) => m && (m.flags & 64) === 64)!);
}
const pressOn = (h: DiscordHarness, user: DiscordHarness['owner'], m: ApiObject, label: string) =>
  h.clickButton(user, buttonsOf(m).find((b) => b.label === label)!.custom_id, { message: structuredClone(m) });

describe.each(['http', 'gateway'] as const)('a button that asks first (%s mode)', (mode) => {
  let h: DiscordHarness;
  let casePost: ApiObject;
  let report: ApiObject;

  beforeAll(async () => {
    ({ h, casePost, report } = await reportedCase(mode));
  }, 180_000);
  afterAll(() => h?.close());

  const hideId = () => hideIdOf(report);
  const shownPost = () => h.fake.store.findMessage(h.channel, casePost.id)!;
  const hidden = () => json(shownPost()).includes('został ukryty przez moderację');
  const question = (i: Interacted) => questionOf(h, i);
  const press = (user: typeof h.owner, m: ApiObject, label: string) => pressOn(h, user, m, label);

  it('answers a press of Hide with a private question in the words of the report, and hides nothing yet', async () => {
    const ask = await h.clickButton(h.owner, hideId(), { message: report });
    expect(ask.initial.type).toBe(4);
    expect(ask.initial.data!.flags).toBe(64);
    expect(ask.initial.data!.content).toContain('**Ukryć przypadek #1?**');
    expect(ask.initial.data!.content).toContain('Tego nie da się cofnąć.');
    const buttons = buttonsOf(question(ask));
    expect(buttons.map((b) => [b.label, b.style])).toEqual([['Ukryj i usuń', 4], ['Zostaw przypadek', 2]]);
    expect(buttons.every((b) => b.custom_id.length <= 100)).toBe(true);
    expect(question(ask).flags & 64).toBe(64);
    expect(hidden()).toBe(false);
    expect(h.fake.calls.some((c) => c.method === 'PATCH' && c.path.endsWith(`/${casePost.id}`))).toBe(false);
  });

  it('Keep turns the question into a note that nothing was changed, and the case stays', async () => {
    const ask = await h.clickButton(h.owner, hideId(), { message: report });
    const keep = await press(h.owner, question(ask), 'Zostaw przypadek');
    expect(keep.initial).toMatchObject({ type: 7, data: { components: [] } });
    expect(keep.initial.data!.content).toContain('Nic nie zostało zmienione');
    expect(h.fake.store.ephemeral.get(question(ask).id)!.components).toEqual([]);
    expect(hidden()).toBe(false);
    expect(json(shownPost())).toContain('Od trzech sesji');
  });

  it('asks a member who is no facilitator too, and their confirm only tells them it is for facilitators: the case stays', async () => {
    const ask = await h.clickButton(h.anna, hideId(), { message: report });
    expect(ask.initial.type).toBe(4);
    const yes = await press(h.anna, question(ask), 'Ukryj i usuń');
    await expect.poll(() => json(h.fake.store.ephemeral.get(question(ask).id))).toContain('tylko osoby prowadzące');
    expect([6, 7]).toContain(yes.initial.type);
    expect(h.fake.store.ephemeral.get(question(ask).id)!.components).toEqual([]);
    expect(hidden()).toBe(false);
  });

  it('asks in the report’s words on a button rendered by another process (a restart, another replica), and in the presser’s language', async () => {
    // A report posted before a restart carries a words key no process knows now; the action declares the words.
    const old = hideId().replace('?/', '?zzzzzzzz/');
    const oldReport = { ...report, components: [{ type: 1, components: [{ ...buttonsOf(report)[0], custom_id: old }] }] };
    const ask = await h.clickButton(h.owner, old, { message: oldReport });
    expect(ask.initial.type).toBe(4);
    expect(ask.initial.data!.content).toContain('**Ukryć przypadek #1?**');
    expect(buttonsOf(question(ask)).map((b) => [b.label, b.style])).toEqual([['Ukryj i usuń', 4], ['Zostaw przypadek', 2]]);
    const keep = await press(h.owner, question(ask), 'Zostaw przypadek');
    expect(keep.initial.data!.content).toContain('Nic nie zostało zmienione');
    // Ben reads Discord in English: the question is his, in English, though the report is in Polish.
    const asked = await h.clickButton(h.ben, hideId(), { message: report });
    expect(asked.initial.data!.content).toContain('**Hide case #1?**');
    expect(buttonsOf(question(asked)).map((b) => b.label)).toEqual(['Hide and delete', 'Keep the case']);
    await press(h.ben, question(asked), 'Keep the case');
    expect(hidden()).toBe(false);
  });

  it('Hide and delete runs the press: the case is hidden, its post replaced, and the question becomes the answer', async () => {
    const ask = await h.clickButton(h.owner, hideId(), { message: report });
    const yes = await press(h.owner, question(ask), 'Ukryj i usuń');
    expect([6, 7]).toContain(yes.initial.type);
    await expect.poll(() => json(h.fake.store.ephemeral.get(question(ask).id))).toContain('Przypadek #1 jest ukryty');
    expect(h.fake.store.ephemeral.get(question(ask).id)!.components).toEqual([]);
    await expect.poll(hidden).toBe(true);
    expect(json(shownPost())).not.toContain('Od trzech sesji');
    expect(shownPost().components).toEqual([]);
    // As a press acts: the answer is private, and only the case post changed in the channel.
    expect(h.fake.calls.filter((c) => c.method === 'PATCH' && c.path.startsWith('/channels/') && c.path.endsWith(`/${question(ask).id}`))).toEqual([]);
  });
});

describe.each(['http', 'gateway'] as const)('a button that asks first, when hiding takes longer than Discord waits (%s mode)', (mode) => {
  let r: Awaited<ReturnType<typeof reportedCase>>;
  beforeAll(async () => void (r = await reportedCase(mode)), 180_000);
  afterAll(() => r?.h.close());

  it('acknowledges the confirm first, then turns the question into the answer once the case is hidden', async () => {
    const { h, casePost, report } = r;
    const ask = await h.clickButton(h.owner, hideIdOf(report), { message: report });
    expect(ask.initial.type).toBe(4);
    // Replacing the case post takes Discord longer than the 2 s the bot may wait before acknowledging the press.
    h.fake.delayNext('PATCH', new RegExp(`^/channels/${h.channel}/messages/${casePost.id}$`), 2300);
    const yes = await pressOn(h, h.owner, questionOf(h, ask), 'Ukryj i usuń');
    expect(yes.initial.type).toBe(6);
    const shown = () => h.fake.store.ephemeral.get(questionOf(h, ask).id)!;
    await expect.poll(() => shown().content, { timeout: 5000 }).toContain('Przypadek #1 jest ukryty');
    expect(shown().components).toEqual([]);
    expect(json(h.fake.store.findMessage(h.channel, casePost.id))).toContain('został ukryty przez moderację');
  });
});
