// The playground is its own platform: what a member typed there, their DMs and what only they saw go with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeamAndMember } from '../../../src/core/teams.js';
import { deleteMember, exportMember } from '../../../src/features/privacy/members.js';
import { runHousekeeping } from '../../../src/features/privacy/housekeeping.js';
import { and, eq } from 'drizzle-orm';
import { members, teams, webMessages } from '../../../src/db/schema/index.js';
import { TEAM } from '../../../adapters/web/workspace.js';
import { Secrets } from '../../../src/core/secrets.js';
import { webPrivacy } from '../../../adapters/web/privacy.js';
import { TEST_SECRET } from '../../helpers/bot.js';
import { findInDatabase } from '../../helpers/dbsearch.js';
import { startTestPlayground, type Playground } from './harness.js';

let pg: Playground;
beforeAll(async () => {
  pg = await startTestPlayground();
});
afterAll(async () => {
  await pg?.close();
});

const send = (member: string, text: string, channel = 'reflection') => pg.post('/api/send', { member, channel, text });

describe('the playground’s own messages in the privacy registry', () => {
  it('exports what a member wrote and was shown, and erases all of it with them', async () => {
    await send('ola', 'Ola pisze o superwizantce z Radomia');
    await send('ola', '/sojusz help'); // answered to Ola only
    const { team, member } = await ensureTeamAndMember(pg.app.bot.db, 'web', 'playground', 'ola');
    const exported = (await pg.app.bot.db.transaction((tx) => exportMember(tx, pg.app.bot, team, member))) as { playground?: { from: string; text: string; onlyYouSaw?: boolean }[] };
    expect(exported.playground?.some((m) => m.from === 'you' && m.text.includes('Radomia'))).toBe(true);
    expect(exported.playground?.some((m) => m.onlyYouSaw)).toBe(true);

    await deleteMember(pg.app.bot, team, member, 'withdraw');
    expect(await findInDatabase(pg.app.bot.db, 'Radomia')).toEqual([]);
    expect((await findInDatabase(pg.app.bot.db, 'ola')).filter((where) => where.startsWith('web_messages'))).toEqual([]);
  });

  it('lets answers only one member saw fade after a day, like ephemeral ones', async () => {
    await send('tomek', '/sojusz help');
    const onlyTomek = async () => (await pg.app.bot.db.select().from(webMessages)).filter((r) => r.ephemeralFor === 'tomek');
    expect((await onlyTomek()).length).toBeGreaterThan(0);
    const later = new Date(pg.app.bot.clock.now().getTime() + 25 * 60 * 60 * 1000);
    await pg.app.bot.db.transaction((tx) => runHousekeeping(tx, pg.app.bot, later));
    expect(await onlyTomek()).toEqual([]);
  });

  it('keeps a file sent to a member sealed at rest and lets it fade after a day', async () => {
    // An export carries everything the member keeps, decrypted; here, a line they wrote.
    await send('emily', 'Emily o kliencie z Gdańska');
    await send('emily', '/sojusz mydata export', 'dm-emily');
    const files = async () => (await pg.app.bot.db.select().from(webMessages)).filter((r) => r.file && r.channel === 'dm-emily');
    const [row] = await files();
    expect(row).toBeDefined();
    // Neither the row nor its bytes read as the export without the key.
    expect(JSON.stringify(row)).not.toContain('Gdańska');
    expect(Buffer.from(row!.file!.data.replace(/^sealed:/, ''), 'base64').toString('utf8')).not.toContain('Gda');
    // Emily still gets her file.
    const own = await pg.get(`/api/file/${row!.id}?member=emily`);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).toContain('Gdańska');

    const later = new Date(pg.app.bot.clock.now().getTime() + 25 * 60 * 60 * 1000);
    await pg.app.bot.db.transaction((tx) => runHousekeeping(tx, pg.app.bot, later));
    expect(await files()).toEqual([]);
    expect((await pg.get(`/api/file/${row!.id}?member=emily`)).status).toBe(404);
  });

  it('re-seals kept files when the secret is rotated', async () => {
    await send('emily', '/sojusz mydata export', 'dm-emily');
    const [row] = (await pg.app.bot.db.select().from(webMessages)).filter((r) => r.file && r.channel === 'dm-emily');
    const before = pg.app.bot.secrets.decrypt(row!.file!.data.slice('sealed:'.length));
    const next = new Secrets('n'.repeat(40));
    const old = new Secrets(TEST_SECRET);
    const changed = await pg.app.bot.db.transaction((tx) => webPrivacy.reencrypt!(tx, (x) => old.decrypt(x), (x) => next.encrypt(x)));
    expect(changed).toBeGreaterThan(0);
    const [after] = (await pg.app.bot.db.select().from(webMessages)).filter((r) => r.id === row!.id);
    expect(next.decrypt(after!.file!.data.slice('sealed:'.length))).toBe(before);
  });

  it('keeps an erased member erased while their page keeps refreshing, until they act again', async () => {
    const db = pg.app.bot.db;
    const tomekRows = async () => {
      const [team] = await db.select().from(teams).where(and(eq(teams.platform, 'web'), eq(teams.externalId, TEAM)));
      return db.select().from(members).where(and(eq(members.teamId, team!.id), eq(members.externalId, 'tomek')));
    };
    await send('tomek', '/sojusz mydata delete', 'dm-tomek');
    const asked = (await pg.view('tomek', 'dm-tomek')).messagesHtml as string;
    const withdraw = /data-action="privacy\.delete" data-value="(withdraw:\d+)" data-source="(\d+)"/.exec(asked);
    expect(withdraw).not.toBeNull();
    expect((await pg.post('/api/button', { member: 'tomek', channel: 'dm-tomek', action: 'privacy.delete', value: withdraw![1], source: withdraw![2] })).status).toBe(200);
    expect(await tomekRows()).toEqual([]);

    // The open page refreshes every few seconds, in every channel it shows, and asks for completions.
    for (const channel of ['dm-tomek', 'reflection', 'cases']) expect((await pg.view('tomek', channel)).lang).toBe('pl');
    expect((await pg.get('/api/commands?member=tomek')).status).toBe(200);
    expect(await tomekRows()).toEqual([]);

    // Their own next step is what brings them back, as on Slack and Discord.
    await send('tomek', '/sojusz help', 'dm-tomek');
    expect(await tomekRows()).toHaveLength(1);
  });
});
