// Editing a held /autocheck topic: the form says where the topic will go — with the author's name or anonymously —
// as its author chose, in both languages; a topic meant to carry a name is never called anonymous.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const TOPIC = 'Pani Anna Kowalska (tel. 601 234 567) przerwała terapię po trzech sesjach';
const tomek = { id: 'U_TOMEK', name: 'Tomek', locale: 'pl-PL' };
const ola = { id: 'U_OLA', name: 'Ola', locale: 'en-GB' };

let tb: TestBot;

/** Send a check whose topic is held, press its Edit button, and give back the form that opens. */
async function editHeld(member: { id: string; locale?: string }, destination: 'named' | 'anonymous') {
  await tb.mem.command(member, '/autocheck');
  await tb.mem.fill(member, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination, supervision: TOPIC });
  const held = [...tb.mem.said].reverse().find((s) => s.kind === 'private' && s.member === member.id && s.message.blocks.some((b) => b.type === 'actions'));
  if (!held || held.kind !== 'private') throw new Error(`no held topic for ${member.id}`);
  const edit = held.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'autocheck.topic.edit')!;
  await tb.mem.click(member, edit.action, edit.value);
  return tb.mem.lastForm(member.id)!;
}

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw; a session on Tuesday 10 March.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, tomek, ola]) await tb.mem.command(m, '/sojusz help');
  tb.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id, tomek.id, ola.id]);
  await tb.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
  await tb.mem.command(ola, '/sojusz language en');
});
afterAll(() => tb.close());

describe('the form for editing a held topic', () => {
  it('tells a member who chose their name that the topic goes with their name, not anonymously', async () => {
    const form = await editHeld(tomek, 'named');
    expect(form.intro).toContain('pod Twoim imieniem');
    expect(form.intro).not.toMatch(/anonim/i);
  });

  it('tells a member who chose anonymity that it goes anonymously, a little later on purpose', async () => {
    const form = await editHeld(tomek, 'anonymous');
    expect(form.intro).toContain('anonimowo');
    expect(form.intro).toContain('nieco później');
    expect(form.intro).not.toContain('imieniem');
  });

  it('says the same in English', async () => {
    const named = await editHeld(ola, 'named');
    expect(named.intro).toContain('with your name');
    expect(named.intro).not.toMatch(/anonym/i);
    const anonymous = await editHeld(ola, 'anonymous');
    expect(anonymous.intro).toContain('anonymously');
    expect(anonymous.intro).not.toContain('your name');
  });
});
