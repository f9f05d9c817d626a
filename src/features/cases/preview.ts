// The private de-identification preview: the author's text with every finding in bold, and what will happen to each.
import { message, noteBlock, textBlock, type Block, type Button, type Message, type Rich } from '../../core/message.js';
import { t, tx, type Lang, type MessageKey } from '../../i18n/index.js';
import { findIdentifiers, MASKS, type Finding } from './deidentify/index.js';
import type { CaseText } from './store.js';

const FIELDS = ['title', 'body', 'question'] as const;

/**
 * The text as the group will see it, as untrusted spans, findings in bold: the author sees exactly where each
 * one is, and what is always masked (a PESEL, a phone number) already as its mask.
 */
export function highlight(text: string, findings: Finding[]): Rich {
  const out: Rich = [];
  let at = 0;
  for (const f of findings) {
    if (f.start > at) out.push({ text: text.slice(at, f.start), untrusted: true });
    out.push({ text: (f.mandatoryMask && MASKS[f.kind]) || f.text, style: 'bold', untrusted: true });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), untrusted: true });
  return out;
}

/** Findings of one kind and text, once each (the first occurrence), in the order they were found. */
export function distinct(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}\u0000${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function findingLine(lang: Lang, f: Finding): Rich {
  const kind = tx(lang, `cases.kind.${f.kind}`);
  const mask = f.mandatoryMask ? MASKS[f.kind] : undefined;
  return mask ? t(lang, 'cases.preview.masked', { kind, text: f.text, mask }) : t(lang, 'cases.preview.consider', { kind, text: f.text });
}

export function previewMessage(lang: Lang, text: CaseText, token: string, membersUnknown: boolean): Message {
  const found = FIELDS.map((k) => ({ k, text: text[k], findings: findIdentifiers(text[k]) }));
  // Each finding once in the list, however often it occurs: the bold in the text already shows every place.
  const all = distinct(found.flatMap((x) => x.findings));
  const label: Record<(typeof FIELDS)[number], string> = {
    title: tx(lang, 'cases.form.caseTitle'),
    body: tx(lang, 'cases.post.difficulty'),
    question: tx(lang, 'cases.post.question'),
  };
  const blocks: Block[] = [textBlock(t(lang, 'cases.preview.title'))];
  for (const x of found) {
    blocks.push(textBlock([{ text: label[x.k], style: 'bold' }]));
    blocks.push({ type: 'quote', text: highlight(x.text, x.findings) });
  }
  if (text.tags.length) blocks.push(noteBlock(`${tx(lang, 'cases.post.tags')}: ${text.tags.map((g) => tx(lang, `cases.tag.${g}` as never)).join(', ')}`));
  blocks.push({ type: 'divider' });
  if (all.length) {
    blocks.push(textBlock(t(lang, 'cases.preview.found', { count: all.length })));
    blocks.push({ type: 'list', items: all.map((f) => findingLine(lang, f)) });
  } else {
    blocks.push(textBlock(t(lang, 'cases.preview.clean')));
  }
  if (membersUnknown) blocks.push(noteBlock(t(lang, 'cases.preview.membersUnknown')));
  // With findings, the highlighted button is the one that fixes them; Publish stays one press away, not the default.
  const primary = all.length ? 'case.edit' : 'case.publish';
  const button = (action: string, label: MessageKey): Button => ({ action, value: token, label: tx(lang, label), ...(action === primary ? { style: 'primary' as const } : {}) });
  blocks.push({
    type: 'actions',
    buttons: [button('case.edit', 'cases.preview.edit'), button('case.publish', 'cases.preview.publish'), button('case.cancel', 'cases.preview.cancel')],
  });
  return { ...message(...blocks), summary: tx(lang, 'cases.form.title') };
}
