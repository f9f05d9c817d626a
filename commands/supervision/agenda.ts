// /supervision topic…, topics, agenda, who and the RSVP buttons: what members bring and who is coming.
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock, type Span } from '../../src/core/message.js';
import { actionHandler, type L10n, type Subcommand } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { addTopic, agendaBlocks, myTopics, removeTopic, sessionAgenda, type Visibility } from '../../src/features/supervision/agenda.js';
import { topicCheckBlocks } from '../../src/features/supervision/deidentify.js';
import { RSVP_ACTION, refreshSentReminders } from '../../src/features/supervision/reminders.js';
import { answer, parseRsvpValue, whoAnswered } from '../../src/features/supervision/rsvp.js';
import { ANSWERS, nextSession } from '../../src/features/supervision/store.js';
import { when } from './shared.js';

const textOption = { text: { kind: 'text' as const, required: true, maxLength: 1000, description: l10n('supervision.opt.topic') } };

function topicCommand(visibility: Visibility, aliases: string[], example: L10n, key: 'supervision.topic' | 'supervision.topicAnon' | 'supervision.topicPrivate'): Subcommand {
  return {
    description: l10n(key),
    aliases,
    example,
    options: textOption,
    async run(ctx, o) {
      const added = await ctx.db.transaction((tx) =>
        addTopic(tx, ctx.bot, { team: ctx.team, memberExternalId: ctx.inv.member.id, text: String(o.text), visibility, source: 'command', now: ctx.now, lang: ctx.lang, zone: ctx.zone }),
      );
      const reply = added.sessionLabel ? (`supervision.topicAdded.${visibility}` as const) : 'supervision.topicAdded.loose';
      // A group topic: the author hears what was masked and what else may identify the client (privately, as always);
      // an anonymous one has no number until it reaches the agenda.
      const check = added.check ? topicCheckBlocks(ctx.lang, added.check, added.number) : [];
      await ctx.reply(message(textBlock(ctx.t(reply, { id: added.number, when: added.sessionLabel })), ...check));
      // A reminder already sent shows the agenda: it gets a named topic at once (an anonymous one when it arrives, see addTopic).
      if (added.session && visibility === 'named') await refreshSentReminders(ctx.bot, ctx.team, added.session);
    },
  };
}

export const topic = topicCommand('named', ['temat'], { en: 'topic a client who keeps cancelling', pl: 'temat klient, który odwołuje sesje' }, 'supervision.topic');
export const topicAnon = topicCommand('anonymous', ['temat anon', 'temat anonimowo'], { en: 'topic anon feeling stuck with a long-term client', pl: 'temat anon długa terapia, która stanęła w miejscu' }, 'supervision.topicAnon');
export const topicPrivate = topicCommand('private', ['temat prywatny', 'temat prywatnie'], { en: 'topic private ask about boundaries', pl: 'temat prywatny zapytać o granice' }, 'supervision.topicPrivate');

export const topicRemove: Subcommand = {
  description: l10n('supervision.topicRemove'),
  aliases: ['temat usuń', 'temat usun'],
  example: { en: 'topic remove 12', pl: 'temat usuń 12' },
  options: { id: { kind: 'int', required: true, min: 1, description: l10n('supervision.opt.topicId') } },
  async run(ctx, o) {
    const left = await ctx.db.transaction((tx) => removeTopic(tx, ctx.bot, ctx.team, ctx.inv.member.id, ctx.member.id, Number(o.id)));
    await ctx.reply(left.later ? 'supervision.topicRemovedLater' : 'supervision.topicRemoved', { id: Number(o.id) });
    // Off the reminders already sent too: "remove it" must mean gone from what the group reads (an anonymous topic a
    // few minutes later, see removeTopic).
    if (left.session) await refreshSentReminders(ctx.bot, ctx.team, left.session);
  },
};

export const topics: Subcommand = {
  description: l10n('supervision.topics'),
  aliases: ['tematy'],
  async run(ctx) {
    const mine = await myTopics(ctx.db, ctx.bot, ctx.team, ctx.inv.member.id, ctx.member.id);
    if (!mine.length) return ctx.reply('supervision.topics.empty');
    const items: Span[][] = mine.map((tp) => [
      { text: String(tp.number), style: 'code' },
      { text: ` (${ctx.tx(`supervision.visibility.${tp.visibility as Visibility}`)}) ` },
      { text: tp.text, untrusted: true },
    ]);
    await ctx.reply(message({ type: 'heading', text: ctx.tx('supervision.topics.title') }, { type: 'list', items }, noteBlock(ctx.t('supervision.topics.hint'))));
  },
};

export const agenda: Subcommand = {
  description: l10n('supervision.agenda'),
  aliases: ['agenda'],
  async run(ctx) {
    const s = await nextSession(ctx.db, ctx.team.id, ctx.now);
    if (!s) throw new UserError('supervision.noSession');
    await ctx.reply(message({ type: 'heading', text: ctx.tx('supervision.agenda.title', { when: when(ctx, s) }) }, ...agendaBlocks(ctx.lang, await sessionAgenda(ctx.db, s.id))));
  },
};

export const who: Subcommand = {
  description: l10n('supervision.who'),
  aliases: ['kto'],
  facilitator: true,
  async run(ctx) {
    const s = await nextSession(ctx.db, ctx.team.id, ctx.now);
    if (!s) throw new UserError('supervision.noSession');
    const by = await whoAnswered(ctx.db, s.id);
    const fields = ANSWERS.map((a) => ({
      label: ctx.tx(`supervision.who.${a}`, { count: by[a].length }),
      // Mention spans show names; adapters render them without notifying anyone.
      value: by[a].length ? by[a].flatMap((id, i): Span[] => [...(i ? [{ text: ', ' }] : []), { text: id, mention: id }]) : ctx.t('supervision.who.nobody'),
    }));
    await ctx.reply(message({ type: 'heading', text: ctx.tx('supervision.who.title', { when: when(ctx, s) }) }, { type: 'fields', fields }));
  },
};

export const rsvpAction = actionHandler({
  id: RSVP_ACTION,
  async run(ctx, value) {
    const { sessionId, answer: a } = parseRsvpValue(value);
    const session = await ctx.db.transaction((tx) => answer(tx, ctx.team.id, ctx.member.id, sessionId, a, ctx.now));
    await refreshSentReminders(ctx.bot, ctx.team, session);
    await ctx.reply(message(textBlock(ctx.t(`supervision.rsvp.thanks.${a}`, { when: when(ctx, session) }))));
  },
});
