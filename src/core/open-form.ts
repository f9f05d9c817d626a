// Opening a form again from a button: when a platform's window for answering a command with a form has passed
// (Slack's 3-second trigger, on a busy moment), the member gets this button instead of having to type again.
import { UserError } from './errors.js';
import type { Form } from './form.js';
import type { Block } from './message.js';
import { actionHandler } from './registry.js';
import { tx, type Lang } from '../i18n/index.js';

export const OPEN_FORM_ACTION = 'core.openForm';
/**
 * The longest value this button may carry on every platform (Discord: custom_id of 100 characters, the action
 * included); a form whose state does not fit is not offered this way.
 */
const MAX_VALUE = 100 - OPEN_FORM_ACTION.length - 1;

/** The button that opens `form` again, or undefined when its state is too long to carry. */
export function openFormButton(lang: Lang, form: Form): Block | undefined {
  const value = JSON.stringify([form.id, form.state ?? null]);
  if (value.length > MAX_VALUE) return undefined;
  return { type: 'actions', buttons: [{ action: OPEN_FORM_ACTION, value, label: tx(lang, 'core.openForm'), style: 'primary' }] };
}

/** Rebuilds the form from its declaration and state (as a submission does) and opens it. */
export const openFormAction = actionHandler({
  id: OPEN_FORM_ACTION,
  async run(ctx, value) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value ?? '');
    } catch {
      throw new UserError('core.staleButton');
    }
    const [id, state] = Array.isArray(parsed) ? parsed : [];
    const handler = ctx.bot.registry.forms.find((f) => f.id === id);
    if (!handler) throw new UserError('core.staleButton');
    await ctx.openForm(await handler.build(ctx, typeof state === 'string' ? state : undefined));
  },
});
