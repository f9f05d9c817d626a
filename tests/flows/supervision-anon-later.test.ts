// An anonymous topic from /autocheck waits, sealed, for the scheduler to write it: it still belongs to its author in
// the meantime — in their export, on their erasure, and across a change of the secret.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { Bot } from '../../src/core/bot.js';
import { schedules, supervisionTopics } from '../../src/db/schema/index.js';
import { rotateSecret } from '../../src/ops/rotate-secret.js';
import { createLogger } from '../../src/log.js';
import { anna, ben, captureLogs, facilitator, makeBot, TEST_SECRET, type TestBot } from '../helpers/bot.js';
import { Secrets } from '../../src/core/secrets.js';

const NEW_SECRET = 'another-secret-for-the-waiting-topics-0123456789';
const carol = { id: 'U_CAROL', locale: 'en-GB' };

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, carol]) await tb.mem.command(m, '/sojusz help');
  tb.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id, carol.id]);
  await tb.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
});
afterAll(() => tb.close());

async function anonymousTopic(member: { id: string; locale?: string }, text: string): Promise<void> {
  await tb.mem.command(member, '/autocheck');
  await tb.mem.fill(member, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'anonymous', supervision: text });
}
const waiting = async () => tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'anon-topic'));
const topicWith = async (text: string) => tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.text, text));
const lastFile = (id: string) => {
  const f = [...tb.mem.said].reverse().find((s): s is Extract<Said, { kind: 'file' }> => s.kind === 'file' && s.member === id);
  return f ? new TextDecoder().decode(f.file.bytes) : '';
};

describe('an anonymous topic waiting for the agenda', () => {
  it('is in its author’s data export, and nobody else’s, while it waits', async () => {
    await anonymousTopic(anna, 'A first topic waits for the agenda');
    await tb.mem.command(anna, '/sojusz mydata export');
    expect(lastFile(anna.id)).toContain('A first topic waits for the agenda');
    await tb.mem.command(ben, '/sojusz mydata export');
    expect(lastFile(ben.id)).not.toContain('A first topic waits for the agenda');
  });

  it('never reaches the agenda when its author erases their data and withdraws their anonymous posts', async () => {
    await anonymousTopic(ben, 'Ben changes his mind');
    await tb.mem.command(ben, '/sojusz mydata delete');
    await tb.mem.click(ben, 'privacy.delete', 'withdraw');
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    expect(await topicWith('Ben changes his mind')).toEqual([]);
    expect(await topicWith('A first topic waits for the agenda')).toHaveLength(1);
    expect(await waiting()).toEqual([]);
  });

  it('reaches the agenda as its author’s after the secret changed while it waited', async () => {
    await anonymousTopic(carol, 'Carol across a key change');
    const { sink } = captureLogs();
    await rotateSecret(tb.database, tb.bot.registry.privacy, TEST_SECRET, NEW_SECRET);
    // The bot restarts on the new secret, as the operator would run it.
    const bot = new Bot({ database: tb.database, clock: tb.clock, secrets: new Secrets(NEW_SECRET), log: createLogger('debug', sink), registry: tb.bot.registry });
    tb.mem.connect(bot);
    tb.clock.advance(21 * 60_000);
    await bot.runDueWork();
    const [topic] = await topicWith('Carol across a key change');
    expect(topic).toBeDefined();
    await tb.mem.command(carol, `/supervision topic remove ${topic!.number}`);
    expect(tb.mem.lastPrivate(carol.id)).toContain(`topic ${topic!.number} leaves the agenda in a few minutes`);
    tb.clock.advance(21 * 60_000);
    await bot.runDueWork();
    expect(await topicWith('Carol across a key change')).toEqual([]);
  });
});
