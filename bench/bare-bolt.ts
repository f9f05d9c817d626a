// The baseline for slash-command acks: a Bolt app with the same HTTP receiver that only acknowledges.
import { App as Bolt, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel: LogLevel.ERROR });
// Same API base as the bot: Bolt asks auth.test once for its own ids, which must not go to slack.com.
const bolt = new Bolt({
  receiver,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});
bolt.command('/autocheck', async ({ ack }) => {
  await ack();
});
await bolt.start(Number(process.env.PORT), { host: '127.0.0.1' } as never);
process.on('SIGTERM', () => void bolt.stop().finally(() => process.exit(0)));
process.send?.({ ready: true });
