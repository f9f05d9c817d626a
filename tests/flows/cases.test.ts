// Anonymous cases through the memory adapter: form, de-identification preview, edit, delayed publication, refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Said } from '../../adapters/memory/index.js';
import type { Span } from '../../src/core/message.js';
import { PlatformError } from '../../src/core/errors.js';
import { caseDrafts, cases, outbox, teams } from '../../src/db/schema/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { findInDatabase } from '../helpers/dbsearch.js';

const MIN = 60_000;
/** An author whose id and name appear nowhere else, so a search for them means exactly one thing. */
const zofia = { id: 'U_ZOFIA7', name: 'Zofia Wrzos', locale: 'pl-PL' };
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };

const BODY =
  'Klient po roku terapii nagle przestał przychodzić. PESEL 44051401359, mail jan.k@example.com, tel. +48 601 234 567. ' +
  'Czułam złość i wstyd. Próbowałam zadzwonić raz, bez odpowiedzi.';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  // Everyone has been here once, so the first-use note doesn't get in the way.
  for (const m of [facilitator, anna, ben, zofia, carol]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

type Private = Extract<Said, { kind: 'private' }>;
function lastPrivateMessage(member: string): Private {
  return [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member)!;
}
/** The draft token from the preview's Publish button. */
function previewToken(member: string): string {
  const m = lastPrivateMessage(member).message;
  for (const b of m.blocks) if (b.type === 'actions') for (const x of b.buttons) if (x.action === 'case.publish') return x.value!;
  throw new Error('no preview');
}
const values = (o: Partial<Record<'title' | 'body' | 'question', string>> & { tags?: string[] } = {}) => ({
  title: o.title ?? 'Klient, który przestał przychodzić',
  body: o.body ?? 'Po nazwaniu milczenia klient nie wrócił. Czuję, że zabrakło umowy.',
  question: o.question ?? 'Jak wrócić do rozmowy o kontrakcie?',
  tags: o.tags ?? ['dropout'],
});
async function teamRow() {
  const [t] = await tb.bot.db.select().from(teams).where(eq(teams.externalId, 'T1'));
  return t!;
}
async function postCase(member: typeof anna, v = values()): Promise<void> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, v);
  await tb.mem.click(member, 'case.publish', previewToken(member.id));
}

describe('/case before the team is ready', () => {
  it('refuses and says how a facilitator sets the case channel', async () => {
    await tb.mem.command(anna, '/case');
    expect(tb.mem.lastPrivate(anna.id)).toContain('/sojusz zespół kanał-przypadków');
    expect(tb.mem.lastForm(anna.id)).toBeUndefined();
  });

  it('lets only facilitators choose the channels, and never the same one twice', async () => {
    await tb.mem.command(ben, '/sojusz team case-channel #cases');
    expect(tb.mem.lastPrivate(ben.id)).toContain('Only facilitators');
    await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('#cases');
    await tb.mem.command(facilitator, '/sojusz team mod-channel #cases');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('nie może być kanałem przypadków');
    await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('#mods');
  });

  it('refuses while the case channel is too small to hide in, and says why', async () => {
    tb.mem.channels.set('cases', [anna.id, ben.id]);
    await tb.mem.command(anna, '/case');
    expect(tb.mem.lastPrivate(anna.id)).toMatch(/są 2 osoby, a potrzeba co najmniej 4.*łatwo zgadnąć/s);
    tb.mem.channels.set('cases', [anna.id, ben.id, facilitator.id, zofia.id, carol.id]);
  });

  it('checks the delay window a facilitator types', async () => {
    await tb.mem.command(facilitator, '/sojusz team case-delay 30-5');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('2-20');
    await tb.mem.command(facilitator, '/sojusz team case-delay 0-200');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('od 0 do 180');
    await tb.mem.command(facilitator, '/sojusz team case-delay 2-20');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('2–20');
  });

  it('shows the whole command when the delay cannot be read, and does not promise hidden timing without a range', async () => {
    expect(await tb.mem.ask(facilitator, '/sojusz team case-delay soon')).toContain('np. /sojusz zespół opóźnienie-przypadków 2-20');
    const none = await tb.mem.ask(facilitator, '/sojusz team case-delay 0-0');
    expect(none).toBe('Gotowe — przypadki pojawią się od razu. Bez opóźnienia pora publikacji może wskazać osobę, która właśnie go wysłała.');
    const fixed = await tb.mem.ask(facilitator, '/sojusz team case-delay 5-5');
    expect(fixed).toMatch(/^Nowy przypadek pojawi się po 5 min\. Przy stałym opóźnieniu/);
    expect(fixed).not.toContain('żeby pora publikacji nie wskazywała nikogo');
    await tb.mem.command(facilitator, '/sojusz team case-delay 2-20');
  });
});

describe('writing and publishing a case', () => {
  it('previews with the findings in bold, reopens the form with the text, publishes masked after the delay', async () => {
    await tb.mem.command(zofia, '/case');
    expect(tb.mem.lastForm(zofia.id)?.id).toBe('case');
    const out = await tb.mem.fill(zofia, values({ body: `${BODY} Rozmawiałam o tym z Kasią.` }));
    expect(out).toEqual({ kind: 'close' });

    const preview = lastPrivateMessage(zofia.id);
    expect(preview.text).toContain('Tak zobaczy to grupa');
    expect(preview.text).toMatch(/Numer PESEL „44051401359” — zostanie zastąpiony przez \[PESEL\]/);
    expect(preview.text).toContain('Adres e-mail „jan.k@example.com” — zostanie zastąpiony przez [e-mail]');
    expect(preview.text).toContain('Numer telefonu „+48 601 234 567”');
    expect(preview.text).toMatch(/Wygląda na imię lub nazwisko „Kasią” — rozważ zmianę/);
    const quoted = preview.message.blocks.flatMap((b) => (b.type === 'quote' ? b.text : []));
    // "What the group will see": an always-masked finding shows as its mask, in bold; the rest as written.
    expect(quoted.find((s) => s.text === '[PESEL]')).toMatchObject({ style: 'bold', untrusted: true });
    expect(quoted.some((s) => s.text.includes('44051401359'))).toBe(false);
    expect(quoted.find((s) => s.text === 'Kasią')).toMatchObject({ style: 'bold', untrusted: true });

    // Edit: the same text comes back in the form.
    const token = previewToken(zofia.id);
    await tb.mem.click(zofia, 'case.edit', token);
    const again = tb.mem.lastForm(zofia.id)!;
    expect(again.fields.find((f) => f.id === 'body')).toMatchObject({ initial: `${BODY} Rozmawiałam o tym z Kasią.` });
    await tb.mem.fill(zofia, values({ body: `${BODY} Rozmawiałam o tym w superwizji.` }));
    // The new preview carries its own buttons; the old one's only say a newer preview replaced them (cases-preview).
    const edited = previewToken(zofia.id);
    expect(edited).not.toBe(token);
    expect(lastPrivateMessage(zofia.id).text).not.toContain('Kasią');

    await tb.mem.click(zofia, 'case.publish', edited);
    expect(tb.mem.lastPrivate(zofia.id)).toMatch(/Przypadek #1 pojawi się na #cases za 2–20 minut/);

    // Not before the window's minimum (2 minutes), surely after its maximum (20).
    tb.clock.advance(1 * MIN);
    await tb.bot.runDueWork();
    expect(tb.mem.posts('cases')).toHaveLength(0);
    tb.clock.advance(20 * MIN);
    await tb.bot.runDueWork();
    const posts = tb.mem.posts('cases');
    expect(posts).toHaveLength(1);
    const post = posts[0]!.text;
    expect(post).toContain('Przypadek #1');
    expect(post).toContain('Klient, który przestał przychodzić');
    expect(post).toContain('PESEL [PESEL], mail [e-mail], tel. [tel.]');
    expect(post).not.toMatch(/44051401359|jan\.k@example\.com|601 234 567/);
    expect(post).toContain('Przerwanie terapii');
    expect(post).toContain('[Odpowiedz anonimowo] [Zgłoś]');
    // The draft's text is gone; only its published mark waits out the day, holding the number alone.
    expect((await tb.bot.db.select().from(caseDrafts)).map((d) => tb.bot.secrets.decrypt(d.sealed))).toEqual(['{"published":1}']);
  });

  it('keeps the author’s id and name out of every table but the member roster, and out of the logs', async () => {
    expect(await findInDatabase(tb.bot.db, zofia.id)).toEqual(['members.external_id']);
    expect(await findInDatabase(tb.bot.db, zofia.name)).toEqual([]);
    expect(await findInDatabase(tb.bot.db, 'Wrzos')).toEqual([]);
    const logs = tb.logs.join('\n');
    expect(logs).not.toContain(zofia.id);
    expect(logs).not.toContain('Wrzos');
    // Nor does the post carry anything of her.
    expect(JSON.stringify(tb.mem.posts('cases'))).not.toMatch(/ZOFIA|Zofia/i);
  });

  it('delivers @everyone, <!channel> and user mentions in a case only as untrusted text', async () => {
    await postCase(anna, values({ title: '@everyone pilne', body: 'Proszę <!channel> i <@U_BEN> o pomoc, @here.', question: 'Co dalej? <!here>' }));
    tb.clock.advance(21 * MIN);
    await tb.bot.runDueWork();
    const post = tb.mem.posts('cases').at(-1)!;
    const spans: Span[] = post.message.blocks.flatMap((b) => (b.type === 'quote' || b.type === 'text' || b.type === 'note' ? b.text : []));
    for (const needle of ['@everyone', '<!channel>', '<@U_BEN>', '@here', '<!here>']) {
      const holding = spans.filter((s) => s.text.includes(needle));
      expect(holding.length, needle).toBeGreaterThan(0);
      for (const s of holding) expect(s.untrusted, needle).toBe(true);
    }
    expect(spans.some((s) => s.mention)).toBe(false);
  });

  it('shows a clean preview with Publish and Cancel when nothing looks identifying; Cancel posts nothing', async () => {
    await tb.mem.command(ben, '/case');
    await tb.mem.fill(ben, values({ title: 'A quiet rupture', body: 'I pushed homework when the client needed to be heard.', question: 'How do I repair it?' }));
    const preview = lastPrivateMessage(ben.id);
    expect(preview.text).toContain('didn’t find anything');
    expect(preview.text).toContain('[Publish]');
    const before = tb.mem.posts().length;
    await tb.mem.click(ben, 'case.cancel', previewToken(ben.id));
    expect(tb.mem.lastPrivate(ben.id)).toContain('Nothing was posted');
    tb.clock.advance(30 * MIN);
    await tb.bot.runDueWork();
    expect(tb.mem.posts().length).toBe(before);
  });

  it('answers empty fields and over-long text at the field, posting nothing', async () => {
    await tb.mem.command(ben, '/case');
    const out = await tb.mem.fill(ben, { title: '   ', body: 'x'.repeat(3001), question: 'q'.repeat(501), tags: [] });
    expect(out).toEqual({
      kind: 'errors',
      errors: {
        title: 'Please fill this in.',
        body: 'That is 3001 characters; the limit is 3000. Please shorten it.',
        question: 'That is 501 characters; the limit is 500. Please shorten it.',
      },
    });
    const ok = await tb.mem.fill(ben, values({ body: 'x'.repeat(3000) }));
    expect(ok).toEqual({ kind: 'close' });
  });

  it('publishes nothing at all when the post cannot be queued, and keeps the draft to try again', async () => {
    const team = await teamRow();
    const before = await tb.bot.db.select().from(cases);
    const next = Math.max(...before.map((c) => c.number)) + 1;
    // Something already holds the post's outbox key.
    await tb.bot.db.insert(outbox).values({ teamId: team.id, key: `case:${team.id}:${next}`, target: { kind: 'channel', channel: 'elsewhere' }, message: { blocks: [] }, status: 'cancelled', notBefore: tb.clock.now(), createdAt: tb.clock.now() });
    await tb.mem.command(carol, '/case');
    await tb.mem.fill(carol, values({ title: 'Over-structured sessions' }));
    const token = previewToken(carol.id);
    await tb.mem.click(carol, 'case.publish', token);
    expect(tb.mem.lastPrivate(carol.id)).toContain('nothing was posted');
    expect(await tb.bot.db.select().from(cases)).toHaveLength(before.length);
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toHaveLength(1);

    await tb.bot.db.delete(outbox).where(eq(outbox.key, `case:${team.id}:${next}`));
    await tb.mem.click(carol, 'case.publish', token);
    expect(tb.mem.lastPrivate(carol.id)).toContain(`Case #${next} will appear`);
  });

  it('stops a member at the daily limit until tomorrow', async () => {
    await postCase(ben);
    await postCase(ben);
    await postCase(ben);
    await tb.mem.command(ben, '/case');
    expect(tb.mem.lastPrivate(ben.id)).toContain('You’ve posted 3 cases today');
    expect(tb.mem.lastPrivate(anna.id)).not.toContain('daily limit');
    tb.clock.advance(24 * 60 * MIN);
    await tb.mem.command(ben, '/case');
    expect(tb.mem.lastForm(ben.id)?.id).toBe('case');
  });

  it('keeps the typed case as a draft when it is refused at submit, and publishes it once it may go out', async () => {
    const members = tb.mem.channels.get('cases')!;
    await tb.mem.command(zofia, '/case');
    expect(tb.mem.lastForm(zofia.id)?.id).toBe('case');
    tb.mem.channels.set('cases', [anna.id, ben.id]); // people left the channel while she was writing
    await tb.mem.fill(zofia, values({ title: 'Milczenie po przerwie wakacyjnej' }));
    const refused = lastPrivateMessage(zofia.id);
    expect(refused.text).toMatch(/są 2 osoby, a potrzeba co najmniej 4/);
    expect(refused.text).toContain('Twój tekst jest bezpieczny');
    expect(refused.text).toContain('Milczenie po przerwie wakacyjnej');
    const token = previewToken(zofia.id);
    await tb.mem.click(zofia, 'case.publish', token);
    expect(tb.mem.lastPrivate(zofia.id)).toMatch(/są 2 osoby/);
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toHaveLength(1);
    tb.mem.channels.set('cases', members);
    await tb.mem.click(zofia, 'case.publish', token);
    expect(tb.mem.lastPrivate(zofia.id)).toMatch(/Przypadek #\d+ pojawi się/);
    const left = await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token));
    expect(left.map((d) => tb.bot.secrets.decrypt(d.sealed))).toEqual([expect.stringMatching(/^\{"published":\d+\}$/)]);
  });

  it('keeps the draft when the case channel cannot be reached, and leaves none behind after a bug', async () => {
    const real = tb.mem.channelMembers.bind(tb.mem);
    try {
      await tb.mem.command(zofia, '/case');
      tb.mem.channelMembers = async () => {
        throw new PlatformError('memory', 'channel_not_found', undefined, undefined, false, 'channel', 'place');
      };
      await tb.mem.fill(zofia, values({ title: 'Kanał, którego nie ma' }));
      const refused = lastPrivateMessage(zofia.id).text;
      expect(refused).toContain('Nie mogę pisać na #cases');
      expect(refused).toContain('Twój tekst jest bezpieczny');
      const drafts = (await tb.bot.db.select().from(caseDrafts)).length;
      await tb.mem.command(zofia, '/case');
      tb.mem.channelMembers = async () => {
        throw new Error('a bug');
      };
      await tb.mem.fill(zofia, values({ title: 'Po błędzie' }));
      expect(tb.mem.lastPrivate(zofia.id)).toContain('coś poszło nie tak po naszej stronie');
      expect(await tb.bot.db.select().from(caseDrafts)).toHaveLength(drafts);
    } finally {
      tb.mem.channelMembers = real;
    }
  });

  it('allows posting where the platform cannot count members, and tells the author it could not check', async () => {
    await tb.mem.command(facilitator, '/sojusz team case-channel #uncounted');
    await tb.mem.command(carol, '/case');
    await tb.mem.fill(carol, values());
    expect(lastPrivateMessage(carol.id).text).toContain('can’t tell me how many people');
    await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  });
});
