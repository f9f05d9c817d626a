// What the group sees: the case post, its withdrawn/hidden replacements, anonymous replies and reports to moderators.
import { message, noteBlock, quoteBlock, textBlock, type ButtonConfirm, type Message } from '../../core/message.js';
import { t, tx, type Lang } from '../../i18n/index.js';

export interface PublishedCase {
  number: number;
  title: string;
  body: string;
  question: string;
  tags: string[];
}

/** Every member-written part is an untrusted span (quote blocks, catalogue params): it can never ping anyone. */
export function casePost(lang: Lang, c: PublishedCase): Message {
  const tags = c.tags.map((g) => tx(lang, `cases.tag.${g}` as never)).join(' · ');
  return {
    ...message(
      { type: 'heading', text: tx(lang, 'cases.post.heading', { number: c.number }) },
      textBlock([{ text: c.title, style: 'bold', untrusted: true }]),
      textBlock([{ text: tx(lang, 'cases.post.difficulty'), style: 'bold' }]),
      quoteBlock(c.body),
      textBlock([{ text: tx(lang, 'cases.post.question'), style: 'bold' }]),
      quoteBlock(c.question),
      tags ? noteBlock(`${tx(lang, 'cases.post.tags')}: ${tags}`) : null,
      noteBlock(t(lang, 'cases.post.note')),
      {
        type: 'actions',
        buttons: [
          { action: 'case.reply', value: String(c.number), label: tx(lang, 'cases.post.reply') },
          { action: 'case.report', value: String(c.number), label: tx(lang, 'cases.post.report') },
        ],
      },
    ),
    summary: tx(lang, 'cases.post.summary', { number: c.number }),
  };
}

/** The post after its author withdrew it or moderators hid it: no text, no buttons. */
export function closedPost(lang: Lang, number: number, why: 'withdrawn' | 'hidden'): Message {
  return {
    ...message(
      { type: 'heading', text: tx(lang, 'cases.post.heading', { number }) },
      noteBlock(t(lang, why === 'withdrawn' ? 'cases.post.withdrawn' : 'cases.post.hidden', { number })),
    ),
    summary: tx(lang, 'cases.post.summary', { number }),
  };
}

/** An anonymous reply: the pseudonym is the persona; the text only ever lives in this message. */
export function replyPost(persona: string, text: string): Message {
  return { ...message(quoteBlock(text)), persona };
}

/** A report whose case has since been closed: its reason went with the case's text, and there is nothing to hide. */
export function reportClosedPost(lang: Lang, number: number): Message {
  return { ...message(textBlock(t(lang, 'cases.mod.reportOfClosed', { number }))), summary: tx(lang, 'cases.mod.reported', { number }) };
}

/** The question before hiding a case: on the report's button, and declared by the action for platforms that ask on the press. */
export function hideQuestion(lang: Lang, number: number): ButtonConfirm {
  return {
    title: tx(lang, 'cases.mod.hideConfirm.title', { number }),
    text: tx(lang, 'cases.mod.hideConfirm.text'),
    confirm: tx(lang, 'cases.mod.hideConfirm.yes'),
    deny: tx(lang, 'cases.mod.hideConfirm.no'),
  };
}

/** To the moderation channel: which case and the (untrusted) reason; nothing about the author or the reporter. */
export function reportPost(lang: Lang, number: number, reason: string | undefined): Message {
  return {
    ...message(
      textBlock(t(lang, 'cases.mod.reported', { number })),
      reason ? textBlock([{ text: tx(lang, 'cases.mod.reason'), style: 'bold' }]) : noteBlock(t(lang, 'cases.mod.noReason')),
      reason ? quoteBlock(reason) : null,
      {
        type: 'actions',
        buttons: [
          {
            action: 'case.hide',
            value: String(number),
            label: tx(lang, 'cases.mod.hide'),
            style: 'danger',
            // Hiding deletes the case's text and its replies for good: one more step, where the platform has one.
            confirm: hideQuestion(lang, number),
          },
        ],
      },
    ),
    // What a moderator's notification says: a report, not just the case's name, as its post in the channel reads.
    summary: tx(lang, 'cases.mod.reported', { number }),
  };
}
