// Buttons and modal submissions: buttons ack at once; a submission answers with errors, the next step, or closes.
// A stopping replica still takes submissions (what the member wrote; the stop waits for them) but not presses.
import type { AckFn, App as Bolt, ViewResponseAction } from '@slack/bolt';
import type { Bot } from '../../../src/core/bot.js';
import type { FormOutcome } from '../../../src/core/events.js';
import { message, textBlock } from '../../../src/core/message.js';
import { openFormButton } from '../../../src/core/open-form.js';
import { restartingText } from '../../../src/core/admission.js';
import { t } from '../../../src/i18n/index.js';
import type { ChatPort } from '../../../src/core/port.js';
import type { SlackMessageRef } from '../port.js';
import { actionOf } from '../render/blocks.js';
import { decodeMetadata, FORM_CALLBACK, readValues, renderModal } from '../render/modal.js';
import type { Members } from './members.js';
import { OwedAcks } from './acks.js';
import { safeError } from '../../../src/log.js';

/** Slack closes the modal with an error after 3 s; answer before that and finish the rest privately. */
const SUBMIT_BUDGET_MS = 2500;
/** The part of that budget the member lookup (users.info) may take; past it the submission goes on without it. */
const LOOKUP_BUDGET_MS = 800;

interface ActionBody {
  team?: { id: string; domain?: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id: string };
  container?: { message_ts?: string; thread_ts?: string; channel_id?: string; is_ephemeral?: boolean };
  message?: { ts?: string; thread_ts?: string };
  trigger_id?: string;
  response_url?: string;
  actions?: { action_id: string; value?: string; selected_option?: { value: string } }[];
}

export function registerInteractions(bolt: Bolt, bot: Bot, members: Members, port: ChatPort, acks = new OwedAcks()): void {
  bolt.action(/.+/, async ({ ack, body, respond }) => {
    await ack();
    // Stopping (it reached this replica before the load balancer noticed): nothing done, and said so, privately.
    if (bot.stopping) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: restartingText() }).catch((e) => bot.log.warn({ error: safeError(e) }, 'could not answer a press while stopping'));
      return;
    }
    const b = body as unknown as ActionBody;
    const action = b.actions?.[0];
    if (!action) return;
    const team = b.team?.id ?? b.user.team_id ?? '';
    const channel = b.channel?.id ?? b.container?.channel_id;
    const thread = b.message?.thread_ts ?? b.container?.thread_ts;
    const receivedAt = bot.clock.now().getTime();
    const inv = await members.invocation({
      team,
      user: b.user.id,
      channel,
      thread,
      handle: { triggerId: b.trigger_id, responseUrl: b.response_url, receivedAt },
    });
    const ts = b.message?.ts ?? b.container?.message_ts;
    // An ephemeral (a preview only its author sees) can be changed only through this action's response_url, never by
    // chat.update: the ref carries it to SlackPort.update and remove.
    const source: SlackMessageRef | undefined =
      channel && ts ? { team, channel, id: ts, ...(b.container?.is_ephemeral ? { ephemeral: { responseUrl: b.response_url, receivedAt } } : {}) } : undefined;
    const out = await bot.handle({
      kind: 'button',
      inv,
      action: actionOf(action.action_id),
      value: action.value ?? action.selected_option?.value,
      ...(source ? { source } : {}),
    });
    if (out && out.kind === 'next') await port.openForm(inv, out.form).catch((e) => bot.log.warn({ error: safeError(e) }, 'could not open the next form'));
  });

  bolt.view(FORM_CALLBACK, async ({ ack: acknowledge, body, view }) => {
    // Slack's 3 seconds run from arrival: the member lookup below (users.info) spends part of them.
    const arrived = Date.now();
    // Over Socket Mode this acknowledgement travels on the WebSocket, which a stop keeps open until it is sent.
    const paid = acks.owe();
    const ack = (response?: ViewResponseAction) => (acknowledge as AckFn<ViewResponseAction>)(response).finally(paid);
    try {
      const meta = decodeMetadata(view.private_metadata);
      if (!meta) {
        await ack();
        return;
      }
      const team = body.team?.id ?? body.user.team_id ?? '';
      const inv = await members.invocation({
        team,
        user: body.user.id,
        channel: meta.c,
        thread: meta.t,
        handle: { triggerId: (body as { trigger_id?: string }).trigger_id, receivedAt: bot.clock.now().getTime() },
        withinMs: LOOKUP_BUDGET_MS,
      });
      const handling = bot.handle({ kind: 'form', inv, formId: meta.f, values: readValues(view.state as never), ...(meta.s !== undefined ? { state: meta.s } : {}) }) as Promise<FormOutcome>;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, SUBMIT_BUDGET_MS - (Date.now() - arrived)))));
      const first = await Promise.race([handling, late]);
      clearTimeout(timer);
      if (first === 'late') {
        await ack();
        const out = await handling;
        // The member's own language (chosen, else the team's, else Slack's locale), as the form itself was answered in.
        const lang = await bot.context(inv).then(
          (ctx) => ctx.lang,
          () => bot.languageOf(inv),
        );
        if (out.kind === 'errors') await port.answerPrivately(inv, message(textBlock(t(lang, 'slack.form.late'))));
        // The next part could not replace this modal in time: offer it with a button instead of closing in silence.
        if (out.kind === 'next') {
          const button = openFormButton(lang, out.form);
          await port.answerPrivately(inv, button ? message(textBlock(t(lang, 'core.formReady')), button) : message(textBlock(t(lang, 'core.formTooLate'))));
        }
        return;
      }
      if (first.kind === 'errors') await ack({ response_action: 'errors', errors: first.errors });
      else if (first.kind === 'next') await ack({ response_action: 'update', view: renderModal(first.form, { ...(meta.c ? { c: meta.c } : {}), ...(meta.t ? { t: meta.t } : {}) }) as never });
      else await ack();
    } finally {
      // Also when it failed before acknowledging: nothing is owed any more.
      paid();
    }
  });
}
