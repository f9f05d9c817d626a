import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMember, ensureTeam } from '../../src/core/teams.js';
import type { Db } from '../../src/db/client.js';
import { nextMemberNumber, nextTeamNumber } from '../../src/db/numbers.js';
import { ANON_TOPIC } from '../../src/features/supervision/anon-later.js';
import { CLEANUP_LATER, queueCleanup } from '../../src/features/privacy/cleanup-later.js';
import {
  autochecks,
  members,
  outbox,
  processedEvents,
  pseudonyms,
  schedules,
  supervisionHours,
  supervisionTopics,
  teams,
} from '../../src/db/schema/index.js';
import { claimAuthor, memberMac } from '../../src/features/anonymity/pseudonyms.js';
import { ensureHousekeeping } from '../../src/features/privacy/housekeeping.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { findInDatabase } from '../helpers/dbsearch.js';

let tb: TestBot;
const DAY = 24 * 3600 * 1000;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  // Everyone has been here once, so the first-use note doesn't get in the way.
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
}, 180_000);
afterAll(() => tb.close());

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (Array.isArray(r) ? (r as Row[]) : ((r as { rows: Row[] }).rows ?? []));

async function team() {
  return (await tb.bot.db.select().from(teams).where(eq(teams.externalId, 'T1')))[0]!;
}
async function member(id: string) {
  const t = await team();
  return ensureMember(tb.bot.db, t.id, id);
}
/** Internal member-id references left anywhere (columns named *member_id). */
async function memberIdReferences(db: Db, id: number): Promise<string[]> {
  const cols = rowsOf(await db.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name like '%member_id' and data_type = 'integer'`));
  const hits: string[] = [];
  for (const c of cols) {
    const r = rowsOf(await db.execute(sql`select 1 from ${sql.identifier(String(c.table_name))} where ${sql.identifier(String(c.column_name))} = ${id} limit 1`));
    if (r.length) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}
/** Everything in the database as text, to prove a refused command changed nothing. */
async function snapshot(db: Db): Promise<string> {
  const tables = rowsOf(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`));
  const parts: string[] = [];
  for (const t of tables) {
    const rows = rowsOf(await db.execute(sql`select t::text as r from ${sql.identifier(String(t.table_name))} t order by 1`));
    parts.push(`${t.table_name}:${rows.map((r) => r.r).join('|')}`);
  }
  return parts.join('\n');
}

/** Case threads given out by giveData, so a thread's name never carries the note searched for. */
let threads = 9000;
/** A member's data in several areas: an autocheck, supervision hours, an anonymous topic, a pseudonym, a queued DM, a personal schedule. */
async function giveData(who: string, note: string) {
  const t = await team();
  const m = await member(who);
  const now = tb.clock.now();
  await tb.bot.db.insert(autochecks).values({ teamId: t.id, memberId: m.id, variant: 'quick', createdAt: now, sealed: tb.bot.secrets.encrypt(JSON.stringify({ curious: 4, note })) });
  await tb.bot.db.insert(supervisionHours).values({ teamId: t.id, memberId: m.id, number: await nextMemberNumber(tb.bot.db, supervisionHours, m.id), date: '2026-03-01', hours: '1.50', kind: 'group', createdAt: now });
  await tb.bot.db.insert(supervisionTopics).values({
    teamId: t.id,
    number: await nextTeamNumber(tb.bot.db, supervisionTopics, t.id),
    authorHmac: tb.bot.secrets.hmac('topic-author', t.id, who),
    text: `anonymous topic of ${note}`,
    visibility: 'anonymous',
    source: 'command',
    createdAt: now,
  });
  const thread = `case:${++threads}`;
  await claimAuthor(tb.bot.db, tb.bot.secrets, t.id, thread, who, now);
  await tb.bot.db.insert(outbox).values({ teamId: t.id, key: `dm-${note}`, target: { kind: 'dm', member: who }, message: { blocks: [] }, notBefore: now, createdAt: now });
  await tb.bot.db.insert(schedules).values({ teamId: t.id, kind: 'personal-prompt', zone: 'UTC', rule: { type: 'daily', time: '09:00' }, payload: { member: who }, nextDueAt: now });
  return Object.assign(m, { thread });
}

function lastFile(id: string) {
  const f = [...tb.mem.said].reverse().find((s) => s.kind === 'file' && s.member === id);
  return f && f.kind === 'file' ? JSON.parse(new TextDecoder().decode(f.file.bytes)) : undefined;
}

describe('facilitator roles', () => {
  it('lets a facilitator add a member, who can then change team settings', async () => {
    await tb.mem.command(anna, '/sojusz team retention 200');
    expect(tb.mem.lastPrivate(anna.id)).toContain('tylko osoby prowadzące');
    await tb.mem.command(facilitator, `/sojusz team facilitator add <@${anna.id}>`);
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('prowadzi teraz');
    await tb.mem.command(anna, '/sojusz team retention 200');
    expect(tb.mem.lastPrivate(anna.id)).toContain('200 dni');
  });

  it('refuses @everyone and @here as a facilitator, and adds nobody', async () => {
    for (const who of ['@everyone', '@here', '@channel']) {
      await tb.mem.command(facilitator, `/sojusz team facilitator add ${who}`);
      expect(tb.mem.lastPrivate(facilitator.id)).toContain('nie wygląda na osobę. Wskaż ją z @, np. @anna');
    }
    await tb.mem.command(facilitator, '/sojusz team facilitators');
    expect(tb.mem.lastPrivate(facilitator.id)).not.toMatch(/everyone|here|channel/);
  });

  it('lists facilitators as mentions', async () => {
    await tb.mem.command(ben, '/sojusz team facilitators');
    const said = tb.mem.said.filter((s) => s.kind === 'private' && s.member === ben.id).at(-1)!;
    const spans = said.kind === 'private' ? said.message.blocks.flatMap((b) => (b.type === 'list' ? b.items.flat() : [])) : [];
    expect(spans.some((s) => s.mention === anna.id)).toBe(true);
  });

  it('refuses every facilitator-only subcommand to a plain member and changes nothing', async () => {
    const plausible: Record<string, string> = { member: `<@${anna.id}>`, channel: '<#C0123456|general>', text: 'hello', number: '2' };
    const before = await snapshot(tb.bot.db);
    let checked = 0;
    for (const cmd of tb.bot.registry.commands) {
      for (const [path, sub] of Object.entries(cmd.subcommands)) {
        if (!sub.facilitator) continue;
        const args = Object.values(sub.options ?? {}).map((o) =>
          o.kind === 'int' ? String(o.min ?? 1) : o.kind === 'string' ? (o.choices?.[0]?.value ?? 'x') : (plausible[o.kind] ?? 'x'),
        );
        await tb.mem.command(ben, `/${cmd.name} ${path} ${args.join(' ')}`.trim());
        expect(tb.mem.lastPrivate(ben.id), `/${cmd.name} ${path}`).toContain('Only facilitators can');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(await snapshot(tb.bot.db)).toBe(before);
  });
});

describe('/sojusz mydata', () => {
  it('exports everything about the member as a private JSON file, autochecks decrypted', async () => {
    await giveData(anna.id, 'anna-note');
    await tb.mem.command(anna, '/sojusz mydata export');
    const data = lastFile(anna.id);
    expect(data.core.member.id).toBe(anna.id);
    expect(data.autocheck[0].answers).toEqual({ curious: 4, note: 'anna-note' });
    expect(data.supervision.hours[0]).toMatchObject({ date: '2026-03-01', kind: 'group' });
    expect(data.supervision.topics.map((t: { text: string }) => t.text)).toContain('anonymous topic of anna-note');
    expect(tb.mem.lastPrivate(anna.id)).toContain('prywatnej wiadomości');
  });

  it('answers with the data as visibly cut text where files are not possible', async () => {
    const caps = tb.mem.capabilities as { files: boolean };
    caps.files = false;
    try {
      await giveData(anna.id, 'x'.repeat(3000));
      await tb.mem.command(anna, '/sojusz mydata export');
      const answer = tb.mem.lastPrivate(anna.id)!;
      expect(answer).toContain('Ucięte po 2500');
      expect(answer).toContain('"autocheck"');
    } finally {
      caps.files = true;
    }
  });

  it('asks before deleting, and Cancel deletes nothing', async () => {
    await tb.mem.command(ben, '/sojusz mydata delete');
    const ask = tb.mem.said.filter((s) => s.kind === 'private' && s.member === ben.id).at(-1)!;
    const buttons = ask.kind === 'private' ? ask.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])) : [];
    expect(buttons.map((b) => b.label)).toEqual(['Delete and withdraw my anonymous posts', 'Delete and leave them unlinked', 'Cancel']);
    await tb.mem.click(ben, 'privacy.delete', 'cancel');
    expect(tb.mem.lastPrivate(ben.id)).toContain('Nothing was deleted');
    expect(await findInDatabase(tb.bot.db, ben.id)).toContain('members.external_id');
  });

  it('erases every trace of the member, leaving anonymous posts unlinked when asked', async () => {
    const m = await giveData(ben.id, 'ben-note');
    expect((await findInDatabase(tb.bot.db, ben.id)).length).toBeGreaterThan(1);
    await tb.mem.click(ben, 'privacy.delete', 'unlink');
    expect(tb.mem.lastPrivate(ben.id)).toContain('linked to nobody');
    expect(await findInDatabase(tb.bot.db, ben.id)).toEqual([]);
    expect(await memberIdReferences(tb.bot.db, m.id)).toEqual([]);
    expect(await findInDatabase(tb.bot.db, 'ben-note')).toEqual(['supervision_topics.text']);
    const t = await team();
    // The pseudonym keeps its letter in the thread (never handed to someone else) but stands for nobody.
    const [kept] = await tb.bot.db.select().from(pseudonyms).where(eq(pseudonyms.thread, m.thread));
    expect(kept!.ordinal).toBe(0);
    expect(kept!.memberMac).not.toBe(memberMac(tb.bot.secrets, t.id, m.thread, ben.id));
    expect(await tb.bot.db.select().from(members).where(and(eq(members.teamId, t.id), eq(members.externalId, ben.id)))).toEqual([]);
  });

  it('withdraws anonymous posts too when the member chooses so', async () => {
    const who = { id: 'U_CARA', locale: 'pl-PL' };
    await tb.mem.command(who, '/sojusz help');
    const m = await giveData(who.id, 'cara-note');
    await tb.mem.command(who, '/sojusz mydata delete');
    await tb.mem.click(who, 'privacy.delete', 'withdraw');
    expect(tb.mem.lastPrivate(who.id)).toContain('wycofane');
    expect(await findInDatabase(tb.bot.db, who.id)).toEqual([]);
    expect(await findInDatabase(tb.bot.db, 'cara-note')).toEqual([]);
    expect(await memberIdReferences(tb.bot.db, m.id)).toEqual([]);
  });
});

describe('retention and housekeeping', () => {
  it('explains what is stored with the team’s own retention numbers', async () => {
    await tb.mem.command(facilitator, '/sojusz team retention autochecks 90');
    await tb.mem.command(ben, '/sojusz privacy');
    const text = tb.mem.privateTo(ben.id).find((t) => t.includes('Your data in Sojusz'))!;
    expect(text).toContain('200 days');
    expect(text).toContain('autochecks 90 days');
    expect(text).toContain('/sojusz mydata delete');
  });

  it('refuses a retention outside 7–3650 days with usage, and keeps the old value', async () => {
    await tb.mem.command(facilitator, '/sojusz team retention 3');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('/sojusz zespół retencja 90');
    await tb.mem.command(facilitator, '/sojusz team retention');
    expect(tb.mem.lastPrivate(facilitator.id)).toContain('200 dni');
  });

  it('purges rows older than the team’s limits in the nightly job, and keeps newer ones', async () => {
    const t = await team();
    const m = await member(anna.id);
    const now = tb.clock.now();
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    await tb.bot.db.delete(autochecks);
    await tb.bot.db.insert(autochecks).values([
      { teamId: t.id, memberId: m.id, variant: 'quick', createdAt: at(100), sealed: tb.bot.secrets.encrypt('{"old":1}') },
      { teamId: t.id, memberId: m.id, variant: 'quick', createdAt: at(10), sealed: tb.bot.secrets.encrypt('{"new":1}') },
    ]);
    const number = await nextTeamNumber(tb.bot.db, supervisionTopics, t.id);
    await tb.bot.db.insert(supervisionTopics).values([
      { teamId: t.id, number, text: 'old anonymous', visibility: 'anonymous', source: 'command', createdAt: at(250) },
      { teamId: t.id, number: number + 1, text: 'young anonymous', visibility: 'anonymous', source: 'command', createdAt: at(150) },
    ]);
    await tb.bot.db.insert(processedEvents).values([{ key: 'ev-old', at: at(3) }, { key: 'ev-new', at: now }]);
    const row = (key: string, status: string, days: number) => ({ teamId: t.id, key, target: { kind: 'channel' as const, channel: 'C1' }, message: { blocks: [] }, notBefore: at(days), createdAt: at(days), status, ...(status === 'sent' ? { sentAt: at(days) } : {}) });
    await tb.bot.db.insert(outbox).values([row('sent-old', 'sent', 40), row('failed-old', 'failed', 40), row('cancelled-old', 'cancelled', 40), row('failed-young', 'failed', 5)]);
    // For a platform no replica serves any more: due 40 days ago, it waits for nobody.
    const elsewhere = await ensureTeam(tb.bot.db, 'slack', 'T-NOBODY-SERVES');
    await tb.bot.db.insert(outbox).values({ ...row('pending-old', 'pending', 40), teamId: elsewhere.id });
    await ensureHousekeeping(tb.bot);
    await ensureHousekeeping(tb.bot); // idempotent: one schedule for the deployment
    expect(await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'housekeeping'))).toHaveLength(1);

    tb.clock.set(new Date(now.getTime() + DAY).toISOString().slice(0, 11) + '03:29:00Z');
    await tb.bot.runDueWork();
    expect(await tb.bot.db.select().from(autochecks)).toHaveLength(2);
    tb.clock.advance(60_000);
    await tb.bot.runDueWork();
    const left = await tb.bot.db.select().from(autochecks);
    expect(left.map((r) => tb.bot.secrets.decrypt(r.sealed))).toEqual(['{"new":1}']);
    const topics = (await tb.bot.db.select().from(supervisionTopics)).map((r) => r.text);
    expect(topics).toContain('young anonymous');
    expect(topics).not.toContain('old anonymous');
    expect((await tb.bot.db.select().from(processedEvents)).map((r) => r.key)).not.toContain('ev-old');
    const keys = (await tb.bot.db.select({ key: outbox.key }).from(outbox)).map((r) => r.key);
    expect(keys).not.toContain('sent-old');
    expect(keys).not.toContain('failed-old'); // never sent, but may quote a member all the same
    expect(keys).not.toContain('cancelled-old');
    expect(keys).not.toContain('pending-old');
    expect(keys).toContain('failed-young');
  });

  it('deletes an uninstalled team’s data 30 days later, unless it is installed again first', async () => {
    const gone = await ensureTeam(tb.bot.db, 'memory', 'T-GONE');
    const back = await ensureTeam(tb.bot.db, 'memory', 'T-BACK');
    for (const t of [gone, back]) await ensureMember(tb.bot.db, t.id, `U_IN_${t.externalId}`);
    await tb.bot.handle({ kind: 'uninstalled', platform: 'memory', team: 'T-GONE' });
    await tb.bot.handle({ kind: 'uninstalled', platform: 'memory', team: 'T-BACK' });
    tb.clock.advance(10 * DAY);
    await tb.bot.handle({ kind: 'installed', platform: 'memory', team: 'T-BACK' });
    tb.clock.advance(19 * DAY);
    await tb.bot.runDueWork();
    expect(await findInDatabase(tb.bot.db, 'U_IN_T-GONE')).toEqual(['members.external_id']);
    tb.clock.advance(2 * DAY);
    await tb.bot.runDueWork();
    expect(await findInDatabase(tb.bot.db, 'T-GONE')).toEqual([]);
    expect(await findInDatabase(tb.bot.db, 'U_IN_T-GONE')).toEqual([]);
    expect(await findInDatabase(tb.bot.db, 'U_IN_T-BACK')).toEqual(['members.external_id']);
  });

  it('gives a facilitator the team’s schedules and supervision log as a file, without personal schedules', async () => {
    // Work held for someone's privacy (an erasure's clean-up, a waiting anonymous topic) is nobody's to export.
    const t = await team();
    await tb.bot.db.transaction((tx) => queueCleanup(tx, t, tb.clock.now(), { edits: [], removals: [{ channel: 'cases', id: 'm-1' }] }));
    await tb.bot.db.insert(schedules).values({ teamId: t.id, kind: ANON_TOPIC, zone: 'UTC', rule: { type: 'once', date: '2030-01-01', time: '09:00' }, payload: { sealed: 'x' }, nextDueAt: new Date('2030-01-01T09:00:00Z') });
    await tb.mem.command(facilitator, '/sojusz team export');
    const data = lastFile(facilitator.id);
    await tb.bot.db.delete(schedules).where(inArray(schedules.kind, [CLEANUP_LATER, ANON_TOPIC]));
    expect(data.core.schedules).toEqual([]);
    expect(data.supervision.hoursLog.length).toBeGreaterThan(0);
    expect(data.prompts).toHaveProperty('customPrompts');
    expect(JSON.stringify(data)).not.toContain('note');
    // The file's note says whose data it is: the team's, naming members — not "everything Sojusz keeps about you".
    const sent = [...tb.mem.said].reverse().find((s) => s.kind === 'file' && s.member === facilitator.id);
    if (sent?.kind !== 'file') throw new Error('no file sent');
    expect(sent.text).toContain('Pytania, harmonogramy, sesje superwizji i godziny zespołu');
    expect(sent.text).not.toContain('o Tobie');
  });
});
