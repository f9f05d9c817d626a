// Environment configuration: validated once at start; a bad value is one clear line and exit code 2.
import { z } from 'zod';

const optional = z.string().trim().min(1).optional();

const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/.+/, 'expected postgres://user:password@host:5432/database')
      .optional(),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    SOJUSZ_SECRET: z.string().min(32, 'expected at least 32 characters of random key material (openssl rand -hex 32)').optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: optional,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, 'expected a bot token starting with xoxb-').optional(),
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp-').optional(),
    SLACK_API_URL: z.string().url('expected a URL such as https://slack.com/api/').optional(),
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    SLACK_STATE_SECRET: optional,
    DISCORD_TOKEN: optional,
    DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'expected the numeric application id').optional(),
    DISCORD_PUBLIC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected the 64-character hex public key').optional(),
    DISCORD_API_URL: z.string().url('expected a URL such as https://discord.com/api').optional(),
    SOJUSZ_MAX_IN_FLIGHT: z.coerce.number().int().min(1, 'expected a whole number of commands, at least 1 (default 100)').optional(),
    PUBLIC_URL: z.string().url('expected the public base URL, e.g. https://bot.example.org').optional(),
    METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters (openssl rand -hex 16)').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SOJUSZ_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SOJUSZ_SECRET'], message: 'required with DATABASE_URL: at least 32 characters of random key material (openssl rand -hex 32)' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)' });
    }
    if (env.SLACK_CLIENT_ID && (!env.SLACK_CLIENT_SECRET || !env.SLACK_STATE_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_CLIENT_SECRET'], message: 'SLACK_CLIENT_ID needs SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the OAuth install' });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'required with DISCORD_TOKEN' });
    }
  });

export type Config = z.infer<typeof schema> & {
  slackEnabled: boolean;
  discordEnabled: boolean;
  playground: boolean;
};

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
  return { ...c, slackEnabled, discordEnabled, playground: !slackEnabled && !discordEnabled };
}
