// Workspace tokens across replicas: a reinstall handled by one replica reaches the others within the token's TTL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { Clients } from '../../../adapters/slack/clients.js';
import { DbInstallationStore } from '../../../adapters/slack/install/store.js';
import { makeBot, type TestBot } from '../../helpers/bot.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/server.js';

let tb: TestBot;
let fake: FakeSlack;
beforeAll(async () => {
  tb = await makeBot();
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
  await tb.close();
});

const install = (token: string) =>
  ({ team: { id: 'T_REINSTALL' }, enterprise: undefined, isEnterpriseInstall: false, bot: { token, userId: 'U_BOT', id: 'B_BOT', scopes: ['chat:write'] }, user: { id: 'U_FAC' } }) as unknown as Installation;

describe('Slack clients in multi-workspace mode', () => {
  it('sends with the new token once the old one is past its trust, although this replica never saw the reinstall', async () => {
    const store = new DbInstallationStore(tb.bot);
    await store.storeInstallation(install('xoxb-old'));
    const clients = new Clients({ slackApiUrl: fake.apiUrl, store, tokenTtlMs: 50 });
    await (await clients.forTeam('T_REINSTALL')).chat.postMessage({ channel: 'C1', text: 'before' });

    // Another replica handled the reinstall: the store has the new token, this process was not told.
    await store.storeInstallation(install('xoxb-new'));
    await new Promise((r) => setTimeout(r, 80));
    await (await clients.forTeam('T_REINSTALL')).chat.postMessage({ channel: 'C1', text: 'after' });

    expect(fake.callsTo('chat.postMessage').map((c) => c.token)).toEqual(['xoxb-old', 'xoxb-new']);
  });
});
