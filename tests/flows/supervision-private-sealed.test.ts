// What a member writes only for themselves in supervision — a private topic (from /autocheck or /supervision topic
// private) and a note on their hours — is sealed at rest like the check itself, read back by them alone, carried
// over by a secret rotation, and goes when their autochecks go.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secrets } from '../../src/core/secrets.js';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import { nextMemberNumber, nextTeamNumber } from '../../src/db/numbers.js';
import { autochecks, supervisionHours, supervisionTopics } from '../../src/db/schema/index.js';
import { ensureHousekeeping } from '../../src/features/privacy/housekeeping.js';
import { rotateSecret } from '../../src/ops/rotate-secret.js';
import { anna, ben, facilitator, makeBot, TEST_SECRET, type TestBot } from '../helpers/bot.js';
import { findInDatabase } from '../helpers/dbsearch.js';

const DAY = 24 * 3600 * 1000;
const NEW_SECRET = 'the-new-secret-9876543210fedcba9876543210fedcba';
const FROM_CHECK = 'Client spoke of ending it all and I froze';
const BY_COMMAND = 'my anger at a client who mocks me';
const HOURS_NOTE = 'talked through the client with suicidal thoughts';
const OLD_TOPIC = 'legacy note about a client who self-harms';
const OLD_NOTE = 'legacy hours note on a custody case';

let tb: TestBot;
const said = (id: string) => tb.mem.lastPrivate(id) ?? '';

beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  tb.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id]);
  await tb.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
}, 180_000);
afterAll(() => tb.close());

function lastFile(id: string) {
  const f = [...tb.mem.said].reverse().find((s) => s.kind === 'file' && s.member === id);
  return f && f.kind === 'file' ? new TextDecoder().decode(f.file.bytes) : '';
}
async function myTopicsSaid(who: { id: string; locale?: string }) {
  await tb.mem.command(who, '/supervision topics');
  return said(who.id);
}

describe('a private supervision topic', () => {
  it('taken from an /autocheck to my own agenda is stored sealed: its words are nowhere in the database or the logs', async () => {
    await tb.mem.command(ben, '/autocheck');
    await tb.mem.fill(ben, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'mine', supervision: FROM_CHECK });
    expect(said(ben.id)).toContain('noted for you only; /supervision topics shows it');
    await tb.mem.command(ben, `/supervision topic private ${BY_COMMAND}`);
    expect(said(ben.id)).toContain('Nobody else sees it');
    for (const words of [FROM_CHECK, BY_COMMAND, 'froze', 'mocks me']) expect(await findInDatabase(tb.bot.db, words)).toEqual([]);
    expect(tb.logs.join('\n')).not.toContain('froze');
    const rows = await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.visibility, 'private'));
    expect(rows.map((r) => [r.text, r.source])).toEqual([
      [null, 'autocheck'],
      [null, 'command'],
    ]);
  });

  it('is shown to its member in their topics, and to nobody else', async () => {
    const mine = await myTopicsSaid(ben);
    expect(mine).toContain(FROM_CHECK);
    expect(mine).toContain(BY_COMMAND);
    expect(await myTopicsSaid(anna)).not.toContain('froze');
    await tb.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).not.toContain('froze');
  });

  it('is in the member’s export in their own words, with the hours note', async () => {
    await tb.mem.command(ben, `/supervision log 1.5 group 2026-03-01 ${HOURS_NOTE}`);
    expect(await findInDatabase(tb.bot.db, HOURS_NOTE)).toEqual([]);
    await tb.mem.command(ben, '/sojusz mydata export');
    const data = JSON.parse(lastFile(ben.id));
    expect(data.supervision.topics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: FROM_CHECK, visibility: 'private', source: 'autocheck' }),
        expect.objectContaining({ text: BY_COMMAND, visibility: 'private', source: 'command' }),
      ]),
    );
    expect(JSON.stringify(data.supervision.topics)).not.toContain('"sealed"');
    expect(data.supervision.hours).toEqual([expect.objectContaining({ date: '2026-03-01', note: HOURS_NOTE })]);
    await tb.mem.command(ben, '/supervision hours export');
    expect(lastFile(ben.id)).toContain(HOURS_NOTE);
    // The team's export (a facilitator's) never carries the note.
    await tb.mem.command(facilitator, '/sojusz team export');
    expect(lastFile(facilitator.id)).not.toContain(HOURS_NOTE);
  });

  it('written in plain text by an older version is read as it is, and sealed when the bot starts', async () => {
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const m = await ensureMember(tb.bot.db, team.id, ben.id);
    await tb.bot.db.insert(supervisionTopics).values({ teamId: team.id, number: await nextTeamNumber(tb.bot.db, supervisionTopics, team.id), memberId: m.id, text: OLD_TOPIC, visibility: 'private', source: 'command', createdAt: tb.clock.now() });
    await tb.bot.db.insert(supervisionHours).values({ teamId: team.id, memberId: m.id, number: await nextMemberNumber(tb.bot.db, supervisionHours, m.id), date: '2026-02-27', hours: '1.00', kind: 'individual', note: OLD_NOTE, createdAt: tb.clock.now() });
    expect(await myTopicsSaid(ben)).toContain(OLD_TOPIC);
    for (const h of tb.bot.registry.hooks) await h.onStart?.(tb.bot);
    expect(await findInDatabase(tb.bot.db, OLD_TOPIC)).toEqual([]);
    expect(await findInDatabase(tb.bot.db, OLD_NOTE)).toEqual([]);
    expect(tb.logs.join('\n')).toContain('"sealed":2');
    expect(await myTopicsSaid(ben)).toContain(OLD_TOPIC);
    await tb.mem.command(ben, '/supervision hours export');
    expect(lastFile(ben.id)).toContain(OLD_NOTE);
    // A second start (or a second replica) finds nothing left to seal and changes nothing.
    const before = await tb.bot.db.select().from(supervisionTopics);
    for (const h of tb.bot.registry.hooks) await h.onStart?.(tb.bot);
    expect(await tb.bot.db.select().from(supervisionTopics)).toEqual(before);
  });

  it('stays readable across a secret rotation, which re-seals it under the new secret', async () => {
    const report = await rotateSecret(tb.database, tb.bot.registry.privacy, TEST_SECRET, NEW_SECRET);
    expect(report.areas.supervision).toBe(5); // three private topics, two hours notes
    const [row] = await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.source, 'autocheck'));
    expect(new Secrets(NEW_SECRET).decrypt(row!.sealed!)).toBe(FROM_CHECK);
    expect(() => tb.bot.secrets.decrypt(row!.sealed!)).toThrow();
    // And back, so this bot (which holds the test secret) reads it again, through the member's own view.
    await rotateSecret(tb.database, tb.bot.registry.privacy, NEW_SECRET, TEST_SECRET);
    const mine = await myTopicsSaid(ben);
    expect(mine).toContain(FROM_CHECK);
    expect(mine).toContain(OLD_TOPIC);
    await tb.mem.command(ben, '/supervision hours export');
    expect(lastFile(ben.id)).toContain(HOURS_NOTE);
  });

  it('goes in the nightly clean-up with the autochecks, after the team’s autocheck retention; named topics stay', async () => {
    await tb.mem.command(facilitator, '/sojusz team retention autochecks 30');
    await tb.mem.command(ben, '/supervision topic a client who keeps cancelling');
    tb.clock.advance(20 * DAY);
    await tb.mem.command(ben, '/supervision topic private a younger note');
    await ensureHousekeeping(tb.bot);
    // 31 days after the first topics, at the housekeeping hour.
    tb.clock.set(new Date(Date.parse('2026-03-02T08:00:00Z') + 31 * DAY).toISOString().slice(0, 11) + '03:31:00Z');
    await tb.bot.runDueWork();
    const mine = await myTopicsSaid(ben);
    expect(mine).not.toContain(FROM_CHECK);
    expect(mine).not.toContain(BY_COMMAND);
    expect(mine).not.toContain(OLD_TOPIC);
    expect(mine).toContain('a younger note');
    expect(mine).toContain('a client who keeps cancelling');
    const left = await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.visibility, 'private'));
    expect(left).toHaveLength(1);
    // The check it came from went the same night.
    expect(await tb.bot.db.select().from(autochecks)).toEqual([]);
  });

  it('goes with the member’s erasure, with their hours and notes', async () => {
    await tb.mem.command(ben, '/sojusz mydata delete');
    await tb.mem.click(ben, 'privacy.delete', 'unlink');
    expect(await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.visibility, 'private'))).toEqual([]);
    expect(await tb.bot.db.select().from(supervisionHours)).toEqual([]);
    expect(await findInDatabase(tb.bot.db, ben.id)).toEqual([]);
  });
});
