// /supervision log, hours, hours export, hours fix, held: the member's supervision hours for certification.
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import type { Subcommand } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { localDate } from '../../src/schedule/occurrence.js';
import { fixHours, hoursCsv, hoursLabel, logHeld, logHours, memberEntries, parseHours, parseLogDetails, totals } from '../../src/features/supervision/hours.js';
import { supervisionSessions } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { exampleDate, findSession, said, when } from './shared.js';

function needFiles(ctx: Parameters<Subcommand['run']>[0]) {
  if (!ctx.port.upload || !ctx.port.capabilities.files) throw new UserError('supervision.noFiles');
  return ctx.port.upload.bind(ctx.port);
}

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
    const d = parseLogDetails(String(o.details ?? '').split(/\s+/).filter(Boolean), today);
    const e = await ctx.db.transaction((tx) => logHours(tx, ctx.bot.secrets, ctx.team.id, ctx.member.id, { hours, ...d }, ctx.now));
    await ctx.reply('supervision.logged', { hours: hoursLabel(ctx.lang, hours), kind: ctx.tx(`supervision.kind.${d.kind}`), date: d.date, id: e.id });
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
    await ctx.reply(
      message(
        { type: 'heading', text: ctx.tx('supervision.hours.title') },
        textBlock(ctx.t('supervision.hours.total', { individual: h(tot.all.individual), group: h(tot.all.group), all: h(tot.all.individual + tot.all.group) })),
        { type: 'list', items: tot.byYear.map((y) => ctx.t('supervision.hours.year', { year: y.year, individual: h(y.individual), group: h(y.group) })) },
        noteBlock(ctx.t('supervision.hours.hint')),
      ),
    );
  },
};

export const hoursExport: Subcommand = {
  description: l10n('supervision.hoursExport'),
  aliases: ['godziny eksport'],
  async run(ctx) {
    const upload = needFiles(ctx);
    const csv = hoursCsv(ctx.lang, await memberEntries(ctx.db, ctx.bot.secrets, ctx.member.id));
    await upload({ team: ctx.inv.team, id: ctx.inv.member.id }, { name: 'supervision-hours.csv', mime: 'text/csv', bytes: new TextEncoder().encode(csv) });
    await ctx.reply('supervision.hours.exported');
  },
};

export const hoursFix: Subcommand = {
  description: l10n('supervision.hoursFix'),
  aliases: ['godziny popraw'],
  example: 'hours fix 12 1.5',
  options: {
    id: { kind: 'int', required: true, min: 1, description: l10n('supervision.opt.entryId') },
    hours: { kind: 'string', required: true, description: l10n('supervision.opt.hours') },
  },
  async run(ctx, o) {
    const n = parseHours(String(o.hours));
    await ctx.db.transaction((tx) => fixHours(tx, ctx.member.id, Number(o.id), n));
    await ctx.reply('supervision.hours.fixed', { id: Number(o.id), hours: hoursLabel(ctx.lang, n) });
  },
};

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
