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
