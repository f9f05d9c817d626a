// Reports in a team without a moderation channel: the reporter is told it reaches nobody, and nothing is kept or counted.
import { renderMessage as renderSlack } from '../../adapters/slack/render/blocks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCounters, caseReports, outbox } from '../../src/db/schema/index.js';
import { REPORT_DAILY_LIMIT } from '../../src/features/cases/flow.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { previewTokenOf } from '../helpers/cases.js';

const MIN = 60_000;
const NO_MOD_CHANNEL =
  'Thank you. This team has no moderation channel yet, so the report can’t reach anyone; please tell a facilitator directly. (A facilitator can set one with /sojusz team mod-channel #channel.)';
// Enough members for a case to be postable at all.
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
const dan = { id: 'U_DAN', name: 'Dan', locale: 'en-GB' };

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  for (const m of [facilitator, anna, ben, carol, dan]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  tb.mem.channels.set('cases', [facilitator, anna, ben, carol, dan].map((m) => m.id));
});
afterAll(() => tb.close());

const previewToken = (member: string): string => previewTokenOf(tb.mem, member);
async function publishedCase(): Promise<number> {
  await tb.mem.command(anna, '/case');
  await tb.mem.fill(anna, { title: 'After hours', body: 'The client texted late at night again.', question: 'Do I answer?', tags: [] });
  await tb.mem.click(anna, 'case.publish', previewToken(anna.id));
  const n = Number(/#(\d+)/.exec(tb.mem.lastPrivate(anna.id)!)![1]);
  tb.clock.advance(21 * MIN);
  await tb.bot.runDueWork();
  return n;
}

describe('reporting a case when the team has no moderation channel', () => {
  it('tells the reporter the report reaches nobody, keeps no reason, counts nothing, and sends nothing once a channel is set', async () => {
    const n = await publishedCase();
    const countersBefore = await tb.bot.db.select().from(caseCounters);
    for (let i = 0; i <= REPORT_DAILY_LIMIT; i++) {
      await tb.mem.submit(ben, 'case-report', { reason: 'It names the client: Jan Nowak' }, String(n));
      expect(tb.mem.lastPrivate(ben.id)).toBe(NO_MOD_CHANNEL);
    }
    expect(await tb.bot.db.select().from(caseReports)).toEqual([]);
    expect(await tb.bot.db.select().from(caseCounters)).toEqual(countersBefore);

    // A moderation channel set later receives only the reports made after it, and the limit was never spent.
    await tb.mem.command(facilitator, '/sojusz team mod-channel #mods');
    await tb.bot.runDueWork();
    expect(tb.mem.posts('mods')).toEqual([]);
    await tb.mem.submit(ben, 'case-report', { reason: 'Still worried' }, String(n));
    expect(tb.mem.lastPrivate(ben.id)).toContain('without your name');
    await tb.bot.runDueWork();
    expect(tb.mem.posts('mods')).toHaveLength(1);
    // A moderator's notification says a case was reported, not just its name as the case post itself reads.
    expect(renderSlack(tb.mem.posts('mods')[0]!.message).text).toMatch(new RegExp(`^(Case #${n} was reported\\.|Przypadek #${n} został zgłoszony\\.)$`));
    expect(JSON.stringify(await tb.bot.db.select().from(outbox))).not.toContain('Jan Nowak');
  });
});
