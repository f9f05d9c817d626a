// A supervision topic from /autocheck bound for the group that may name a client is held back: its author sees it
// as the group would, privately, and chooses Edit (re-checked), Send as it is, or Keep it private. Nothing reaches
// the agenda, a reminder or any readable column before that; buttons pressed twice or too late answer calmly.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Button, Message } from '../../src/core/message.js';
import { autochecks, schedules, supervisionTopics } from '../../src/db/schema/index.js';
import { unseal } from '../../src/features/autocheck/store.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const PHONE = '601 234 567';
const TOPIC = `Pani Anna Kowalska (tel. ${PHONE}) przerwała terapię po trzech sesjach`;
const tomek = { id: 'U_TOMEK', name: 'Tomek', locale: 'pl-PL' };
const ola = { id: 'U_OLA', name: 'Ola', locale: 'en-GB' };

let tb: TestBot;
const said = (id: string) => tb.mem.privateTo(id).at(-1) ?? '';

/** The last private message to the member that carries the held topic's buttons, with its buttons by action. */
function preview(id: string): { message: Message; text: string; edit: Button; send: Button; keep: Button } {
  const last = [...tb.mem.said].reverse().find((s) => s.kind === 'private' && s.member === id && s.message.blocks.some((b) => b.type === 'actions' && b.buttons.some((x) => x.action === 'autocheck.topic.send')));
  if (!last || last.kind !== 'private') throw new Error(`no held topic for ${id}`);
  const buttons = last.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
  const by = (a: string) => buttons.find((b) => b.action === `autocheck.topic.${a}`)!;
  return { message: last.message, text: last.text, edit: by('edit'), send: by('send'), keep: by('keep') };
}

async function check(member: { id: string; locale?: string }, destination: string, supervision: string) {
  await tb.mem.command(member, '/autocheck');
  return tb.mem.fill(member, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination, supervision });
}

/** Every row of the tables a held topic could leak into, as one string. */
async function dump(): Promise<string> {
  const rows = [];
  for (const table of ['autochecks', 'schedules', 'supervision_topics', 'outbox']) {
    const r = (await tb.bot.db.execute(sql.raw(`select * from ${table}`))) as unknown as { rows?: unknown[] } & unknown[];
    rows.push(r.rows ?? r);
  }
  return JSON.stringify(rows);
}

const agenda = async () => {
  await tb.mem.command(facilitator, '/supervision agenda');
  return said(facilitator.id);
};

const checksOf = async () => (await tb.bot.db.select().from(autochecks)).map((r) => ({ id: r.id, answers: unseal(tb.bot.secrets, r.sealed) }));

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw; a session on Tuesday 10 March.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, tomek, ola]) await tb.mem.command(m, '/sojusz help');
  tb.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id, tomek.id, ola.id]);
  await tb.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
});
afterAll(() => tb.close());

describe('a group topic that may name a client', () => {
  it('is held privately, shown as the group would see it, and reaches neither the agenda nor any readable column', async () => {
    expect(await check(tomek, 'anonymous', TOPIC)).toEqual({ kind: 'close' });
    const shown = preview(tomek.id);
    expect(shown.text).toContain('Temat jeszcze nie trafił do grupy');
    expect(shown.text).toContain('„Anna Kowalska”');
    expect(shown.text).toContain('Tak zobaczy go grupa w agendzie na');
    expect(shown.text).toContain('(tel. [tel.])');
    expect(shown.text).not.toContain(PHONE);
    expect(shown.edit).toMatchObject({ label: 'Popraw', style: 'primary' });
    expect(shown.send.label).toBe('Wyślij bez zmian');
    expect(shown.keep.label).toBe('Zostaw prywatnie');
    expect(shown.message.summary).not.toContain('Kowalska');
    // The check itself is saved as usual, privately.
    expect(tb.mem.privateTo(tomek.id).at(-2)).toContain('Zapisane prywatnie');

    // Nothing is queued: no anonymous topic waits, none appears after the usual delay, no reminder names her.
    expect(await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'anon-topic'))).toEqual([]);
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    expect(await agenda()).not.toContain('Kowalska');
    const db = await dump();
    for (const needle of ['Kowalska', 'Anna Kowalska', '601', 'przerwała']) expect(db).not.toContain(needle);
    // The held topic waits sealed in the check, which stays private until Tomek decides.
    const mine = (await checksOf()).find((c) => c.answers.supervision === TOPIC)!;
    expect(mine.answers).toMatchObject({ destination: 'keep', held: { to: 'anonymous' } });
  });

  it('Edit opens a small form pre-filled as the group would read it; a clean edit goes anonymously, the usual way', async () => {
    const { edit } = preview(tomek.id);
    await tb.mem.click(tomek, edit.action, edit.value);
    const form = tb.mem.lastForm(tomek.id)!;
    expect(form.fields).toEqual([expect.objectContaining({ kind: 'text', id: 'topic', initial: 'Pani Anna Kowalska (tel. [tel.]) przerwała terapię po trzech sesjach' })]);
    expect(form.state).not.toContain('Kowalska');
    await tb.mem.fill(tomek, { topic: 'Klientka przerwała terapię po trzech sesjach, bez słowa wyjaśnienia' });
    expect(said(tomek.id)).toContain('Temat trafi anonimowo do agendy superwizji grupy w ciągu 20 minut');
    // Queued, not written: it joins the agenda minutes later, with nothing pointing to Tomek.
    expect((await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'anon-topic'))).length).toBe(1);
    expect(await agenda()).not.toContain('bez słowa wyjaśnienia');
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    const now = await agenda();
    expect(now).toContain('Klientka przerwała terapię po trzech sesjach, bez słowa wyjaśnienia');
    expect(now).not.toContain('Kowalska');
    expect(now).not.toContain('Tomek');
    const row = (await tb.bot.db.select().from(supervisionTopics)).find((r) => r.text?.includes('bez słowa wyjaśnienia'))!;
    expect(row).toMatchObject({ memberId: null, visibility: 'anonymous', source: null });
    // The check keeps the words that went, and is no longer holding anything.
    const mine = (await checksOf()).find((c) => c.answers.supervision?.includes('bez słowa wyjaśnienia'))!;
    expect(mine.answers.destination).toBe('anonymous');
    expect(mine.answers.held).toBeUndefined();
  });

  it('answers the old buttons calmly once the topic was sent, and adds nothing twice', async () => {
    const { send, keep } = preview(tomek.id);
    await tb.mem.click(tomek, send.action, send.value);
    expect(said(tomek.id)).toContain('Ten temat został już wysłany do agendy grupy');
    await tb.mem.click(tomek, keep.action, keep.value);
    expect(said(tomek.id)).toContain('został już wysłany');
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    expect((await tb.bot.db.select().from(supervisionTopics)).filter((r) => r.text?.includes('bez słowa wyjaśnienia'))).toHaveLength(1);
  });

  it('an edit that still looks identifying is held again, and the older preview no longer sends', async () => {
    await check(ola, 'named', 'Mrs Joanna Nowak from Kraków keeps cancelling');
    const first = preview(ola.id);
    expect(first.text).toContain('Your topic has not gone to the group yet');
    expect(first.text).toContain('with your name');
    await tb.mem.click(ola, first.edit.action, first.edit.value);
    await tb.mem.fill(ola, { topic: 'Joanna Nowak keeps cancelling' });
    const second = preview(ola.id);
    expect(second.text).toContain('“Joanna Nowak”');
    expect(second.send.value).not.toBe(first.send.value);
    await tb.mem.click(ola, first.send.action, first.send.value);
    expect(said(ola.id)).toContain('You have edited this topic since');
    expect(await agenda()).not.toContain('Nowak');
  });

  it('Send as it is puts a named topic on the agenda as written (masked), once, and closes the preview', async () => {
    const { send } = preview(ola.id);
    const source = { team: 'T1', channel: 'general', id: 'preview-1' };
    await tb.mem.click(ola, send.action, send.value, source);
    expect(said(ola.id)).toContain('Your topic is on the group’s supervision agenda, with your name.');
    expect(said(ola.id)).toMatch(/\/supervision topic remove \d+/);
    const closed = tb.mem.said.find((s) => s.kind === 'update' && s.ref.id === 'preview-1');
    expect(closed && closed.kind === 'update' && closed.text).toContain('your choice about this topic is saved');
    expect(closed && closed.kind === 'update' && closed.text).not.toContain('Nowak');
    await tb.mem.click(ola, send.action, send.value);
    expect(said(ola.id)).toContain('already been sent');
    const named = (await tb.bot.db.select().from(supervisionTopics)).filter((r) => r.text === 'Joanna Nowak keeps cancelling');
    expect(named).toHaveLength(1);
    expect(await agenda()).toContain('Joanna Nowak keeps cancelling');
  });

  it('Keep it private instead leaves the topic only in the check, and a second press says so calmly', async () => {
    await check(anna, 'named', TOPIC);
    const { keep, send } = preview(anna.id);
    await tb.mem.click(anna, keep.action, keep.value);
    expect(said(anna.id)).toContain('Temat zostaje tylko w Twoim prywatnym autochecku; do grupy nic nie trafiło.');
    await tb.mem.click(anna, send.action, send.value);
    expect(said(anna.id)).toContain('Ten temat już zostaje tylko w Twoim prywatnym autochecku');
    expect(await agenda()).not.toContain('Kowalska');
    const mine = (await checksOf()).filter((c) => c.answers.supervision === TOPIC);
    expect(mine.map((c) => c.answers.destination)).toEqual(['keep']);
    expect(mine[0]!.answers.held).toBeUndefined();
  });

  it('after a day the buttons answer calmly that the topic stayed private, and nothing is added', async () => {
    await check(ben, 'named', 'When Mr Piotr Zieliński goes silent');
    const { send } = preview(ben.id);
    // Another member pressing it hears the same as for a topic that is gone.
    await tb.mem.click(anna, send.action, send.value);
    expect(said(anna.id)).toContain('nie czeka już na Twoją decyzję');
    tb.clock.advance(24 * 60 * 60_000 + 60_000);
    await tb.mem.click(ben, send.action, send.value);
    expect(said(ben.id)).toContain('no longer waiting for your choice');
    expect(await agenda()).not.toContain('Zieliński');
  });

  it('lets a topic with nothing identifying go as before, with no preview', async () => {
    const before = tb.mem.said.length;
    await check(ben, 'named', 'Ending well with a client who keeps extending');
    expect(said(ben.id)).toContain('Your topic is on the group’s supervision agenda, with your name.');
    expect(tb.mem.said.slice(before).some((s) => s.kind === 'private' && s.text.includes('has not gone to the group'))).toBe(false);
  });

  it('never writes a held topic to the logs', () => {
    const logs = tb.logs.join('\n');
    for (const needle of ['Kowalska', PHONE, 'Nowak', 'Zieliński']) expect(logs).not.toContain(needle);
  });
});
