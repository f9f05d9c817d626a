// Environment configuration: validated once at start; a bad value is one clear line and exit code 2.
import { z } from 'zod';

const optional = z.string().trim().min(1).optional();

/** A whole number from min to max, written in digits; anything else (abc, 1.5, 1e3, -1) names the range. */
const whole = (min: number, max: number, expected: string) =>
  z.string().trim().regex(/^\d+$/, expected).transform(Number).pipe(z.number().min(min, expected).max(max, expected));

/** The outbox lease (how long a claimed row stays with its replica): default 60 s, SOJUSZ_LEASE_MS to change it. */
export const DEFAULT_LEASE_MS = 60_000;
const leaseMs = whole(1_000, 600_000, 'expected the outbox lease in milliseconds, from 1000 to 600000 (default 60000)');
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SHARDS_EXPECTED = 'expected the number of Discord shards for start:sharded, a whole number from 1 to 10000, or auto (unset: automatic from Discord)';

const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/.+/, 'expected postgres://user:password@host:5432/database')
      .optional(),
    DATA_DIR: z.string().trim().min(1, 'expected a directory path, e.g. ./data (or leave it unset for ./data)').default('./data'),
    SOJUSZ_SECRET: z.string().min(32, 'expected at least 32 characters of random key material (openssl rand -hex 32)').optional(),
    PORT: whole(0, 65535, 'expected a port number from 0 to 65535 (default 3000)').default(3000),
    HOST: optional,
    LOG_LEVEL: z.enum(LEVELS, { error: `expected one of ${LEVELS.join(', ')} (default info)` }).default('info'),
    SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, 'expected a bot token starting with xoxb-').optional(),
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp-').optional(),
    SLACK_API_URL: z.string().url('expected a URL such as https://slack.com/api/').optional(),
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    SLACK_STATE_SECRET: optional,
    DISCORD_TOKEN: optional,
    DISCORD_APPLICATION_ID: z.string().trim().regex(/^\d{5,25}$/, 'expected the numeric application id').optional(),
    // Ed25519 public keys are 32 bytes; the Developer Portal shows them as 64 hex characters.
    DISCORD_PUBLIC_KEY: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'expected the 64-character hex public key (General Information → Public Key)').optional(),
    DISCORD_API_URL: z.string().url('expected a URL such as https://discord.com/api').optional(),
    SOJUSZ_MAX_IN_FLIGHT: whole(1, 100_000, 'expected a whole number of commands from 1 to 100000 (default 100)').optional(),
    SOJUSZ_LEASE_MS: leaseMs.optional(),
    // Read raw here and checked below: in a process spawned by discord.js's ShardingManager, SHARDS is that
    // process's shard id (0, 1, …) and SHARD_COUNT the total, both set by discord.js, not by a person.
    SHARDS: optional,
    SHARD_COUNT: optional,
    PUBLIC_URL: z.string().url('expected the public base URL, e.g. https://bot.example.org').optional(),
    METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters (openssl rand -hex 16)').optional(),
  })
  .superRefine((env, ctx) => {
    const need = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (env.DATABASE_URL && !env.SOJUSZ_SECRET) {
      need('SOJUSZ_SECRET', 'required with DATABASE_URL: at least 32 characters of random key material (openssl rand -hex 32)');
    }

    // Slack. OAuth (several workspaces) is HTTP only: the install pages and Slack's requests come to this
    // server on PORT. Bolt's Socket Mode would open a second server of its own for them, on port 3000.
    const oauthPart = env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET || env.SLACK_STATE_SECRET;
    if (oauthPart) {
      if (!env.SLACK_CLIENT_ID) need('SLACK_CLIENT_ID', 'required with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the OAuth install (Basic Information → Client ID)');
      else if (!env.SLACK_CLIENT_SECRET) need('SLACK_CLIENT_SECRET', 'SLACK_CLIENT_ID needs SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the OAuth install (Basic Information → Client Secret)');
      else if (!env.SLACK_STATE_SECRET) need('SLACK_STATE_SECRET', 'SLACK_CLIENT_ID needs SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the OAuth install (any long random string)');
      else if (env.SLACK_APP_TOKEN) {
        need('SLACK_APP_TOKEN', 'leave unset with SLACK_CLIENT_ID: the OAuth install runs in HTTP mode, on PORT (set SLACK_SIGNING_SECRET and PUBLIC_URL); Socket Mode is for one workspace with SLACK_BOT_TOKEN');
      } else if (!env.SLACK_SIGNING_SECRET) {
        need('SLACK_SIGNING_SECRET', 'required with SLACK_CLIENT_ID: the install pages and Slack’s requests come to this server over HTTP (Basic Information → Signing Secret)');
      } else if (env.SLACK_BOT_TOKEN) {
        need('SLACK_BOT_TOKEN', 'leave unset with SLACK_CLIENT_ID: with the OAuth install each workspace’s token comes from its installation');
      }
    } else if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      need('SLACK_SIGNING_SECRET', 'required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    } else if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
      // Without it the bot would quietly start the local playground instead of Slack.
      need('SLACK_BOT_TOKEN', `required with ${env.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'}: the bot token starting with xoxb- (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the OAuth install)`);
    }

    // Discord: gateway mode needs the token and application id; HTTP interactions add the public key.
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      need('DISCORD_APPLICATION_ID', 'required with DISCORD_TOKEN');
    }
    if (env.DISCORD_PUBLIC_KEY && !env.DISCORD_APPLICATION_ID) {
      need('DISCORD_APPLICATION_ID', 'required with DISCORD_PUBLIC_KEY for HTTP interactions (General Information → Application ID)');
    }
    if (env.DISCORD_PUBLIC_KEY && env.DISCORD_APPLICATION_ID && !env.DISCORD_TOKEN) {
      need('DISCORD_TOKEN', 'required with DISCORD_PUBLIC_KEY too: commands arrive over HTTP, but posts in channels (prompts, cases, reminders) go out with the bot token');
    }
    if (env.DISCORD_APPLICATION_ID && !env.DISCORD_TOKEN && !env.DISCORD_PUBLIC_KEY) {
      need('DISCORD_TOKEN', 'required with DISCORD_APPLICATION_ID (gateway mode; add DISCORD_PUBLIC_KEY for HTTP interactions)');
    }

    if (env.SHARD_COUNT !== undefined) {
      const count = /^\d+$/.test(env.SHARD_COUNT) ? Number(env.SHARD_COUNT) : 0;
      if (count < 1) need('SHARD_COUNT', 'set by discord.js in a shard process: expected the number of shards, 1 or more; unset it otherwise');
      else if (!/^\d+$/.test(env.SHARDS ?? '') || Number(env.SHARDS) >= count) need('SHARDS', `in a shard process (SHARD_COUNT set) expected this shard’s id, from 0 to ${count - 1}`);
    } else if (env.SHARDS !== undefined && env.SHARDS !== 'auto') {
      const n = /^\d+$/.test(env.SHARDS) ? Number(env.SHARDS) : 0;
      if (n < 1 || n > 10_000) need('SHARDS', SHARDS_EXPECTED);
    }
  });

export type Config = z.infer<typeof schema> & {
  slackEnabled: boolean;
  discordEnabled: boolean;
  playground: boolean;
  /** How many Discord shards start:sharded runs: SHARDS, or 'auto' (Discord's recommendation); in a shard process, SHARD_COUNT. */
  shards: number | 'auto';
};

/** Every variable loadConfig reads (.env.example lists each; a test checks). */
export const VARIABLES = Object.keys(schema.shape);

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string) {
    super(`${variable}: ${expected}`);
  }
}

/** Parse the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, issue.message);
  }
  const c = parsed.data;
  const slackEnabled = Boolean(c.SLACK_BOT_TOKEN || c.SLACK_CLIENT_ID);
  const discordEnabled = Boolean(c.DISCORD_TOKEN || c.DISCORD_PUBLIC_KEY);
  const shards = c.SHARD_COUNT ? Number(c.SHARD_COUNT) : c.SHARDS && c.SHARDS !== 'auto' ? Number(c.SHARDS) : 'auto';
  return { ...c, slackEnabled, discordEnabled, playground: !slackEnabled && !discordEnabled, shards };
}

/**
 * The outbox lease for modules that read it before loadConfig runs (schedule/delivery.ts): SOJUSZ_LEASE_MS
 * when it is valid, else the default. An invalid value never gets that far: loadConfig stops the start.
 */
export function leaseMsFrom(env: NodeJS.ProcessEnv = process.env): number {
  const r = leaseMs.safeParse(env.SOJUSZ_LEASE_MS);
  return r.success ? r.data : DEFAULT_LEASE_MS;
}

/** Stop at start-up with one line naming what is wrong (the README's promise: exit code 2, no stack trace). */
export function exitWith(line: string): never {
  process.stderr.write(`sojusz: ${line}\n`);
  process.exit(2);
}

/** The validated configuration, or the one line naming the variable and what it expects, and exit code 2. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) exitWith(`${e.variable} — ${e.expected}`);
    throw e;
  }
}

