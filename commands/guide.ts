// /guide <topic>: a short private guide (steps and example phrases) in the member's language.
import type { Context } from '../src/core/context.js';
import { message, noteBlock, textBlock, type Block, type Message, type Span } from '../src/core/message.js';
import { actionHandler, command } from '../src/core/registry.js';
import { asksForHelp } from '../src/core/help.js';
import { GUIDE_TOPICS, guidesEn, parseGuideTopic, type Guide, type GuideTopic } from '../src/i18n/en/guides.js';
import { guidesPl, guideWordsPl } from '../src/i18n/pl/guides.js';
import { l10n, t, type Lang } from '../src/i18n/index.js';
import { GUIDE_ACTION } from '../src/features/autocheck/views.js';

const GUIDES: Record<Lang, Record<GuideTopic, Guide>> = { en: guidesEn, pl: guidesPl };

/** Guide texts use only *bold* and _italic_; turn them into styled spans like catalogue entries. */
function rich(text: string): Span[] {
  const out: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(/\*([^*\n]+)\*|_([^_\n]+)_/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { text: m[1], style: 'bold' } : { text: m[2]!, style: 'italic' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function guideMessage(lang: Lang, topic: GuideTopic): Message {
  const g = GUIDES[lang][topic];
  const blocks: Block[] = [
    { type: 'heading', text: g.title },
    textBlock(rich(g.intro)),
    { type: 'list', ordered: true, items: g.steps.map(rich) },
    textBlock(t(lang, 'autocheck.guide.phrasesTitle')),
    { type: 'list', items: g.phrases.map((phrase) => t(lang, 'autocheck.guide.quoted', { phrase }).map((s) => ({ text: s.text, style: s.style }))) },
  ];
  if (g.note) blocks.push(noteBlock(rich(g.note)));
  return { blocks, summary: g.title };
}

/** Every topic with its title, one line each. */
export function guideList(lang: Lang, unknown?: string): Message {
  return message(
    unknown ? textBlock(t(lang, 'autocheck.guide.unknown', { got: unknown })) : null,
    textBlock(t(lang, 'autocheck.guide.listTitle')),
    // Each guide by the word a member of that language would type for it.
    { type: 'list', items: GUIDE_TOPICS.map((topic) => [{ text: lang === 'pl' ? guideWordsPl[topic] : topic, style: 'code' as const }, { text: ` — ${GUIDES[lang][topic].title}` }]) },
  );
}

async function show(ctx: Context, word: string | undefined): Promise<void> {
  // "/guide help" (pomoc, ?) asks what there is, as it does after every other command: the list, not "no such guide".
  if (!word || asksForHelp(word)) return ctx.reply(guideList(ctx.lang));
  const topic = parseGuideTopic(word);
  await ctx.reply(topic ? guideMessage(ctx.lang, topic) : guideList(ctx.lang, word));
}

export const guide = command({
  name: 'guide',
  otherNames: ['przewodnik'],
  description: l10n('autocheck.guide.description'),
  subcommands: {
    '': {
      description: l10n('autocheck.guide.description'),
      options: { topic: { kind: 'text', maxLength: 60, description: l10n('autocheck.guide.topic') } },
      example: { en: 'repair', pl: 'naprawa' },
      run: (ctx, opts) => show(ctx, typeof opts.topic === 'string' && opts.topic.trim() ? opts.topic.trim() : undefined),
    },
  },
});

/** The "open the repair guide" button under an alliance flag. */
export const guideButton = actionHandler({
  id: GUIDE_ACTION,
  run: (ctx, value) => show(ctx, value),
});
