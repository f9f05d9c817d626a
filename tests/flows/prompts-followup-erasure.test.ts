// The follow-up in a prompt thread after someone erased their data: it counts what the thread shows, so whether
// the erased member was the thread's pseudonym makes no difference to the number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
type Post = Extract<Said, { kind: 'post' }>;
type Member = { id: string; locale: string };

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  await tb.mem.command(facilitator, '/sojusz help');
  await tb.mem.command(facilitator, '/reflect followup 2');
});
afterAll(() => tb.close());

const anonButton = (p: Post) => p.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'prompts.anonReply')!;

/**
 * A fresh prompt thread: `named` answer by name, `pseudonym` answers as "Osoba A", then `eraser` deletes their data.
 * Returns the follow-up's number two days later, and whether the pseudonymous answer left the thread.
 */
async function thread(o: { named: Member[]; pseudonym: Member; eraser: Member; choice: 'unlink' | 'withdraw' }) {
  for (const m of [...o.named, o.pseudonym]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/reflect now #reflection');
  await tb.bot.runDueWork();
  const starter = tb.mem.posts('reflection').filter((p) => !p.place.thread).at(-1)!;
  const id = starter.ref.thread ?? starter.ref.id;
  for (const m of o.named) await tb.mem.threadReply(m.id, 'reflection', id);
  await tb.mem.click(o.pseudonym, 'prompts.anonReply', anonButton(starter).value);
  await tb.mem.fill(o.pseudonym, { text: 'Coś, czego nie chcę podpisać.' });
  await tb.bot.runDueWork();
  const anonymous = tb.mem.posts('reflection').find((p) => p.place.thread === id && p.message.persona === 'Osoba A')!;
  expect(anonymous).toBeDefined();
  await tb.mem.command(o.eraser, '/sojusz mydata delete');
  await tb.mem.click(o.eraser, 'privacy.delete', o.choice);
  tb.clock.advance(2 * DAY + MIN);
  await tb.bot.runDueWork();
  const followUp = tb.mem.posts('reflection').filter((p) => p.place.thread === id && /odpowiedzia|odpowiedzi/.test(p.text) && !p.message.persona).at(-1)!;
  return { count: Number(/^(\d+) /.exec(followUp.text)?.[1] ?? 0), pseudonymLeft: tb.mem.said.some((s) => s.kind === 'remove' && s.ref.id === anonymous.ref.id) };
}

const m = (id: string): Member => ({ id, locale: 'pl-PL' });

describe('the follow-up count after an erasure', () => {
  it('with “unlink”, counts everyone the thread shows, whoever was the pseudonym', async () => {
    const hers = await thread({ named: [m('U_ALA'), m('U_BOLEK')], pseudonym: m('U_ALA'), eraser: m('U_ALA'), choice: 'unlink' });
    const notHers = await thread({ named: [m('U_CELA'), m('U_DAREK')], pseudonym: m('U_EDYTA'), eraser: m('U_CELA'), choice: 'unlink' });
    // Three answers are in each thread (two named, Osoba A), and the number says so in both.
    expect(hers).toEqual({ count: 3, pseudonymLeft: false });
    expect(notHers).toEqual({ count: 3, pseudonymLeft: false });
  });

  it('with “withdraw”, stops counting only the pseudonymous answer it takes out of the thread', async () => {
    const hers = await thread({ named: [m('U_FELA'), m('U_GUCIO')], pseudonym: m('U_FELA'), eraser: m('U_FELA'), choice: 'withdraw' });
    const notHers = await thread({ named: [m('U_HALA'), m('U_IGOR')], pseudonym: m('U_JULA'), eraser: m('U_HALA'), choice: 'withdraw' });
    // Her named answer stays on the platform (it is her own message); her pseudonymous one left the thread.
    expect(hers).toEqual({ count: 2, pseudonymLeft: true });
    expect(notHers).toEqual({ count: 3, pseudonymLeft: false });
  });
});
