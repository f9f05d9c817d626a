// The fake Slack in a process of its own, for the ack bench: the load generator (autocannon) must not share its
// event loop and heap with the API calls the bot makes while it answers, or the bot's latency would include theirs.
import { startFakeSlack } from '../tests/fakes/slack/index.js';

// Block Kit is checked by the tests; here its cost would be counted against the bot.
const fake = await startFakeSlack({ socketPingMs: 0, blockKit: 'off' });
process.on('SIGTERM', () => void fake.close().finally(() => process.exit(0)));
// The bench asks how many calls of a method arrived (e.g. views.open: the forms the bot actually opened).
process.on('message', (m: { count?: string }) => {
  if (m.count) process.send?.({ method: m.count, count: fake.calls.filter((c) => c.method === m.count).length });
});
process.send?.({ ready: true, apiUrl: fake.apiUrl, teamId: fake.workspace.teamId, responseUrl: fake.responseUrl() });
process.on('SIGTERM', () => {
  const by = new Map<string, number>();
  for (const c of fake.calls) by.set(c.method, (by.get(c.method) ?? 0) + 1);
  if (process.env.BENCH_VERBOSE) process.stderr.write(`fake slack calls: ${JSON.stringify([...by])}\n`);
});
