// The baseline for fan-out: N chat.postMessage calls through WebClient with 64 in flight, nothing else; the
// message (the bot's rendered prompt) comes with the "go". BENCH_TRANSPORT=stock keeps the WebClient's own fetch;
// otherwise it uses the bot's pooled transport, so the comparison shows what the bot adds, not which HTTP client.
import { webApi } from '@slack/bolt';
import { pooledFetch } from '../adapters/slack/transport.js';

const total = Number(process.env.BENCH_MESSAGES);
const client = new webApi.WebClient(process.env.SLACK_BOT_TOKEN, {
  slackApiUrl: process.env.SLACK_API_URL,
  rejectRateLimitedCalls: true,
  ...(process.env.BENCH_TRANSPORT === 'stock' ? {} : { fetch: pooledFetch() }),
});
process.on('message', async (m) => {
  const { go, message } = m as { go?: boolean; message?: { text: string; blocks: unknown[] } };
  if (!go || !message) return;
  const cpuAtGo = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      await client.chat.postMessage({
        channel: `C${i}`,
        text: message.text,
        blocks: message.blocks as never,
        metadata: { event_type: 'sojusz_outbox', event_payload: { key: `bare:${i}` } },
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  const { user, system } = process.cpuUsage(cpuAtGo);
  process.send?.({ cpuSeconds: (user + system) / 1e6 }, () => process.exit(0));
});
process.send?.({ ready: true });
