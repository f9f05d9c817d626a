// The baselines for slash-command acks: a Bolt app with the same HTTP receiver that only acknowledges — or, with
// BENCH_OPEN_FORM=1, that acknowledges and then opens the view it is sent over IPC (the bot's own rendered form).
import { App as Bolt, HTTPReceiver, LogLevel } from '@slack/bolt';
import { pooledFetch } from '../adapters/slack/transport.js';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel: LogLevel.ERROR });
// Same API base and transport as the bot: Bolt asks auth.test once for its own ids, which must not go to slack.com.
const bolt = new Bolt({
  receiver,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL, fetch: pooledFetch() },
  logLevel: LogLevel.ERROR,
});
let view: unknown;
process.on('message', (m) => {
  if ((m as { view?: unknown }).view) view = (m as { view: unknown }).view;
});
bolt.command('/autocheck', async ({ ack, body, client }) => {
  await ack();
  if (process.env.BENCH_OPEN_FORM && view) await client.views.open({ trigger_id: body.trigger_id, view: view as never });
});
await bolt.start(Number(process.env.PORT), { host: '127.0.0.1' } as never);
process.on('SIGTERM', () => void bolt.stop().finally(() => process.exit(0)));
process.send?.({ ready: true });
