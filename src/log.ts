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

/** A V8 stack frame: "    at fn (file:1:2)", "    at file:1:2", "    at fn (native)", "    at <anonymous>". */
const FRAME = /^\s+at .*(?::\d+:\d+\)?|\((?:native|<anonymous>|index \d+)\)|<anonymous>)$/;

/**
 * The frames of a stack, never its header: the header repeats the message, and a member's text in it (a query
 * parameter) can hold a line that looks like a frame ("    at the end of the session …").
 */
function framesOf(e: Error): string[] {
  const stack = e.stack ?? '';
  // The header is "<name at capture time>: <message>"; a subclass may rename itself after capture.
  const at = e.message ? stack.indexOf(e.message) : -1;
  if (at >= 0) return stack.slice(at + e.message.length).split('\n').filter((l) => FRAME.test(l));
  // Message changed after capture: only the frames that end the stack, after its last other line.
  const lines = stack.split('\n');
  let first = lines.length;
  while (first > 0 && FRAME.test(lines[first - 1]!)) first--;
  return lines.slice(first);
}

/**
 * An error made safe to log. A failed query's message lists its parameters (which can be a member's case text
 * or reflection): that part is cut. A driver's or parser's message can quote a value it refused ('invalid
 * input syntax for type integer: "…"', JSON.parse's '"Jan K…" is not valid JSON'): quoted parts are blanked.
 * Stacks keep their frames, not their message.
 */
export function safeError(e: unknown, depth = 0): SafeError {
  if (!(e instanceof Error)) return { name: typeof e };
  const cut = (m: string) => m.split(/\r?\n\s*params:/)[0]!.slice(0, MAX_MESSAGE);
  const message = cut(e.message).replace(/"[^"]*"|'[^']*'/g, '"…"');
  const frames = framesOf(e);
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    message,
    ...(frames.length ? { stack: frames.slice(0, 12).join('\n') } : {}),
    ...(e.cause !== undefined && depth < 2 ? { cause: safeError(e.cause, depth + 1) } : {}),
  };
}
