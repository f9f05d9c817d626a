// Topics that reach the group (named or anonymous, from /supervision topic or from /autocheck) never carry a client's
// PESEL, phone or e-mail, and their author hears calmly what else may identify the client and how to take it back.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autochecks, schedules, supervisionTopics } from '../../src/db/schema/index.js';
import { openWaiting } from '../../src/features/supervision/anon-later.js';
import { unseal } from '../../src/features/autocheck/store.js';
import { anonymousTopicsArrive } from '../helpers/anon-topics.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const PESEL = '44051401458';
const PHONE = '601 234 567';
const EMAIL = 'joanna.w@example.pl';
const WALKTHROUGH = `Pani Joanna Wiśniewska (PESEL ${PESEL}) mówi, że chce przerwać terapię`;

let tb: TestBot;
const said = (id: string) => tb.mem.privateTo(id).at(-1) ?? '';
const topicRows = async () => tb.bot.db.select().from(supervisionTopics);

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw; a session on Tuesday 10 March.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  tb.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id]);
  await tb.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
});
afterAll(() => tb.close());

async function check(member: { id: string; locale?: string }, destination: string, supervision: string) {
  await tb.mem.command(member, '/autocheck');
  await tb.mem.fill(member, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination, supervision });
  return said(member.id);
}

/** "Send as it is" under the member's last held topic; returns the answer. */
async function sendAsItIs(member: { id: string }) {
  const last = [...tb.mem.said].reverse().find((s) => s.kind === 'private' && s.member === member.id && s.text.includes('['));
  const send = last?.kind === 'private' ? last.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'autocheck.topic.send') : undefined;
  if (!send) throw new Error('no held topic');
  await tb.mem.click(member, send.action, send.value);
  return said(member.id);
}

describe('a named topic from /supervision topic', () => {
  it('reaches the agenda with the PESEL masked, and the author hears what else looks identifying and how to remove it', async () => {
    await tb.mem.command(anna, `/supervision topic ${WALKTHROUGH}`);
    const reply = said(anna.id);
    const [row] = (await topicRows()).filter((r) => r.text?.includes('przerwać terapię'));
    expect(row!.text).toBe('Pani Joanna Wiśniewska (PESEL [PESEL]) mówi, że chce przerwać terapię');
    expect(reply).toContain(`Temat ${row!.number} jest w agendzie`);
    expect(reply).toContain('[PESEL]');
    expect(reply).toContain('„Joanna Wiśniewska”');
    expect(reply).toContain(`/supervision temat usuń ${row!.number}`);
    await tb.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).toContain('PESEL [PESEL]');
    expect(said(ben.id)).not.toContain(PESEL);
  });

  it('names a rare detail as such, in Polish and in English', async () => {
    await tb.mem.command(anna, '/supervision topic Klient jest jedynym weterynarzem w gminie i boi się, że grupa go rozpozna');
    expect(said(anna.id)).toContain('„jedynym weterynarzem” (rzadki szczegół)');
    await tb.mem.command(ben, '/supervision topic my client is the only GP in the village and worries about being recognised');
    expect(said(ben.id)).toContain('“the only GP” (a rare detail)');
  });

  it('masks phones and e-mails in an anonymous topic too, and says nothing more when nothing else looks identifying', async () => {
    await tb.mem.command(ben, `/supervision topic anon a client keeps texting me at ${PHONE} and ${EMAIL}`);
    const reply = said(ben.id);
    expect(reply).toContain('anonymously');
    expect(reply).toContain('I replaced a phone number with [tel.] and an e-mail address with [e-mail].');
    expect(reply).not.toContain('may still point');
    await anonymousTopicsArrive(tb);
    const [row] = (await topicRows()).filter((r) => r.text?.startsWith('a client keeps texting'));
    expect(row!.text).toBe('a client keeps texting me at [tel.] and [e-mail]');
  });

  it('keeps a private note exactly as written (sealed), since nobody else sees it', async () => {
    await tb.mem.command(anna, `/supervision topic private zadzwonić ${PHONE}`);
    expect((await topicRows()).some((r) => r.sealed !== null && tb.bot.secrets.decrypt(r.sealed) === `zadzwonić ${PHONE}`)).toBe(true);
    expect(said(anna.id)).not.toContain('[tel.]');
  });
});

describe('a topic from /autocheck', () => {
  it('is held with its PESEL masked while a name may identify the client, and once sent as it is says how to take it back', async () => {
    const held = await check(anna, 'named', WALKTHROUGH);
    expect(held).toContain('Temat jeszcze nie trafił do grupy');
    expect(held).toContain('„Joanna Wiśniewska”');
    expect(held).toContain('(PESEL [PESEL])');
    expect(held).not.toContain(PESEL);
    const reply = await sendAsItIs(anna);
    expect(reply).toContain('Temat trafił do agendy superwizji grupy, pod Twoim imieniem.');
    expect(reply).toContain('„Joanna Wiśniewska”');
    expect(reply).toMatch(/\/supervision temat usuń \d+/);
    const named = (await topicRows()).filter((r) => r.text?.includes('przerwać terapię') && r.source === 'autocheck');
    expect(named.map((r) => r.text)).toEqual(['Pani Joanna Wiśniewska (PESEL [PESEL]) mówi, że chce przerwać terapię']);
    // The member's own sealed check keeps the words they wrote.
    const checks = (await tb.bot.db.select().from(autochecks)).map((r) => unseal(tb.bot.secrets, r.sealed));
    expect(checks.some((a) => a.supervision === WALKTHROUGH)).toBe(true);
  });

  it('seals an anonymous topic already masked, and it reaches the agenda and the reminder masked', async () => {
    const held = await check(ben, 'anonymous', `A client (${EMAIL}, born 12.03.1984) wants to stop`);
    expect(held).toContain('“12.03.1984”');
    expect(held).toContain('A client ([e-mail], born 12.03.1984) wants to stop');
    expect(await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'anon-topic'))).toEqual([]);
    const reply = await sendAsItIs(ben);
    expect(reply).toContain('anonymously');
    expect(reply).toContain('“12.03.1984”');
    expect(reply).toContain('/supervision topics');
    const waiting = await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'anon-topic'));
    expect(waiting.map((w) => openWaiting(tb.bot.secrets, w.payload).text)).toEqual(['A client ([e-mail], born 12.03.1984) wants to stop']);
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    tb.clock.set('2026-03-09T17:00:30Z');
    await tb.bot.runDueWork();
    const reminder = tb.mem.posts('supervision').at(-1)!.text;
    expect(reminder).toContain('A client ([e-mail], born 12.03.1984) wants to stop');
    expect(reminder).toContain('PESEL [PESEL]');
    for (const needle of [PESEL, EMAIL, PHONE]) expect(reminder).not.toContain(needle);
  });

  it('leaves a topic kept private in the check untouched and says the answers stay private', async () => {
    const reply = await check(ben, 'keep', `call ${PHONE}`);
    expect(reply).toContain('Only you can see your answers');
    expect(reply).not.toContain('[tel.]');
  });

  it('never writes a topic or its findings to the logs', () => {
    const logs = tb.logs.join('\n');
    for (const needle of [PESEL, EMAIL, PHONE, 'Wiśniewska', 'przerwać', 'wants to stop']) expect(logs).not.toContain(needle);
  });
});
