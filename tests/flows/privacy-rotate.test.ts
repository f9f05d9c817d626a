import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secrets } from '../../src/core/secrets.js';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import { autochecks } from '../../src/db/schema/index.js';
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

  it('changes nothing when the old secret is wrong', async () => {
    const before = await tb.bot.db.select().from(autochecks);
    await expect(rotateSecret(tb.database, tb.bot.registry.privacy, 'not-the-secret-at-all-0123456789abcdef', TEST_SECRET)).rejects.toThrow();
    expect(await tb.bot.db.select().from(autochecks)).toEqual(before);
  });
});
