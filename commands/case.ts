// /case (/przypadek's words as aliases): anonymous case posts — the form, preview buttons, replies, withdraw, moderation.
import { actionHandler, command, formHandler } from '../src/core/registry.js';
import { UserError } from '../src/core/errors.js';
import { parseId } from '../src/core/parse.js';
import type { CaseText } from '../src/features/cases/store.js';
import { hideQuestion } from '../src/features/cases/post.js';
import { caseForm, CASE_FORM, LIMITS, replyForm, REPLY_FORM, reportForm, REPORT_FORM } from '../src/features/cases/form.js';
import { ban, cancelDraft, checkCanPost, draftFor, hide, openCase, publish, reply, report, submitCase, withdraw } from '../src/features/cases/flow.js';
import { l10n } from '../src/i18n/index.js';

const numberOption = { kind: 'int' as const, required: true, min: 1, description: l10n('cases.opt.number') };

/** A case number from a button value; anything else is treated like a case that does not exist. */
function caseNumber(value: string | undefined): number {
  const n = parseId(value);
  if (n === undefined) throw new UserError('cases.err.unknownCase', { number: String(value ?? '') });
  return n;
}

export const caseCommand = command({
  name: 'case',
  otherNames: ['przypadek'],
  description: l10n('cases.description'),
  subcommands: {
    '': {
      description: l10n('cases.cmd.new'),
      async run(ctx) {
        // Refuse before the member writes three thousand characters, not after.
        await checkCanPost(ctx);
        await ctx.openForm(caseForm(ctx.lang));
      },
    },
    reply: {
      description: l10n('cases.cmd.reply'),
      aliases: ['odpowiedz', 'odpowiedź'],
      options: { number: numberOption, text: { kind: 'text', required: true, maxLength: LIMITS.reply, description: l10n('cases.opt.text') } },
      example: { en: 'reply 3 I recognise this so well…', pl: 'odpowiedz 3 Bardzo dobrze to znam…' },
      run: (ctx, o) => reply(ctx, Number(o.number), String(o.text)),
    },
    withdraw: {
      description: l10n('cases.cmd.withdraw'),
      aliases: ['wycofaj'],
      options: { number: numberOption },
      example: 'withdraw 3',
      run: (ctx, o) => withdraw(ctx, Number(o.number)),
    },
    hide: {
      description: l10n('cases.cmd.hide'),
      aliases: ['ukryj'],
      facilitator: true,
      options: { number: numberOption },
      example: 'hide 3',
      run: (ctx, o) => hide(ctx, Number(o.number)),
    },
    ban: {
      description: l10n('cases.cmd.ban'),
      aliases: ['zbanuj', 'blokuj'],
      facilitator: true,
      options: { number: numberOption, days: { kind: 'int', required: true, min: 1, max: 365, units: ['days', 'dni', 'd'], description: l10n('cases.opt.days') } },
      example: 'ban 3 14',
      run: (ctx, o) => ban(ctx, Number(o.number), Number(o.days)),
    },
  },
});

export const caseForms = [
  formHandler({
    id: CASE_FORM,
    build: (ctx, state) => caseForm(ctx.lang, state),
    async submit(ctx, values, state) {
      const text: CaseText = {
        title: String(values.title),
        body: String(values.body),
        question: String(values.question),
        tags: Array.isArray(values.tags) ? values.tags : [],
      };
      await submitCase(ctx, text, state);
      return { kind: 'close' };
    },
  }),
  formHandler({
    id: REPLY_FORM,
    build: (ctx, state) => replyForm(ctx.lang, caseNumber(state)),
    async submit(ctx, values, state) {
      await reply(ctx, caseNumber(state), String(values.text));
      return { kind: 'close' };
    },
  }),
  formHandler({
    id: REPORT_FORM,
    build: (ctx, state) => reportForm(ctx.lang, caseNumber(state)),
    async submit(ctx, values, state) {
      await report(ctx, caseNumber(state), values.reason ? String(values.reason) : undefined);
      return { kind: 'close' };
    },
  }),
];

export const caseActions = [
  actionHandler({
    id: 'case.edit',
    async run(ctx, token, source) {
      // Undefined when this preview is out of date (published, or replaced by an edit): the author has been told so.
      const text = await draftFor(ctx, String(token), source);
      if (text) await ctx.openForm(caseForm(ctx.lang, String(token), text));
    },
  }),
  actionHandler({ id: 'case.publish', run: async (ctx, token, source) => void (await publish(ctx, String(token), source)) }),
  actionHandler({ id: 'case.cancel', run: (ctx, token, source) => cancelDraft(ctx, String(token), source) }),
  actionHandler({
    id: 'case.reply',
    async run(ctx, value) {
      const n = caseNumber(value);
      await openCase(ctx, n, 'reply');
      await ctx.openForm(replyForm(ctx.lang, n));
    },
  }),
  actionHandler({
    id: 'case.report',
    async run(ctx, value) {
      const n = caseNumber(value);
      await openCase(ctx, n, 'report');
      await ctx.openForm(reportForm(ctx.lang, n));
    },
  }),
  actionHandler({ id: 'case.hide', confirm: (lang, value) => hideQuestion(lang, parseId(value) ?? 0), run: (ctx, value) => hide(ctx, caseNumber(value)) }),
];
