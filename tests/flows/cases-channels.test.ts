// /sojusz team case-channel and mod-channel: a channel the bot cannot post in is refused at once, not found out
// later, when a case or a report sent there would be lost without anyone knowing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/core/settings.js';
import { teams } from '../../src/db/schema/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  tb.mem.closedChannels.add('prywatny');
});
afterAll(() => tb.close());

const settings = async () => ((await tb.bot.db.select().from(teams))[0]?.settings ?? {}) as Record<string, unknown>;

describe('case and moderation channels the bot cannot post in', () => {
  for (const [line, key] of [
    ['/sojusz team case-channel #prywatny', SETTINGS.caseChannel],
    ['/sojusz team mod-channel #prywatny', SETTINGS.moderationChannel],
  ] as const) {
    it(`refuses ${line.split(' ')[2]}, says how to let the bot in, and changes nothing`, async () => {
      const answer = await tb.mem.ask(facilitator, line);
      expect(answer).toMatch(/Nie mogę pisać na #prywatny/);
      expect(answer).toContain('/invite @Sojusz');
      expect((await settings())[key]).toBeUndefined();
    });
  }

  it('still takes a channel it can post in', async () => {
    await tb.mem.command(facilitator, '/sojusz team case-channel #przypadki');
    await tb.mem.command(facilitator, '/sojusz team mod-channel #moderacja');
    expect(await settings()).toMatchObject({ [SETTINGS.caseChannel]: 'przypadki', [SETTINGS.moderationChannel]: 'moderacja' });
  });
});
