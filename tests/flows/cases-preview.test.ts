// The private preview around publishing: its buttons after the case is out, its list of findings, its highlighted
// button, and the words it and the other case answers use in Polish.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { Said } from '../../adapters/memory/index.js';
import type { Block, Button } from '../../src/core/message.js';
import type { MessageRef } from '../../src/core/port.js';
import { caseDrafts, cases } from '../../src/db/schema/index.js';
import { purgeCases } from '../../src/features/cases/retention.js';
import { cases as plCases } from '../../src/i18n/pl/cases.js';
import { anna, ben, facilitator, type TestBot } from '../helpers/bot.js';
import { answerTo, caseTeam } from '../helpers/cases.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dora = { id: 'U_DORA', name: 'Dora', locale: 'pl-PL' };
type Member = typeof anna;
type Private = Extract<Said, { kind: 'private' }>;

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, carol, dora]);
});
afterAll(() => tb.close());
// A new day for every test: the daily case limit never decides what a test sees.
beforeEach(() => tb.clock.advance(DAY));

const lastPrivateMessage = (member: string) => [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member)!;
const buttonsOf = (blocks: Block[]): Button[] => blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const tokenOf = (member: string) => buttonsOf(lastPrivateMessage(member).message.blocks).find((b) => b.action === 'case.publish')!.value!;
let previews = 0;
/** Where the memory platform says the preview was: a message the button was pressed on. */
const previewRef = (member: Member): MessageRef => ({ team: 'T1', channel: `D-${member.id}`, id: `preview-${++previews}` });

async function draft(member: Member, text: { title: string; body: string; question?: string }): Promise<string> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { question: 'Jak to naprawić?', tags: [], ...text });
  return tokenOf(member.id);
}
const answer = (member: Member, act: () => Promise<unknown>) => answerTo(tb.mem, member.id, act);
const caseCount = async () => (await tb.bot.db.select().from(cases)).length;

describe('the preview of a case already published', () => {
  it('answers a second Publish calmly, with the case number, and publishes nothing more', async () => {
    const token = await draft(anna, { title: 'Po nazwaniu milczenia', body: 'Klient przestał przychodzić.' });
    const preview = previewRef(anna);
    await tb.mem.click(anna, 'case.publish', token, preview);
    const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(anna.id)!)![1]);
    const before = await caseCount();

    const again = await answer(anna, () => tb.mem.click(anna, 'case.publish', token, preview));
    expect(again.said).toEqual([`Przypadek #${n} jest już opublikowany, więc nie trzeba tu nic więcej robić — nic nie przepadło. Jeśli zmienisz zdanie: /case wycofaj ${n}.`]);
    expect(again.said.join()).not.toContain('Tego szkicu już nie ma');
    expect(await caseCount()).toBe(before);
  });

  it('answers Edit and Cancel on it the same way, opening no form and withdrawing nothing', async () => {
    const token = await draft(anna, { title: 'Edytowany po publikacji', body: 'Za szybko przeszłam do zadań.' });
    await tb.mem.click(anna, 'case.publish', token);
    const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(anna.id)!)![1]);

    const edit = await answer(anna, () => tb.mem.click(anna, 'case.edit', token));
    expect(edit.forms).toBe(0);
    expect(edit.said).toEqual([expect.stringContaining(`Przypadek #${n} jest już opublikowany`)]);
    const cancel = await answer(anna, () => tb.mem.click(anna, 'case.cancel', token));
    expect(cancel.said).toEqual([expect.stringContaining(`Przypadek #${n} jest już opublikowany`)]);
    const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, n));
    expect(row!.status).toBe('pending');
    expect(row!.title).toBe('Edytowany po publikacji');
  });

  it('replaces the preview with a short note without buttons or case text, where the platform says which message it was', async () => {
    const token = await draft(anna, { title: 'Zamknięty podgląd', body: 'Tekst, który nie powinien zostać w podglądzie.' });
    const preview = previewRef(anna);
    const first = await answer(anna, () => tb.mem.click(anna, 'case.publish', token, preview));
    expect(first.updates).toHaveLength(1);
    expect(first.updates[0]!.ref).toEqual(preview);
    expect(first.updates[0]!.text).toBe('Zapisane do publikacji — ten podgląd jest już zamknięty.');
    expect(buttonsOf(first.updates[0]!.message.blocks)).toEqual([]);

    // An older copy of the preview (or a platform that kept the buttons) is closed the same way on its next press.
    const older = previewRef(anna);
    const again = await answer(anna, () => tb.mem.click(anna, 'case.publish', token, older));
    expect(again.updates.map((u) => [u.ref, u.text])).toEqual([[older, 'Zapisane do publikacji — ten podgląd jest już zamknięty.']]);
  });

  it('gives the calm answer alone where the platform does not say which message was pressed', async () => {
    const token = await draft(anna, { title: 'Bez odnośnika', body: 'Platforma nie podaje wiadomości.' });
    await tb.mem.click(anna, 'case.publish', token);
    const again = await answer(anna, () => tb.mem.click(anna, 'case.publish', token));
    expect(again.updates).toEqual([]);
    expect(again.said).toEqual([expect.stringContaining('jest już opublikowany')]);
  });

  it('tells nobody but the author which case a draft became: another member pressing its button hears only that the draft is gone', async () => {
    const token = await draft(anna, { title: 'Tylko dla autorki', body: 'Nikt inny nie pozna numeru.' });
    await tb.mem.click(anna, 'case.publish', token);
    for (const action of ['case.publish', 'case.edit', 'case.cancel']) {
      const heard = await answer(ben, () => tb.mem.click(ben, action, token));
      expect(heard.said, action).toEqual(['This draft is no longer here (drafts are kept for a day). Start again with /case.']);
      expect(heard.updates, action).toEqual([]);
    }
  });

  it('keeps no member id, no plain case number and no case text in the mark, and forgets it a day after the case went out', async () => {
    const token = await draft(carol, { title: 'A mark that expires', body: 'Nothing of this may stay in the mark.' });
    await tb.mem.click(carol, 'case.publish', token);
    const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(carol.id)!)![1]);
    const marks = await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token));
    expect(marks).toHaveLength(1);
    const stored = JSON.stringify(marks);
    for (const leak of [carol.id, carol.name, 'A mark that expires', 'Nothing of this', `"published":${n}`]) expect(stored).not.toContain(leak);
    expect(tb.bot.secrets.decrypt(marks[0]!.sealed)).toBe(JSON.stringify({ published: n }));

    // Its time is the case's publication instant (public), never the moment the draft was written or sent.
    const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, n));
    expect(marks[0]!.createdAt).toEqual(row!.publishAt);
    tb.clock.set(new Date(row!.publishAt.getTime() + DAY + MIN));
    await tb.bot.db.transaction((tx) => purgeCases(tx, tb.clock.now()));
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toEqual([]);
    const late = await answer(carol, () => tb.mem.click(carol, 'case.publish', token));
    expect(late.said).toEqual(['This draft is no longer here (drafts are kept for a day). Start again with /case.']);
  });

  it('forgets the mark when its author erases their data, so nothing ties them to the case any more', async () => {
    const token = await draft(dora, { title: 'Zapomniany znak', body: 'Po usunięciu danych nic nie wiąże.' });
    await tb.mem.click(dora, 'case.publish', token);
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toHaveLength(1);
    await tb.mem.command(dora, '/sojusz mydata delete');
    await tb.mem.click(dora, 'privacy.delete', 'unlink');
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toEqual([]);
    const after = await answer(dora, () => tb.mem.click(dora, 'case.publish', token));
    expect(after.said).toEqual(['Tego szkicu już nie ma (szkice czekają jeden dzień). Zacznij od nowa: /case.']);
  });
});

describe('the findings the preview lists', () => {
  it('lists a finding that occurs several times once, and still marks every occurrence in bold', async () => {
    await draft(anna, {
      title: 'Marta Zielińska i granice',
      body: 'Marta Zielińska napisała w nocy. Rano Marta Zielińska przeprosiła.',
    });
    const blocks = lastPrivateMessage(anna.id).message.blocks;
    const list = blocks.find((b): b is Extract<Block, { type: 'list' }> => b.type === 'list')!;
    const lines = list.items.map((i) => i.map((s) => s.text).join(''));
    expect(lines.filter((l) => l.includes('Marta Zielińska'))).toHaveLength(1);
    expect(lastPrivateMessage(anna.id).text).toContain(`Pogrubione jest ${lines.length} miejsce`);
    const bold = blocks.flatMap((b) => (b.type === 'quote' ? b.text : [])).filter((s) => s.style === 'bold' && s.text === 'Marta Zielińska');
    expect(bold).toHaveLength(3);
  });

  it('lists a school and a town in the preview, for the author to consider', async () => {
    await draft(anna, { title: 'Nauczycielka', body: 'To nauczycielka w SP nr 3 w Sopocie.' });
    const text = lastPrivateMessage(anna.id).text;
    expect(text).toContain('Wygląda na miejsce pracy lub szkołę „SP nr 3” — rozważ zmianę albo uogólnienie');
    expect(text).toContain('Wygląda na miejscowość „Sopocie” — rozważ zmianę albo uogólnienie');
  });
});

describe('the highlighted button of the preview', () => {
  it('highlights Edit, not Publish, when something looks identifying', async () => {
    await draft(carol, { title: 'Names inside', body: 'Then Mr Smith cancelled again, from London.' });
    const buttons = buttonsOf(lastPrivateMessage(carol.id).message.blocks);
    expect(buttons.map((b) => [b.action, b.style])).toEqual([
      ['case.edit', 'primary'],
      ['case.publish', undefined],
      ['case.cancel', undefined],
    ]);
  });

  it('highlights Publish when nothing looks identifying', async () => {
    await draft(carol, { title: 'Clean', body: 'The client arrived late and gave shorter answers.' });
    const buttons = buttonsOf(lastPrivateMessage(carol.id).message.blocks);
    expect(buttons.map((b) => [b.action, b.style])).toEqual([
      ['case.edit', undefined],
      ['case.publish', 'primary'],
      ['case.cancel', undefined],
    ]);
  });
});

describe('editing a case from its preview', () => {
  it('shows above the edit form what the preview marked, so the author does not edit from memory', async () => {
    const token = await draft(anna, { title: 'Sesja z Kasią', body: 'PESEL 44051401359 zapisałam w notatkach. Kasia milczała.' });
    await tb.mem.click(anna, 'case.edit', token);
    const intro = tb.mem.lastForm(anna.id)!.intro!;
    expect(intro).toMatch(/^W podglądzie pogrubione były \d+ miejsca, które mogą wskazywać na klienta: /);
    expect(intro).toContain('„Kasią”');
    expect(intro).toContain('„44051401359”');

    // Nothing marked: the edit form keeps the usual words.
    const clean = await draft(carol, { title: 'Silence after the break', body: 'The client went quiet after the holiday.', question: 'How do I bring it up?' });
    await tb.mem.click(carol, 'case.edit', clean);
    expect(tb.mem.lastForm(carol.id)!.intro).toBe('Nobody will see that this case is yours. Before anything is posted you will see a preview, with anything that looks like a client’s details marked.');
  });

  it('leaves the old preview unable to publish, cancel or edit text it does not show once the edit is submitted', async () => {
    const before = await caseCount();
    const old = await draft(anna, { title: 'Spotkanie z Kasią', body: 'Kasia przyszła spóźniona.' });
    const oldPreview = previewRef(anna);
    await tb.mem.click(anna, 'case.edit', old, oldPreview);
    await tb.mem.fill(anna, { title: 'Spóźniona klientka', body: 'Klientka przyszła spóźniona.', question: 'Jak o tym rozmawiać?', tags: [] });
    const edited = tokenOf(anna.id);
    expect(edited).not.toBe(old);

    const replaced = 'Po Twoich poprawkach jest już nowszy podgląd, więc przyciski tego nic nie robią. Skorzystaj z tych pod najnowszym.';
    const publish = await answer(anna, () => tb.mem.click(anna, 'case.publish', old, oldPreview));
    expect(publish.said).toEqual([replaced]);
    // Where the platform says which message it was, the old preview becomes a note without buttons or text.
    expect(publish.updates.map((u) => [u.ref, u.text])).toEqual([[oldPreview, 'Zastąpiony nowszym podglądem po poprawkach.']]);
    expect(await caseCount()).toBe(before);
    expect((await answer(anna, () => tb.mem.click(anna, 'case.cancel', old))).said).toEqual([replaced]);
    const edit = await answer(anna, () => tb.mem.click(anna, 'case.edit', old));
    expect(edit).toMatchObject({ said: [replaced], forms: 0 });

    // The newest preview still holds the case, as edited, and publishes it.
    await tb.mem.click(anna, 'case.publish', edited);
    expect(tb.mem.lastPrivate(anna.id)).toMatch(/^Zapisane do publikacji — dziękuję, że się tym dzielisz\. Przypadek #\d+ pojawi się na #cases za 2–20 minut;/);
    const [row] = await tb.bot.db.select().from(cases).orderBy(desc(cases.id)).limit(1);
    expect(row!.title).toBe('Spóźniona klientka');
  });

  it('says a published case is queued, in both languages, not that it is already out', async () => {
    const token = await draft(carol, { title: 'A quiet client', body: 'Nothing much was said.' });
    const said = await answer(carol, () => tb.mem.click(carol, 'case.publish', token, previewRef(carol)));
    expect(said.said[0]).toMatch(/^Queued — thank you for bringing this\. Case #\d+ will appear in #cases in 2–20 minutes;/);
    expect(said.updates.map((u) => u.text)).toEqual(['Queued for publishing — this preview is closed.']);
  });

  it('closes a cancelled preview into a note, so its text and buttons do not stay on screen', async () => {
    const before = await caseCount();
    const token = await draft(carol, { title: 'Not today', body: 'On second thought, not yet.' });
    const preview = previewRef(carol);
    const said = await answer(carol, () => tb.mem.click(carol, 'case.cancel', token, preview));
    expect(said.said).toEqual(['Cancelled. Nothing was posted and the draft is deleted.']);
    expect(said.updates.map((u) => [u.ref, u.text])).toEqual([[preview, 'Cancelled — nothing was posted, and the draft is deleted.']]);
    expect(await caseCount()).toBe(before);
  });
});

describe('the Polish words of cases', () => {
  it('name only Polish subcommands inside Polish sentences', () => {
    const english = /`\/(?:case|sojusz)\b[^`]*\b(?:withdraw|hide|reply|ban|team|case-channel|mod-channel|case-min-members|case-delay)\b/;
    for (const [key, value] of Object.entries(plCases)) {
      for (const text of typeof value === 'string' ? [value] : Object.values(value)) expect(text, key).not.toMatch(english);
    }
  });

  it('tells the author a Polish withdraw that works', async () => {
    const token = await draft(dora, { title: 'Do wycofania', body: 'Jednak wolę to wycofać.' });
    await tb.mem.click(dora, 'case.publish', token);
    const said = tb.mem.lastPrivate(dora.id)!;
    const command = /(\/case wycofaj \d+)/.exec(said)![1]!;
    expect(await tb.mem.ask(dora, command)).toMatch(/jest wycofany/);
  });

  it('takes the Polish facilitator commands the Polish answers suggest', async () => {
    const delay = /(\/sojusz zespół opóźnienie-przypadków \S+?)\.?$/.exec(await tb.mem.ask(facilitator, '/sojusz zespół opóźnienie-przypadków dużo'))![1]!;
    for (const line of ['/sojusz zespół kanał-przypadków #cases', '/sojusz zespół kanał-moderacji #mods', '/sojusz zespół minimum-przypadków 4', delay]) {
      expect(await tb.mem.ask(facilitator, line), line).not.toMatch(/Nie znam|nie ma polecenia|Czegoś brakuje/);
    }
  });

  it('does not say twice that a report’s reason is optional: the form marks it so itself', async () => {
    const token = await draft(anna, { title: 'Do zgłoszenia', body: 'Ktoś może to zgłosić.' });
    await tb.mem.click(anna, 'case.publish', token);
    const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(anna.id)!)![1]);
    tb.clock.advance(21 * MIN);
    await tb.bot.runDueWork();
    for (const member of [dora, carol]) {
      await tb.mem.click(member, 'case.report', String(n));
      const field = tb.mem.lastForm(member.id)!.fields[0]!;
      expect(field.optional).toBe(true);
      expect(field.label).not.toMatch(/opcjonaln|nieobowiązkow|optional/i);
    }
  });
});
