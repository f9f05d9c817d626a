// Multi-workspace (OAuth) mode: Bolt looks the workspace's installation up in our database before any listener runs.
// When that lookup fails — PostgreSQL restarting, or a bug — members still hear from the bot: a command in its
// acknowledgement, a form kept open with what was typed, a button on its response_url; an event is refused with 503 so
// that Slack sends it again. On a PostgreSQL server of this file's own, stopped and started here; skipped where no
// PostgreSQL is installed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../../src/i18n/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';
import { BACK, commandCount, DOWN, outage as outageOf, until } from '../../ops/outage.js';
import { ownPostgres, postgresBin, type OwnPostgres } from '../../ops/pg-server.js';

const both = (key: 'core.databaseDown' | 'core.databaseDownForm') => [tx('pl', key), tx('en', key)];

/** Runs the OAuth install as Slack would, so that the workspace has a stored installation. */
async function install(h: SlackHarness): Promise<void> {
  const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const done = await fetch(`${h.base}/slack/oauth_redirect?code=fake-code&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  expect(done.status).toBe(200);
}

describe.skipIf(!postgresBin())('Slack installation lookup failing', () => {
  let pg: OwnPostgres;
  let h: SlackHarness;

  beforeAll(async () => {
    pg = await ownPostgres();
    // The harness makes its database on TEST_DATABASE_URL's server: this file's own, which it may stop.
    const before = process.env.TEST_DATABASE_URL;
    process.env.TEST_DATABASE_URL = pg.url;
    try {
      h = await startSlackHarness({ oauth: true });
    } finally {
      process.env.TEST_DATABASE_URL = before;
    }
    await install(h);
  });
  afterAll(async () => {
    if (!pg) return;
    await h?.close().catch(() => {});
    pg.remove();
  });

  const commands = (command: string, outcome: string) => commandCount(h.bot, command, outcome);
  const outage = (during: () => Promise<void>) => outageOf(pg, h.logs, during, 20_000);

  it('answers commands, forms and buttons during an outage with the database-down words, and events with 503', async () => {
    // A form opened before the outage, sent during it.
    await h.command('U_ANNA', '/autocheck');
    const open = await h.fake.waitFor('views.open');
    const view = open.args.view as { blocks: { type: string; block_id?: string }[] };
    const first = view.blocks.find((b) => b.type === 'input')!.block_id!;
    await h.quiet();
    const from = h.logs.length;

    await outage(async () => {
      const cmd = await h.command('U_ANNA', '/autocheck');
      expect(cmd.status).toBe(200);
      expect(cmd.json).toMatchObject({ response_type: 'ephemeral' });
      for (const words of both('core.databaseDown')) expect((cmd.json as { text: string }).text).toContain(words);

      const again = await h.command('U_BEN', '/sojusz help');
      for (const words of both('core.databaseDown')) expect((again.json as { text: string }).text).toContain(words);

      const ack = (await h.submitView('U_ANNA', open.args.view, { [first]: '7' })) as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(Object.keys(ack.errors)).toEqual([first]);
      for (const words of both('core.databaseDownForm')) expect(ack.errors[first]).toContain(words);

      const press = await h.clickButton('U_ANNA', 'rsvp:yes', '1');
      expect(press.status).toBe(200);
      const said = await h.fake.waitFor('response_url', (c) => JSON.stringify(c.args).includes(tx('en', 'core.databaseDown')));
      expect(said.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });

      const ev = await h.event({ type: 'member_joined_channel', user: h.fake.workspace.botUserId, channel: 'C_NEW', channel_type: 'C', team: h.team }, { eventId: 'Ev_OUTAGE' });
      expect(ev.status).toBe(503);
    });
    // Told once each way by the outage watch, and nothing per request: no bug, no Bolt warning about the lookup. (On a
    // loaded machine Bolt may add a line of its own about a slow acknowledgement; that is not the outage's.)
    const said = h.logs.slice(from).map((l) => JSON.parse(l) as { msg: string; bolt?: string });
    expect(said.filter((l) => l.msg === DOWN || l.msg === BACK).map((l) => l.msg)).toEqual([DOWN, BACK]);
    expect(said.filter((l) => ['unexpected error', 'slack handler failed'].includes(l.msg) || String(l.bolt).includes('Authorization'))).toEqual([]);
    expect(await commands('autocheck', 'database-unavailable')).toBe(1);
    expect(await commands('sojusz', 'database-unavailable')).toBe(1);
    // Nothing was opened or posted in the member's name meanwhile.
    expect(h.fake.callsTo('views.open')).toEqual([]);

    // Back: the same command works again within seconds (a pooled connection may still be reconnecting), and Slack's
    // resend of the refused event is taken: the bot introduces itself in the channel it joined.
    await h.quiet();
    await until(async () => (await h.command('U_ANNA', '/sojusz help')).json === undefined, 20_000);
    await h.fake.waitFor('response_url', (c) => JSON.stringify(c.args).includes('/autocheck'));
    const resent = await h.event({ type: 'member_joined_channel', user: h.fake.workspace.botUserId, channel: 'C_NEW', channel_type: 'C', team: h.team }, { eventId: 'Ev_OUTAGE', retryNum: 1 });
    expect(resent.status).toBe(200);
    await h.bot.runDueWork();
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C_NEW');
  }, 120_000);

  it('answers a lookup that fails for another reason with an apology and a reference, logged once with it', async () => {
    await h.command('U_ANNA', '/autocheck');
    const open = await h.fake.waitFor('views.open');
    await h.quiet();
    const from = h.logs.length;
    // A stored token that no longer decrypts: a bug, not an outage.
    await h.bot.db.execute(sql`update slack_installations set bot_token_enc = 'broken'`);
    const refOf = (text: string) => /whoever runs the bot: ([0-9A-F]{8})\./.exec(text)?.[1];

    const cmd = await h.command('U_ANNA', '/autocheck');
    expect(cmd.json).toMatchObject({ response_type: 'ephemeral' });
    const ref = refOf((cmd.json as { text: string }).text);
    expect(ref).toBeTruthy();

    // The form stays open with what was typed: the apology on its first field.
    const ack = (await h.submitView('U_ANNA', open.args.view, {})) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe('errors');
    const formRef = refOf(Object.values(ack.errors)[0]!);

    await h.clickButton('U_ANNA', 'rsvp:yes', '1');
    const said = await h.fake.waitFor('response_url', (c) => JSON.stringify(c.args).includes('whoever runs the bot'));
    const pressRef = refOf(String(said.args.text));

    const logged = h.logs.slice(from).map((l) => JSON.parse(l) as { msg: string; ref?: string; where?: string });
    expect(logged.map((l) => [l.msg, l.ref, l.where])).toEqual([
      ['unexpected error', ref, 'command:autocheck'],
      ['unexpected error', formRef, 'form:autocheck'],
      ['unexpected error', pressRef, 'button:rsvp:yes'],
    ]);
    expect(JSON.stringify(logged)).not.toContain('U_ANNA');
    expect(await commands('autocheck', 'bug')).toBe(1);
  }, 60_000);
});
