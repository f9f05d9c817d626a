// One @discordjs/rest client per process: DISCORD_API_URL overrides the base (local fake in tests).
import { REST } from '@discordjs/rest';

export function makeRest(token: string | undefined, apiUrl?: string): REST {
  const rest = new REST({
    ...(apiUrl ? { api: apiUrl } : {}),
    // Short waits are waited out by @discordjs/rest; a long one rejects so the outbox reschedules the row instead of holding its lease.
    rejectOnRateLimit: (data) => data.timeToReset > 10_000,
  });
  if (token) rest.setToken(token);
  return rest;
}
