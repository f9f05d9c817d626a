import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secrets } from '../../src/core/secrets.js';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import { autochecks, discordFormDrafts, slackInstallations } from '../../src/db/schema/index.js';
import { rotateSecret } from '../../src/ops/rotate-secret.js';
import { makeBot, TEST_SECRET, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
}, 180_000);
afterAll(() => tb.close());

const NEW_SECRET = 'the-new-secret-9876543210fedcba9876543210fedcba';

describe('rotating SOJUSZ_SECRET', () => {
  it('re-seals every autocheck so the new secret reads them and the old one no longer does', async () => {
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const m = await ensureMember(tb.bot.db, team.id, 'U_ANNA');
    const at = tb.clock.now();
    await tb.bot.db.insert(autochecks).values([1, 2, 3].map((n) => ({ teamId: team.id, memberId: m.id, variant: 'quick', createdAt: at, sealed: tb.bot.secrets.encrypt(`{"n":${n}}`) })));
    const report = await rotateSecret(tb.database, tb.bot.registry.privacy, TEST_SECRET, NEW_SECRET);
    expect(report.areas.autocheck).toBe(3);
    const rows = await tb.bot.db.select().from(autochecks).where(eq(autochecks.memberId, m.id));
    expect(rows.map((r) => new Secrets(NEW_SECRET).decrypt(r.sealed)).sort()).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(() => tb.bot.secrets.decrypt(rows[0]!.sealed)).toThrow();
  });

  it("re-seals the platforms' own secrets too: installed Slack workspaces keep working, Discord drafts stay readable", async () => {
    const next = new Secrets(NEW_SECRET);
    // Rotating back from the new secret: the autochecks above are sealed with it now.
    await tb.bot.db.insert(slackInstallations).values({ teamId: 'T77', botTokenEnc: next.encrypt('xoxb-T77'), botUserId: 'U0BOT', installerUserId: 'U_INSTALLER' });
    await tb.bot.db.insert(discordFormDrafts).values({ id: 'd1', memberExternalId: '111', teamExternalId: 'G1', sealed: next.encrypt('{"values":{"supervision":"x"}}'), expiresAt: new Date(tb.clock.now().getTime() + 600_000) });
    const report = await rotateSecret(tb.database, tb.bot.registry.privacy, NEW_SECRET, TEST_SECRET);
    expect(report.areas).toMatchObject({ slack: 1, discord: 1, autocheck: 3 });
    const [install] = await tb.bot.db.select().from(slackInstallations);
    expect(tb.bot.secrets.decrypt(install!.botTokenEnc)).toBe('xoxb-T77');
    const [draft] = await tb.bot.db.select().from(discordFormDrafts);
    expect(tb.bot.secrets.decrypt(draft!.sealed)).toBe('{"values":{"supervision":"x"}}');
    expect(() => next.decrypt(install!.botTokenEnc)).toThrow();
  });

  it('changes nothing when the old secret is wrong', async () => {
    const before = await tb.bot.db.select().from(autochecks);
    await expect(rotateSecret(tb.database, tb.bot.registry.privacy, 'not-the-secret-at-all-0123456789abcdef', TEST_SECRET)).rejects.toThrow();
    expect(await tb.bot.db.select().from(autochecks)).toEqual(before);
  });
});
