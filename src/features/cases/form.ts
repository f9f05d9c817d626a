// The case forms: the case itself (title, difficulty, question, tags), an anonymous reply, and a report.
import type { Form } from '../../core/form.js';
import { tx, type Lang } from '../../i18n/index.js';
import { findIdentifiers } from './deidentify/index.js';
import { distinct } from './preview.js';
import { TAGS, type CaseText } from './store.js';

export const CASE_FORM = 'case';
export const REPLY_FORM = 'case-reply';
export const REPORT_FORM = 'case-report';

export const LIMITS = { title: 120, body: 3000, question: 500, reply: 1500, reason: 500 } as const;

/** How many findings the edit form names before it stops: the preview itself lists them all. */
const FLAGGED_SHOWN = 6;

/**
 * What the preview marked, for the top of the edit form: the modal covers the preview, so without it the author
 * would edit from memory. Undefined when nothing was marked.
 */
export function flaggedIntro(lang: Lang, text: CaseText): string | undefined {
  const all = distinct([text.title, text.body, text.question].flatMap((f) => findIdentifiers(f)));
  if (!all.length) return undefined;
  const quoted = all.slice(0, FLAGGED_SHOWN).map((f) => tx(lang, 'cases.form.flaggedItem', { text: f.text }));
  const list = all.length > FLAGGED_SHOWN ? `${quoted.join(', ')}, …` : quoted.join(', ');
  return tx(lang, 'cases.form.flagged', { count: all.length, list });
}

/** The case form; `initial` refills it when the author goes back from the preview to edit, naming what was marked. */
export function caseForm(lang: Lang, state?: string, initial?: CaseText): Form {
  return {
    id: CASE_FORM,
    title: tx(lang, 'cases.form.title'),
    submitLabel: tx(lang, 'cases.form.submit'),
    intro: (initial && flaggedIntro(lang, initial)) || tx(lang, 'cases.form.intro'),
    state,
    fields: [
      { id: 'title', kind: 'text', label: tx(lang, 'cases.form.caseTitle'), hint: tx(lang, 'cases.form.caseTitleHint'), maxLength: LIMITS.title, initial: initial?.title },
      { id: 'body', kind: 'text', multiline: true, label: tx(lang, 'cases.form.body'), hint: tx(lang, 'cases.form.bodyHint'), maxLength: LIMITS.body, initial: initial?.body },
      { id: 'question', kind: 'text', multiline: true, label: tx(lang, 'cases.form.question'), hint: tx(lang, 'cases.form.questionHint'), maxLength: LIMITS.question, initial: initial?.question },
      {
        id: 'tags',
        kind: 'choice',
        multiple: true,
        optional: true,
        label: tx(lang, 'cases.form.tags'),
        options: TAGS.map((t) => ({ value: t, label: tx(lang, `cases.tag.${t}`) })),
        initial: initial?.tags,
      },
    ],
  };
}

/** State carries only the case number: never who is replying. */
export function replyForm(lang: Lang, number: number): Form {
  return {
    id: REPLY_FORM,
    title: tx(lang, 'cases.reply.title'),
    submitLabel: tx(lang, 'cases.reply.submit'),
    intro: tx(lang, 'cases.reply.intro', { number }),
    state: String(number),
    fields: [{ id: 'text', kind: 'text', multiline: true, label: tx(lang, 'cases.reply.field'), maxLength: LIMITS.reply }],
  };
}

export function reportForm(lang: Lang, number: number): Form {
  return {
    id: REPORT_FORM,
    title: tx(lang, 'cases.report.title'),
    submitLabel: tx(lang, 'cases.report.submit'),
    intro: tx(lang, 'cases.report.intro', { number }),
    state: String(number),
    fields: [{ id: 'reason', kind: 'text', multiline: true, optional: true, label: tx(lang, 'cases.report.field'), maxLength: LIMITS.reason }],
  };
}
