// The playground is its own platform: what a member typed there, their DMs and what only they saw go with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeamAndMember } from '../../../src/core/teams.js';
import { deleteMember, exportMember } from '../../../src/features/privacy/members.js';
import { runHousekeeping } from '../../../src/features/privacy/housekeeping.js';
import { webMessages } from '../../../src/db/schema/index.js';
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
});
