// The question before an erasure (/sojusz mydata delete): it closes after the first choice, and a later press of the
// same question (another client still showing it) says that the erasure is already done — never a second erasure,
// never "nothing was deleted", and without bringing the erased member back.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import type { Button } from '../../src/core/message.js';
import type { MessageRef } from '../../src/core/port.js';
import { cases, members, schedules, teams } from '../../src/db/schema/index.js';
import { CLEANUP_LATER } from '../../src/features/privacy/cleanup-later.js';
import { anna, ben, facilitator, type TestBot } from '../helpers/bot.js';
import { caseTeam, previewTokenOf } from '../helpers/cases.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const cara = { id: 'U_CARA', name: 'Cara', locale: 'en-GB' };
const dora = { id: 'U_DORA', name: 'Dora', locale: 'pl-PL' };
const emil = { id: 'U_EMIL', name: 'Emil', locale: 'en-GB' };
const fela = { id: 'U_FELA', name: 'Fela', locale: 'en-GB' };
type Member = typeof anna;
type Private = Extract<Said, { kind: 'private' }>;
type Update = Extract<Said, { kind: 'update' }>;

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, cara, dora, emil, fela]);
  await tb.mem.command(facilitator, '/sojusz team case-delay 0-0');
});
afterAll(() => tb.close());

let questions = 0;
/** The member asks to erase their data: the question's buttons by choice, and where the platform says it is. */
async function askToErase(member: Member): Promise<{ buttons: Record<string, Button>; ref: MessageRef }> {
  await tb.mem.command(member, '/sojusz mydata delete');
  const ask = [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member.id)!;
  const buttons = ask.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
  const byChoice = Object.fromEntries(buttons.map((b) => [b.value!.split(':')[0]!, b]));
  return { buttons: byChoice, ref: { team: 'T1', channel: 'general', id: `question-${++questions}` } };
}
/** A press of one of the question's buttons: what the member was told, and what became of the question. */
async function press(member: Member, button: Button, ref: MessageRef): Promise<{ said: string[]; notes: Update[] }> {
  const before = tb.mem.said.length;
  await tb.mem.click(member, button.action, button.value, ref);
  const after = tb.mem.said.slice(before);
  return {
    said: after.filter((s): s is Private => s.kind === 'private' && s.member === member.id).map((s) => s.text),
    notes: after.filter((s): s is Update => s.kind === 'update' && s.ref.id === ref.id),
  };
}
async function memberRows(member: Member) {
  const [t] = await tb.bot.db.select().from(teams).where(eq(teams.externalId, 'T1'));
  return tb.bot.db.select().from(members).where(and(eq(members.teamId, t!.id), eq(members.externalId, member.id)));
}
async function publishCase(member: Member, title: string): Promise<number> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title, body: 'Po nazwaniu milczenia klient nie wrócił.', question: 'Co mogło pomóc?', tags: [] });
  await tb.mem.click(member, 'case.publish', previewTokenOf(tb.mem, member.id));
  const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(member.id)!)![1]);
  await tb.bot.runDueWork();
  return n;
}

describe('the question before an erasure', () => {
  it('closes after Delete, and a later press of the other Delete says it is done instead of promising a withdrawal', async () => {
    const n = await publishCase(cara, 'Cara’s case');
    const { buttons, ref } = await askToErase(cara);

    const first = await press(cara, buttons.unlink!, ref);
    expect(first.said).toEqual([expect.stringContaining('your anonymous posts stay, linked to nobody')]);
    expect(first.notes.map((u) => u.text)).toEqual(['Erased.']);
    expect(first.notes[0]!.message.blocks.filter((b) => b.type === 'actions')).toEqual([]);

    const again = await press(cara, buttons.withdraw!, ref);
    expect(again.said).toEqual([expect.stringContaining('Already done — your data was erased with your first choice')]);
    expect(again.said.join()).not.toContain('six hours');
    expect(again.notes.map((u) => u.text)).toEqual(['Erased.']);
    // Nothing was withdrawn after all: the case stays as the first choice left it, with no clean-up on its way.
    expect(await tb.bot.db.select().from(schedules).where(eq(schedules.kind, CLEANUP_LATER))).toEqual([]);
    const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, n));
    expect(row!.title).toBe('Cara’s case');
    // …and the press did not bring the erased member back.
    expect(await memberRows(cara)).toEqual([]);

    const cancel = await press(cara, buttons.cancel!, ref);
    expect(cancel.said).toEqual([expect.stringContaining('Already done')]);
    expect(cancel.said.join()).not.toContain('Nothing was deleted');
    expect(await memberRows(cara)).toEqual([]);
  });

  it('closes after Cancel with "nothing was deleted", in the member’s language', async () => {
    const { buttons, ref } = await askToErase(dora);
    const cancel = await press(dora, buttons.cancel!, ref);
    expect(cancel.said).toEqual(['Nic nie zostało usunięte.']);
    expect(cancel.notes.map((u) => u.text)).toEqual(['Nic nie zostało usunięte.']);
    expect(cancel.notes[0]!.message.blocks.filter((b) => b.type === 'actions')).toEqual([]);
    expect(await memberRows(dora)).toHaveLength(1);

    // Erased from a newer question, the old one's Cancel cannot say that nothing was deleted either.
    const newer = await askToErase(dora);
    await press(dora, newer.buttons.withdraw!, newer.ref);
    const late = await press(dora, buttons.cancel!, ref);
    expect(late.said).toEqual([expect.stringContaining('To już zrobione — Twoje dane zostały usunięte')]);
    expect(late.notes.map((u) => u.text)).toEqual(['Usunięte.']);
  });

  it('erases nothing a member kept after coming back, when the old question is pressed again', async () => {
    const { buttons, ref } = await askToErase(emil);
    await press(emil, buttons.withdraw!, ref);
    expect(await memberRows(emil)).toEqual([]);
    // Back again: a new start, with a language of their own.
    await tb.mem.command(emil, '/sojusz language pl');
    const [back] = await memberRows(emil);
    expect(back!.lang).toBe('pl');

    const old = await press(emil, buttons.unlink!, ref);
    expect(old.said).toEqual([expect.stringContaining('To już zrobione')]);
    expect(await memberRows(emil)).toEqual([back]);
  });

  it('erases once when both Delete buttons are pressed at the same moment', async () => {
    const n = await publishCase(fela, 'Fela’s case');
    const { buttons, ref } = await askToErase(fela);
    const before = tb.mem.privateTo(fela.id).length;
    await Promise.all([tb.mem.click(fela, buttons.withdraw!.action, buttons.withdraw!.value, ref), tb.mem.click(fela, buttons.unlink!.action, buttons.unlink!.value, ref)]);
    const said = tb.mem.privateTo(fela.id).slice(before);
    expect(said).toHaveLength(2);
    expect(said.filter((s) => s.startsWith('Done.'))).toHaveLength(1);
    expect(said.filter((s) => s.startsWith('Already done'))).toHaveLength(1);
    expect(await memberRows(fela)).toEqual([]);
    // Whichever won, what the member was told happened: a withdrawal is on its way only if they heard so.
    const pieces = await tb.bot.db.select().from(schedules).where(eq(schedules.kind, CLEANUP_LATER));
    expect(pieces.length > 0).toBe(said.some((s) => s.includes('within six hours')));
    tb.clock.advance(7 * HOUR);
    await tb.bot.runDueWork();
    const [row] = await tb.bot.db.select().from(cases).where(eq(cases.number, n));
    expect(row!.status).toBe(said.some((s) => s.includes('within six hours')) ? 'withdrawn' : 'pending');
  });
});
