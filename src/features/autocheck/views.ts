// What a member sees of their checks: the private confirmation, history lines, trend lines and the chart.
import { DateTime } from 'luxon';
import { message, noteBlock, textBlock, type Block, type Button, type Message, type Rich } from '../../core/message.js';
import { t, tx, type Lang, type MessageKey } from '../../i18n/index.js';
import { formatLocal } from '../../schedule/occurrence.js';
import { renderTrendChart } from './chart.js';
import { ITEMS, itemValue, type Answers } from './forms.js';
import type { Flag } from './flags.js';
import type { Entry } from './store.js';
import type { AgendaOutcome } from './supervision.js';
import { foundList, maskedBlock, topicCheckBlocks } from '../supervision/deidentify.js';
import { findIdentifiers } from '../cases/deidentify/index.js';
import { highlight } from '../cases/preview.js';
import { HELD_ACTIONS, type HeldOutcome } from './held.js';
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
    case 'held':
      // Said in a message of its own, with the topic as the group would read it (heldMessage).
      return undefined;
    case 'added': {
      const line = t(lang, `autocheck.topic.${agenda.visibility}`);
      return agenda.sessionLabel ? [...line, { text: ' ' }, ...t(lang, 'autocheck.topic.session', { session: agenda.sessionLabel })] : line;
    }
  }
}

/** Whether the check sent its topic to the group: then "only you see it" is true of everything but the topic. */
const shared = (agenda: AgendaOutcome) => agenda.kind === 'added' && agenda.visibility !== 'mine';

/** Saved, one line of reflection, any alliance flags with the way to the repair guide, where the topic went. */
export function confirmationMessage(lang: Lang, o: { reflection: MessageKey; flags: Flag[]; agenda: AgendaOutcome }): Message {
  const saved = shared(o.agenda) ? 'autocheck.saved.shared' : 'autocheck.saved';
  const blocks: Block[] = [textBlock(t(lang, saved)), textBlock(t(lang, o.reflection))];
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
  // What the group topic had masked, and what else may identify the client: the member can still take it back.
  if (o.agenda.kind === 'added' && o.agenda.check) blocks.push(...topicCheckBlocks(lang, o.agenda.check, o.agenda.id));
  return { blocks, summary: tx(lang, saved) };
}

/**
 * A group topic held back: what may identify the client, the topic as the group would read it (findings in bold,
 * mandatory identifiers already masked), and the three ways on. Edit is the highlighted one.
 */
export function heldMessage(lang: Lang, held: Extract<AgendaOutcome, { kind: 'held' }>, ref: string): Message {
  const { check } = held;
  const button = (action: string, label: MessageKey, primary = false): Button => ({ action, value: ref, label: tx(lang, label), ...(primary ? { style: 'primary' as const } : {}) });
  const blocks: Block[] = [
    textBlock(t(lang, 'autocheck.held.title', { found: foundList(lang, check) })),
    textBlock(t(lang, `autocheck.held.preview.${held.visibility}`, { session: held.sessionLabel })),
    { type: 'quote', text: highlight(check.text, findIdentifiers(check.text).filter((f) => !f.mandatoryMask)) },
  ];
  const masked = maskedBlock(lang, check);
  if (masked) blocks.push(masked);
  blocks.push(noteBlock(t(lang, 'autocheck.held.choose')), {
    type: 'actions',
    buttons: [button(HELD_ACTIONS.edit, 'autocheck.held.edit', true), button(HELD_ACTIONS.send, 'autocheck.held.send'), button(HELD_ACTIONS.keep, 'autocheck.held.keep')],
  });
  // The summary travels to notifications: no words of the topic in it.
  return { blocks, summary: tx(lang, 'autocheck.held.summary') };
}

/** The answer to a press (or an edit) on a held topic. */
export function heldAnswer(lang: Lang, out: HeldOutcome): Message {
  switch (out.kind) {
    case 'held':
      return heldMessage(lang, out, out.ref);
    case 'added':
      return message(textBlock(agendaLine(lang, out)!), ...topicCheckBlocks(lang, out.check!, out.id));
    case 'noSession':
      return message(textBlock(t(lang, 'autocheck.topic.noSession')));
    case 'kept':
    case 'none':
      return message(textBlock(t(lang, 'autocheck.held.kept')));
    case 'decided':
      return message(textBlock(t(lang, out.sent ? 'autocheck.held.alreadySent' : 'autocheck.held.alreadyKept')));
    case 'stale':
      return message(textBlock(t(lang, 'autocheck.held.stale')));
    case 'gone':
      return message(textBlock(t(lang, 'autocheck.held.gone')));
  }
}

/** How much of a topic or note one history line shows: enough to recognise it, with a visible cut. */
export const HISTORY_EXCERPT = 140;

/** The text cut at a word near `max` characters, with "…" where it was cut. */
export function excerpt(text: string, max = HISTORY_EXCERPT): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "Curiosity 3 · Flexibility 2 · Sounded judging: no · Alliance 4": the numbers and choices of one check. */
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
  return parts.join(' · ');
}

/** One history line: when, the values, then the member's own topic and note (theirs, shown only to them). */
function historyLine(lang: Lang, zone: string, e: Entry): Rich {
  const line: Rich = [{ text: formatLocal(e.createdAt, zone, lang), style: 'bold' }, { text: ` — ${compactValues(lang, e.answers)}` }];
  if (e.answers.supervision) line.push({ text: ' · ' }, ...t(lang, 'autocheck.history.topic', { text: excerpt(e.answers.supervision) }));
  if (e.answers.note) line.push({ text: ' · ' }, ...t(lang, 'autocheck.history.note', { text: excerpt(e.answers.note) }));
  return line;
}

export function historyMessage(lang: Lang, zone: string, entries: readonly Entry[]): Message {
  if (!entries.length) return message(textBlock(t(lang, 'autocheck.history.empty')));
  return message(
    textBlock(t(lang, 'autocheck.history.title', { count: entries.length })),
    {
      type: 'list',
      items: entries.map((e) => historyLine(lang, zone, e)),
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
    // Judging is the one item where less is better: "rising" there is no good news, and the line says so.
    ...(i.item === 'judging' ? [{ text: ` ${tx(lang, 'autocheck.trend.lowerBetter')}` }] : []),
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
    // The axis runs 0–100 % for every item; for judging, 100 % is "yes", so its legend says lower is better.
    view.items.map((i) => ({ label: i.item === 'judging' ? `${itemName(lang, i.item)} ${tx(lang, 'autocheck.trend.lowerBetter')}` : itemName(lang, i.item), values: i.values, min: i.min, max: i.max })),
    {
      title: tx(lang, 'autocheck.chart.title'),
      dates: view.weekStarts.map((d) => DateTime.fromISO(d).toFormat('dd.MM')),
    },
  );
}
