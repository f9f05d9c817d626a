// 1. Slash-command acks: signed /autocheck at 50 connections against the real bot and against a bare Bolt app.
import autocannon from 'autocannon';
import { startFakeSlack, type FakeSlack } from '../tests/fakes/slack/index.js';
import { signSlackRequest, slashCommandBody } from '../tests/fakes/slack/sign.js';
import { freePort } from './pg.js';
import { SECRET, sleep, spawnBuilt, stopAll, type Child } from './procs.js';

const SIGNING = 'bench-signing-secret';
const TOKEN = 'xoxb-bench';

export interface AckResult {
  bot: { p50: number; p99: number; rps: number; non2xx: number };
  bare: { p50: number; p99: number; rps: number; non2xx: number };
  ratio: number;
}

async function waitHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url, { method: 'POST', body: '' }).then(() => true, () => false);
    if (ok) return;
    if (Date.now() > end) throw new Error(`${url} did not answer`);
    await sleep(200);
  }
}

async function hammer(url: string, seconds: number, fake: FakeSlack) {
  const body = slashCommandBody({ command: '/autocheck', text: '', user_id: 'U0MEMBER1', team_id: fake.workspace.teamId, channel_id: 'C0GENERAL', response_url: fake.responseUrl() });
  // One signature serves the whole run: Slack's window is 5 minutes.
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(SIGNING, body) };
  const r = await autocannon({ url, connections: 50, duration: seconds, method: 'POST', headers, body });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx + r.errors + r.timeouts };
}

export async function benchAck(databaseUrl: string, seconds = 20): Promise<AckResult> {
  const fake = await startFakeSlack({ socketPingMs: 0 });
  const children: Child[] = [];
  try {
    const botPort = await freePort();
    const bot = spawnBuilt('main.ts', {
      DATABASE_URL: databaseUrl,
      SOJUSZ_SECRET: SECRET,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(botPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    }, { ipc: false });
    children.push(bot);
    const barePort = await freePort();
    const bare = spawnBuilt('bench/bare-bolt.ts', { PORT: String(barePort), SLACK_SIGNING_SECRET: SIGNING, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.apiUrl });
    children.push(bare);
    await bare.ready;
    await waitHttp(`http://127.0.0.1:${botPort}/slack/events`);
    const botUrl = `http://127.0.0.1:${botPort}/slack/events`;
    const bareUrl = `http://127.0.0.1:${barePort}/slack/events`;
    await hammer(botUrl, 2, fake); // warm-up: JIT, connection pools
    const botR = await hammer(botUrl, seconds, fake);
    await hammer(bareUrl, 2, fake);
    const bareR = await hammer(bareUrl, seconds, fake);
    return { bot: botR, bare: bareR, ratio: botR.rps / bareR.rps };
  } finally {
    await stopAll(children);
    await fake.close();
  }
}
