// Slash commands: acknowledged at once (Slack waits 3 s at most), then handled with the text as typed.
import type { App as Bolt } from '@slack/bolt';
import type { Bot } from '../../../src/core/bot.js';
import type { Members } from './members.js';

export function registerCommands(bolt: Bolt, bot: Bot, members: Members): void {
  for (const c of bot.registry.commands) {
    bolt.command(`/${c.name}`, async ({ ack, command }) => {
      await ack();
      const inv = await members.invocation({
        team: command.team_id,
        user: command.user_id,
        channel: command.channel_id,
        teamName: command.team_domain,
        handle: { triggerId: command.trigger_id, responseUrl: command.response_url, receivedAt: bot.clock.now().getTime() },
      });
      await bot.handle({ kind: 'command', inv, command: c.name, text: command.text ?? '' });
    });
  }
}
