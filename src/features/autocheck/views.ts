// What a member sees of their checks: the private confirmation, history lines, trend lines and the chart.
import { DateTime } from 'luxon';
import { message, noteBlock, textBlock, type Block, type Message, type Rich } from '../../core/message.js';
import { t, tx, type Lang, type MessageKey } from '../../i18n/index.js';
import { formatLocal } from '../../schedule/occurrence.js';
import { renderTrendChart } from './chart.js';
import { ITEMS, itemValue, type Answers } from './forms.js';
import type { Flag } from './flags.js';
import type { Entry } from './store.js';
import type { AgendaOutcome } from './supervision.js';
import type { TrendView } from './trend.js';

/** The button under a flag; commands/guide.ts answers it with the guide. */
export const GUIDE_ACTION = 'guide';

const itemName = (lang: Lang, item: string) => tx(lang, `autocheck.item.${item}` as MessageKey);

function agendaLine(lang: Lang, agenda: AgendaOutcome): Rich | undefined {
  switch (agenda.kind) {
    case 'none':
      return undefined;
    case 'kept':
      return t(lang, 'autocheck.topic.kept');
    case 'noSession':
      return t(lang, 'autocheck.topic.noSession');
    case 'added': {
      const line = t(lang, `autocheck.topic.${agenda.visibility}`);
      return agenda.sessionLabel ? [...line, { text: ' ' }, ...t(lang, 'autocheck.topic.session', { session: agenda.sessionLabel })] : line;
    }
  }
}

/** Saved, one line of reflection, any alliance flags with the way to the repair guide, where the topic went. */
export function confirmationMessage(lang: Lang, o: { reflection: MessageKey; flags: Flag[]; agenda: AgendaOutcome }): Message {
  const blocks: Block[] = [textBlock(t(lang, 'autocheck.saved')), textBlock(t(lang, o.reflection))];
  if (o.flags.length) {
    blocks.push(
      // A low score says the alliance may be strained; a dip against one's own average only invites a look.
      textBlock(t(lang, o.flags.some((f) => f.kind === 'low') ? 'autocheck.flag.title' : 'autocheck.flag.titleDrop')),
      {
        type: 'list',
        items: o.flags.map((f) =>
          f.kind === 'low'
            ? t(lang, 'autocheck.flag.low', { item: itemName(lang, f.item), value: f.value })
            : t(lang, 'autocheck.flag.drop', { item: itemName(lang, f.item), value: f.value, average: f.average.toLocaleString(lang) }),
        ),
      },
      textBlock(t(lang, 'autocheck.flag.offer')),
      { type: 'actions', buttons: [{ action: GUIDE_ACTION, value: 'repair', label: tx(lang, 'autocheck.flag.button') }] },
    );
  }
  const agenda = agendaLine(lang, o.agenda);
  if (agenda) blocks.push(noteBlock(agenda));
  return { blocks, summary: tx(lang, 'autocheck.saved') };
}

/** "Curiosity 3 · Flexibility 2 · Sounded judging: no · Alliance 4", plus markers for a topic or a note. */
export function compactValues(lang: Lang, a: Answers): string {
  const parts: string[] = [];
  for (const { id } of ITEMS) {
    if (id === 'judging') {
      parts.push(`${itemName(lang, id)}: ${tx(lang, `autocheck.judging.${a.judging}`).toLowerCase()}`);
      continue;
    }
    const v = itemValue(a, id);
    if (v !== null) parts.push(`${itemName(lang, id)} ${v}`);
  }
  if (a.supervision) parts.push(tx(lang, 'autocheck.history.withTopic'));
  if (a.note) parts.push(tx(lang, 'autocheck.history.withNote'));
  return parts.join(' · ');
}

export function historyMessage(lang: Lang, zone: string, entries: readonly Entry[]): Message {
  if (!entries.length) return message(textBlock(t(lang, 'autocheck.history.empty')));
  return message(
    textBlock(t(lang, 'autocheck.history.title', { count: entries.length })),
    {
      type: 'list',
      items: entries.map((e) => [{ text: formatLocal(e.createdAt, zone, lang), style: 'bold' as const }, { text: ` — ${compactValues(lang, e.answers)}` }]),
    },
    noteBlock(t(lang, 'autocheck.history.privateNote')),
  );
}

/** One line per item: name, sparkline, direction. */
export function trendLines(lang: Lang, view: TrendView): Rich[] {
  return view.items.map((i) => [
    { text: itemName(lang, i.item), style: 'bold' as const },
    { text: ' ' },
    { text: i.spark, style: 'code' as const },
    { text: ` ${tx(lang, `autocheck.trend.${i.trend}`)}` },
  ]);
}

export function trendMessage(lang: Lang, view: TrendView): Message {
  if (!view.checks) return message(textBlock(t(lang, 'autocheck.trend.empty')));
  const heading = `${tx(lang, 'autocheck.trend.weeks', { count: view.weeks })} · ${tx(lang, 'autocheck.trend.checks', { count: view.checks })}`;
  return message({ type: 'heading', text: heading }, { type: 'list', items: trendLines(lang, view) }, noteBlock(t(lang, 'autocheck.trend.legend')));
}

/** The same trend as a PNG chart, with localized item names and week labels. */
export function trendChart(lang: Lang, view: TrendView): Uint8Array {
  return renderTrendChart(
    view.items.map((i) => ({ label: itemName(lang, i.item), values: i.values, min: i.min, max: i.max })),
    {
      title: tx(lang, 'autocheck.chart.title'),
      dates: view.weekStarts.map((d) => DateTime.fromISO(d).toFormat('dd.MM')),
    },
  );
}
