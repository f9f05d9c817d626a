// Structured logging (pino): secrets redacted by path; callers never pass member text or ids with anonymous content.
import pino, { type Logger } from 'pino';

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'sojusz' },
      redact: {
        paths: ['*.token', '*.password', '*.secret', '*.authorization', 'headers.authorization', 'config.SOJUSZ_SECRET', '*.SLACK_BOT_TOKEN', '*.DISCORD_TOKEN'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** What an error log line may say about an error: enough to find the bug, never the data it was handling. */
export interface SafeError {
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
  cause?: SafeError;
}

const MAX_MESSAGE = 300;

/**
 * An error made safe to log. A failed query's message lists its parameters (which can be a member's case text
 * or reflection): that part is cut. A driver's own message can quote a value it refused ('invalid input syntax
 * for type integer: "…"'): quoted parts of causes are blanked. Stacks keep their frames, not their message.
 */
export function safeError(e: unknown, depth = 0): SafeError {
  if (!(e instanceof Error)) return { name: typeof e };
  const cut = (m: string) => m.split(/\r?\n\s*params:/)[0]!.slice(0, MAX_MESSAGE);
  const message = depth ? cut(e.message).replace(/"[^"]*"|'[^']*'/g, '"…"') : cut(e.message);
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    message,
    ...(frames.length ? { stack: frames.slice(0, 12).join('\n') } : {}),
    ...(e.cause !== undefined && depth < 2 ? { cause: safeError(e.cause, depth + 1) } : {}),
  };
}
