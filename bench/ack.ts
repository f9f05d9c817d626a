// 1. Slash-command acks: signed /autocheck at 50 connections against the real bot and against a bare Bolt app.
import autocannon from 'autocannon';
import { signSlackRequest, slashCommandBody } from '../tests/fakes/slack/sign.js';
import { freePort } from './pg.js';
import { renderModal } from '../adapters/slack/render/modal.js';
import { buildForm } from '../src/features/autocheck/forms.js';
import { SECRET, sleep, spawnBuilt, stopAll, type Child } from './procs.js';

const SIGNING = 'bench-signing-secret';
const TOKEN = 'xoxb-bench';

export interface AckResult {
  bot: { p50: number; p99: number; rps: number; non2xx: number; acked: number; formsOpened: number; busy: number; drainSeconds: number };
  bare: { p50: number; p99: number; rps: number; non2xx: number };
  /** A bare Bolt app that acknowledges and then opens the bot's own form: the same useful work, nothing else. */
  bareForm: { p50: number; p99: number; rps: number; non2xx: number; formsOpened: number };
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

interface Fake {
  apiUrl: string;
  teamId: string;
  responseUrl: string;
}

async function hammer(url: string, seconds: number, fake: Fake) {
  const body = slashCommandBody({ command: '/autocheck', text: '', user_id: 'U0MEMBER1', team_id: fake.teamId, channel_id: 'C0GENERAL', response_url: fake.responseUrl });
  // One signature serves the whole run: Slack's window is 5 minutes.
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(SIGNING, body) };
  const r = await autocannon({ url, connections: 50, duration: seconds, method: 'POST', headers, body });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx + r.errors + r.timeouts, acked: r.requests.total };
}

/** How many forms (views.open calls) the fake Slack has seen. */
function formsOpened(fake: Child): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: { count?: number }) => {
      if (typeof m.count !== 'number') return;
      fake.proc.off('message', on);
      resolve(m.count);
    };
    fake.proc.on('message', on);
    fake.send({ count: 'views.open' });
  });
}

/** Commands the bot answered "busy, try again" so far (its /metrics counter). */
async function busyAnswers(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return Number(/^sojusz_commands_busy_total (\d+)/m.exec(text)?.[1] ?? 0);
}

/** Wait until `total` forms were opened (the bot's queued work is done), or 60 s. */
async function drained(fake: Child, total: number): Promise<void> {
  const end = Date.now() + 60_000;
  while ((await formsOpened(fake)) < total && Date.now() < end) await sleep(100);
}

export async function benchAck(databaseUrl: string, seconds = 20): Promise<AckResult> {
  const fakeProc = spawnBuilt('bench/fake-slack.ts', process.env.BENCH_VERBOSE ? { BENCH_VERBOSE: '1' } : {});
  const children: Child[] = [fakeProc];
  try {
    const fake = (await fakeProc.ready) as unknown as Fake;
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
    const busyNow = () => busyAnswers(`http://127.0.0.1:${botPort}/metrics`);
    const warm = await hammer(botUrl, 2, fake); // warm-up: JIT, connection pools
    await drained(fakeProc, warm.acked - (await busyNow()));
    const before = await formsOpened(fakeProc);
    const busyBefore = await busyNow();
    const botR = await hammer(botUrl, seconds, fake);
    // An ack only promises the work: the form must still open. Count what opened during the run, then let the
    // bot finish the rest before the bare app's turn, so its leftover work does not slow the baseline.
    const during = (await formsOpened(fakeProc)) - before;
    const busy = (await busyNow()) - busyBefore;
    const t0 = Date.now();
    await drained(fakeProc, before + botR.acked - busy);
    const drainSeconds = (Date.now() - t0) / 1000;
    await hammer(bareUrl, 2, fake);
    const bareR = await hammer(bareUrl, seconds, fake);
    // The like-for-like baseline: a bare app that also opens the form (the bot's own, as its Slack adapter renders
    // it), counted by the forms opened during the run. It has no admission limit, so it may fall behind too.
    const formPort = await freePort();
    const bareForm = spawnBuilt('bench/bare-bolt.ts', { PORT: String(formPort), SLACK_SIGNING_SECRET: SIGNING, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.apiUrl, BENCH_OPEN_FORM: '1' });
    children.push(bareForm);
    await bareForm.ready;
    bareForm.send({ view: renderModal(buildForm('pl', 'standard'), { c: 'C0GENERAL' }) });
    const formUrl = `http://127.0.0.1:${formPort}/slack/events`;
    const beforeWarm = await formsOpened(fakeProc);
    const warmForm = await hammer(formUrl, 2, fake);
    await drained(fakeProc, beforeWarm + warmForm.acked); // its warm-up's forms, before the measured run
    const formBefore = await formsOpened(fakeProc);
    const formR = await hammer(formUrl, seconds, fake);
    const formDuring = (await formsOpened(fakeProc)) - formBefore;
    return { bot: { ...botR, formsOpened: during, busy, drainSeconds }, bare: bareR, bareForm: { ...formR, formsOpened: formDuring }, ratio: botR.rps / bareR.rps };
  } finally {
    await stopAll(children.reverse());
  }
}
