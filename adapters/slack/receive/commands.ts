// Slash commands: acknowledged at once (Slack waits 3 s at most), then handled with the text as typed.
import type { App as Bolt, SlashCommand } from '@slack/bolt';
import { busyText, restartingText } from '../../../src/core/admission.js';
import type { Bot } from '../../../src/core/bot.js';
import { typedText } from '../render/escape.js';
import type { Members } from './members.js';

export function registerCommands(bolt: Bolt, bot: Bot, members: Members): void {
  const handle = async (name: string, command: SlashCommand): Promise<void> => {
    const inv = await members.invocation({
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
      teamName: command.team_domain,
      handle: { triggerId: command.trigger_id, responseUrl: command.response_url, receivedAt: bot.clock.now().getTime() },
    });
    await bot.handle({ kind: 'command', inv, command: name, text: typedText(command.text ?? '') });
  };
  // One listener for every command (Bolt runs each event past every listener's filters, so fewer is cheaper);
  // the core answers a command it does not know.
  bolt.command(/^\/[\w-]+$/, async ({ ack, command }) => {
    // Stopping (it reached this replica before the load balancer noticed): said in the acknowledgement, nothing done.
    if (bot.stopping) return ack({ response_type: 'ephemeral', text: restartingText() });
    // Too much already waiting: say so now, in the acknowledgement itself (no API call, nothing changed).
    if (!bot.admission.tryEnter()) return ack({ response_type: 'ephemeral', text: busyText() });
    await ack();
    await bot.admission.hold(() => handle(command.command.slice(1), command));
  });
}
