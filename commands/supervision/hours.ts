// /supervision log, hours, hours export, hours fix, hours remove, held: the member's supervision hours for certification.
import { eq } from 'drizzle-orm';
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, quoteBlock, textBlock } from '../../src/core/message.js';
import { parseId } from '../../src/core/parse.js';
import { actionHandler, type Subcommand } from '../../src/core/registry.js';
import { supervisionSessions } from '../../src/db/schema/index.js';
import {
  entryByNumber,
  entryParams,
  fixHours,
  hoursCsv,
  hoursLabel,
  logHeld,
  logHours,
  memberEntries,
  recentEntries,
  removeEntry,
  totals,
} from '../../src/features/supervision/hours.js';
import { parseFixDetails, parseHours, parseLogDetails } from '../../src/features/supervision/hours-words.js';
import { l10n } from '../../src/i18n/index.js';
import { localDate } from '../../src/schedule/occurrence.js';
import { exampleDate, findSession, said, when } from './shared.js';

const words = (text: unknown) => String(text ?? '').split(/\s+/).filter(Boolean);
/** The kind an entry is not, for an example that changes something. */
const otherKind = (kind: string) => l10n(kind === 'group' ? 'supervision.kind.individual' : 'supervision.kind.group');
const entryNumber = { kind: 'int', required: true, min: 1, description: l10n('supervision.opt.entryId') } as const;

export const log: Subcommand = {
  description: l10n('supervision.log'),
  aliases: ['dziennik'],
  example: { en: 'log 1.5 group 2026-03-02 case consultation', pl: 'dziennik 1,5 grupowa 2026-03-02 konsultacja przypadku' },
  options: {
    hours: { kind: 'string', required: true, description: l10n('supervision.opt.hours') },
    details: { kind: 'text', maxLength: 500, description: l10n('supervision.opt.details') },
  },
  async run(ctx, o) {
    const hours = parseHours(String(o.hours));
    const today = localDate(ctx.now, ctx.zone);
    const d = parseLogDetails(words(o.details), today);
    const e = await ctx.db.transaction((tx) => logHours(tx, ctx.bot.secrets, ctx.team.id, ctx.member.id, { hours, ...d }, ctx.now));
    await ctx.reply('supervision.logged', { hours: hoursLabel(ctx.lang, hours), kind: ctx.tx(`supervision.kind.${d.kind}`), date: d.date, id: e.number });
  },
};

export const hours: Subcommand = {
  description: l10n('supervision.hours'),
  aliases: ['godziny'],
  async run(ctx) {
    const entries = await memberEntries(ctx.db, ctx.bot.secrets, ctx.member.id);
    if (!entries.length) return ctx.reply('supervision.hours.none');
    const tot = totals(entries);
    const h = (n: number) => hoursLabel(ctx.lang, n);
    const recent = recentEntries(entries);
    await ctx.reply(
      message(
        { type: 'heading', text: ctx.tx('supervision.hours.title') },
        textBlock(ctx.t('supervision.hours.total', { individual: h(tot.all.individual), group: h(tot.all.group), all: h(tot.all.individual + tot.all.group) })),
        { type: 'list', items: tot.byYear.map((y) => ctx.t('supervision.hours.year', { year: y.year, individual: h(y.individual), group: h(y.group) })) },
        // With their numbers: what a member needs to fix or remove one, where they look for it.
        textBlock(ctx.t('supervision.hours.recent')),
        { type: 'list', items: recent.map((e) => ctx.t(e.note ? 'supervision.hours.entryNote' : 'supervision.hours.entry', { ...entryParams(e), note: e.note ?? undefined })) },
        entries.length > recent.length && noteBlock(ctx.t('supervision.hours.more', { shown: recent.length, count: entries.length })),
        noteBlock(ctx.t('supervision.hours.hint', { id: recent[0]!.number, other: otherKind(recent[0]!.kind) })),
      ),
    );
  },
};

export const hoursExport: Subcommand = {
  description: l10n('supervision.hoursExport'),
  aliases: ['godziny eksport'],
  async run(ctx) {
    if (!ctx.canSendFiles) throw new UserError('supervision.noFiles');
    const csv = hoursCsv(ctx.lang, await memberEntries(ctx.db, ctx.bot.secrets, ctx.member.id));
    await ctx.sendFile({ name: 'supervision-hours.csv', mime: 'text/csv', bytes: new TextEncoder().encode(csv) });
    await ctx.reply('supervision.hours.exported');
  },
};

export const hoursFix: Subcommand = {
  description: l10n('supervision.hoursFix'),
  aliases: ['godziny popraw'],
  example: { en: 'hours fix 12 2 {-1d} case discussion', pl: 'godziny popraw 12 2 {-1d} omówienie przypadku' },
  options: {
    number: entryNumber,
    // As long as log's: a note typed there can be typed here again.
    details: { kind: 'text', maxLength: 500, description: l10n('supervision.opt.fixDetails') },
  },
  async run(ctx, o) {
    const number = Number(o.number);
    const change = parseFixDetails(words(o.details), localDate(ctx.now, ctx.zone), number);
    if (change.hours === undefined && !change.kind && !change.date && change.note === undefined) {
      // Nothing to change: what the entry says now, and how to say what should change.
      const e = await entryByNumber(ctx.db, ctx.bot.secrets, ctx.member.id, number);
      throw new UserError('supervision.fixNothing', { ...entryParams(e), other: otherKind(e.kind) });
    }
    const e = await ctx.db.transaction((tx) => fixHours(tx, ctx.bot.secrets, ctx.member.id, number, change));
    // The entry as it now is, its note too: a word meant as something else, read as the note, shows at once.
    await ctx.reply(
      message(
        textBlock(ctx.t('supervision.hours.fixed', entryParams(e))),
        e.note ? quoteBlock(e.note) : null,
        change.note === null ? noteBlock(ctx.t('supervision.hours.noteCleared')) : null,
      ),
    );
  },
};

export const REMOVE_ACTION = 'supervision.hours.remove';

/** Removing is asked first: the entry as it is, and two buttons carrying its serial id (see removeEntry). */
export const hoursRemove: Subcommand = {
  description: l10n('supervision.hoursRemove'),
  aliases: ['godziny usuń', 'godziny usun'],
  example: 'hours remove 12',
  options: { number: entryNumber },
  async run(ctx, o) {
    const e = await entryByNumber(ctx.db, ctx.bot.secrets, ctx.member.id, Number(o.number));
    await ctx.reply(
      message(
        textBlock(ctx.t('supervision.hours.removeAsk', entryParams(e))),
        e.note ? quoteBlock(e.note) : null,
        {
          type: 'actions',
          buttons: [
            { action: REMOVE_ACTION, value: `remove:${e.id}`, label: ctx.tx('supervision.hours.removeYes'), style: 'danger' },
            { action: REMOVE_ACTION, value: `keep:${e.id}`, label: ctx.tx('supervision.hours.removeNo') },
          ],
        },
      ),
    );
  },
};

/** The answer to that question; it closes after either choice, and a second press removes nothing more. */
export const removeAction = actionHandler({
  id: REMOVE_ACTION,
  async run(ctx, value, source) {
    const [choice, id] = (value ?? '').split(':');
    const entryId = parseId(id);
    if (choice !== 'remove' || entryId === undefined) {
      await ctx.reply('supervision.hours.kept');
      await ctx.closeWithNote(source, 'supervision.hours.kept');
      return;
    }
    const e = await ctx.db.transaction((tx) => removeEntry(tx, ctx.bot.secrets, ctx.member.id, entryId, ctx.now));
    await ctx.reply(e ? 'supervision.hours.removed' : 'supervision.hours.removeGone', e && entryParams(e));
    await ctx.closeWithNote(source, 'supervision.hours.removedNote');
  },
});

export const held: Subcommand = {
  description: l10n('supervision.held'),
  aliases: ['odbyła się', 'odbyla sie', 'odbyta'],
  facilitator: true,
  example: { en: 'held 2026-03-02', pl: 'odbyła się 2026-03-02' },
  // Its own words: the cancel's mention a series (S…), which cannot be held.
  options: { target: { kind: 'string', required: true, description: l10n('supervision.opt.heldTarget') } },
  async run(ctx, o) {
    const { session, added } = await ctx.db.transaction(async (tx) => {
      // Today's date: held is said of a session that has taken place.
      // A session that ran past midnight is found by either date.
      const s = await findSession(ctx, tx, String(o.target), { spanning: true, example: `${said(ctx, 'held', held)} ${exampleDate(ctx, 0)}` });
      if (s.status === 'cancelled') throw new UserError('supervision.heldCancelled', { id: s.number });
      if (s.startsAt > ctx.now) throw new UserError('supervision.heldFuture', { id: s.number, when: when(ctx, s) });
      await tx.update(supervisionSessions).set({ status: 'held' }).where(eq(supervisionSessions.id, s.id));
      return { session: s, added: await logHeld(tx, s, ctx.now) };
    });
    await ctx.reply('supervision.heldLogged', { when: when(ctx, session), count: added, hours: hoursLabel(ctx.lang, session.durationMinutes / 60) });
  },
};
