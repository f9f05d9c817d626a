// /autocheck: the private 30-second check after a session (quick, standard, full), its history and trend.
import { FieldErrors, PlatformError, UserError } from '../src/core/errors.js';
import { safeError } from '../src/log.js';
import { actionHandler, command, formHandler, type Subcommand } from '../src/core/registry.js';
import { message, noteBlock, textBlock } from '../src/core/message.js';
import { l10n } from '../src/i18n/index.js';
import { answersFrom, buildForm, buildTopicForm, FORM_ID, isVariant, TOPIC_FORM_ID, type Answers, type Variant } from '../src/features/autocheck/forms.js';
import { HELD_ACTIONS, heldForEdit, heldRef, keepHeld, sendHeld } from '../src/features/autocheck/held.js';
import { allianceFlags, RECENT_CHECKS } from '../src/features/autocheck/flags.js';
import { chooseReflection } from '../src/features/autocheck/reflection.js';
import { listAutochecks, saveAutocheck } from '../src/features/autocheck/store.js';
import { takeToSupervision } from '../src/features/autocheck/supervision.js';
import { queueAnonymousTopic } from '../src/features/supervision/anon-later.js';
import { computeTrend, windowStart } from '../src/features/autocheck/trend.js';
import { confirmationMessage, heldAnswer, heldMessage, historyMessage, trendChart, trendMessage } from '../src/features/autocheck/views.js';

const open = (variant: Variant, description: Subcommand['description'], aliases?: string[]): Subcommand => ({
  description,
  aliases,
  async run(ctx) {
    await ctx.openForm(buildForm(ctx.lang, variant));
  },
});

const history: Subcommand = {
  description: l10n('autocheck.history.description'),
  aliases: ['historia'],
  options: { last: { kind: 'int', min: 1, max: 50, aliases: ['ostatnie', 'ostatnich'], description: l10n('autocheck.history.last') } },
  example: 'history 20',
  async run(ctx, opts) {
    const limit = typeof opts.last === 'number' ? opts.last : 10;
    const entries = await listAutochecks(ctx.db, ctx.bot.secrets, { memberId: ctx.member.id, limit });
    await ctx.reply(historyMessage(ctx.lang, ctx.zone, entries));
  },
};

const trend: Subcommand = {
  description: l10n('autocheck.trend.description'),
  options: {
    weeks: { kind: 'int', min: 1, max: 52, aliases: ['tygodnie', 'tygodni'], units: ['weeks', 'week', 'tygodnie', 'tygodni', 'tydzień', 'tydzien'], description: l10n('autocheck.trend.weeksOption') },
  },
  example: { en: 'trend 12 weeks', pl: 'trend 12 tygodni' },
  async run(ctx, opts) {
    const weeks = typeof opts.weeks === 'number' ? opts.weeks : 8;
    const entries = await listAutochecks(ctx.db, ctx.bot.secrets, { memberId: ctx.member.id, since: windowStart(ctx.now, weeks, ctx.zone) });
    const view = computeTrend(entries, ctx.now, weeks, ctx.zone);
    const text = trendMessage(ctx.lang, view);
    if (!view.checks) return ctx.reply(text);
    // The chart goes only to the member's DM; where files can't be sent, the text view is the whole answer.
    if (!ctx.canSendFiles) {
      text.blocks.push(noteBlock(ctx.t('autocheck.trend.noChart')));
      return ctx.reply(text);
    }
    // The text first: where the chart cannot follow (Discord with DMs from the server closed), the trend still arrives.
    text.blocks.push(noteBlock(ctx.t('autocheck.trend.chartSent')));
    await ctx.reply(text);
    try {
      await ctx.sendFile({ name: 'autocheck-trend.png', mime: 'image/png', bytes: trendChart(ctx.lang, view) }, message(textBlock(ctx.t('autocheck.chart.caption'))));
    } catch (e) {
      if (!(e instanceof UserError) && !(e instanceof PlatformError)) throw e;
      if (e instanceof PlatformError) ctx.bot.log.warn({ error: safeError(e) }, 'trend chart not delivered');
      // The member's own way out (allow DMs) when the platform gave one; otherwise only that the chart did not go.
      await ctx.reply(message(textBlock(ctx.t('autocheck.trend.chartFailed')), e instanceof UserError ? noteBlock(ctx.t(e.code, e.params)) : null));
    }
  },
};

export const autocheck = command({
  name: 'autocheck',
  description: l10n('autocheck.description'),
  subcommands: {
    '': open('standard', l10n('autocheck.standard.description')),
    quick: open('quick', l10n('autocheck.quick.description'), ['szybki', 'szybko']),
    full: open('full', l10n('autocheck.full.description'), ['pełny', 'pelny']),
    history,
    trend,
  },
});

export const autocheckForm = formHandler({
  id: FORM_ID,
  build: (ctx, state) => buildForm(ctx.lang, isVariant(state) ? state : 'standard'),
  async submit(ctx, values, state) {
    const variant = isVariant(state) ? state : 'standard';
    const answers = answersFrom(values);
    // A place chosen for a topic that was left empty: asked in the form rather than saved as if nothing was meant.
    if (typeof values.destination === 'string' && values.destination !== 'keep' && !answers.supervision) {
      throw new FieldErrors({ supervision: { code: 'autocheck.err.topicEmpty' } });
    }
    const now = ctx.now;
    // Read the recent average before saving, so the new check is compared with the ones before it.
    const { previous, agenda, id } = await ctx.db.transaction(async (tx) => {
      const previous = await listAutochecks(tx, ctx.bot.secrets, { memberId: ctx.member.id, limit: RECENT_CHECKS * 3 });
      const agenda = await takeToSupervision(tx, ctx.bot, { team: ctx.team, memberExternalId: ctx.inv.member.id, answers, now, lang: ctx.lang });
      // A held topic waits inside the sealed check, private until its author decides (src/features/autocheck/held.ts).
      const saved: Answers = agenda.kind === 'held' ? { ...answers, destination: 'keep', held: { to: agenda.visibility, version: 0 } } : answers;
      const { id } = await saveAutocheck(tx, ctx.bot.secrets, { teamId: ctx.team.id, memberId: ctx.member.id, variant, answers: saved, now });
      return { previous, agenda, id };
    });
    // The anonymous topic is queued only now, in a transaction of its own, after the named check has committed.
    if (agenda.kind === 'added' && agenda.later) {
      const later = agenda.later;
      await ctx.db.transaction((tx) => queueAnonymousTopic(tx, ctx.bot, { team: ctx.team, memberExternalId: ctx.inv.member.id, ...later, now }));
    }
    const flags = allianceFlags(answers, previous.map((e) => e.answers));
    await ctx.reply(confirmationMessage(ctx.lang, { reflection: chooseReflection(answers), flags, agenda }));
    // Its own message, so that deciding can replace it without touching the reflection above.
    if (agenda.kind === 'held') await ctx.reply(heldMessage(ctx.lang, agenda, heldRef(id, 0)));
    return { kind: 'close' };
  },
});

/** "Edit" on a held topic: one text, checked again on submit; it goes when nothing in it looks identifying any more. */
export const autocheckTopicForm = formHandler({
  id: TOPIC_FORM_ID,
  // Rebuilt for validation and for the "open the form again" button: pre-filled again while the topic still waits.
  async build(ctx, state) {
    const held = await heldForEdit(ctx, state);
    return held.kind === 'open' ? buildTopicForm(ctx.lang, state ?? '', held.text, held.to) : buildTopicForm(ctx.lang, state ?? '', '');
  },
  async submit(ctx, values, state) {
    await ctx.reply(heldAnswer(ctx.lang, await sendHeld(ctx, state, String(values.topic ?? ''))));
    return { kind: 'close' };
  },
});

export const autocheckActions = [
  actionHandler({
    id: HELD_ACTIONS.edit,
    async run(ctx, value, source) {
      const held = await heldForEdit(ctx, value);
      if (held.kind === 'open') return ctx.openForm(buildTopicForm(ctx.lang, String(value), held.text, held.to));
      await ctx.reply(heldAnswer(ctx.lang, held));
      await ctx.closeWithNote(source, 'autocheck.held.closed');
    },
  }),
  actionHandler({
    id: HELD_ACTIONS.send,
    async run(ctx, value, source) {
      await ctx.reply(heldAnswer(ctx.lang, await sendHeld(ctx, value)));
      await ctx.closeWithNote(source, 'autocheck.held.closed');
    },
  }),
  actionHandler({
    id: HELD_ACTIONS.keep,
    async run(ctx, value, source) {
      await ctx.reply(heldAnswer(ctx.lang, await keepHeld(ctx, value)));
      await ctx.closeWithNote(source, 'autocheck.held.closed');
    },
  }),
];
