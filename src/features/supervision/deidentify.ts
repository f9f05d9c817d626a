// Topics the group will read, de-identified as case posts are: PESEL/NIP, phones and e-mails masked before the text
// is stored (or sealed), and whatever else looks identifying named back to the author, privately, with the way out.
import { textBlock, type Block } from '../../core/message.js';
import { hasKey, t, tx, type Lang } from '../../i18n/index.js';
import { findIdentifiers, maskMandatory, MASKS, type Finding, type FindingKind } from '../cases/deidentify/index.js';
import { andList } from './words.js';

/** A topic as the group will see it, and what its author should hear about it. */
export interface TopicCheck {
  text: string;
  /** Kinds that were replaced by their mask, in the order they first appear. */
  masked: FindingKind[];
  /** What may still identify a client in the masked text (names, addresses, dates…): left as written, for the author to judge. */
  findings: Finding[];
}

/**
 * A kind in words. The detectors gain kinds over time: one without words of its own here yet is
 * still named, generally, rather than failing the member's answer.
 */
function kindWords(lang: Lang, kind: FindingKind): string {
  const key = `supervision.deid.kind.${kind}`;
  return tx(lang, hasKey(key) ? key : 'supervision.deid.kind.other');
}

/** How many findings one answer names: enough to show what was meant, short enough to read. */
const SHOWN = 6;

/** Mask the mandatory identifiers and look at what is left. Private notes never come here: nobody else reads them. */
export function checkTopic(text: string): TopicCheck {
  const out = maskMandatory(text);
  const count = (s: string, mark: string) => s.split(mark).length - 1;
  // In the order the member wrote them; a kind counts as masked when its mark appears more often than they wrote it.
  const kinds = [...new Set(findIdentifiers(text).map((f) => f.kind))];
  const masked = kinds.filter((k) => MASKS[k] !== undefined && count(out, MASKS[k]!) > count(text, MASKS[k]!));
  const seen = new Set<string>();
  const findings = findIdentifiers(out).filter((f) => !f.mandatoryMask && !seen.has(`${f.kind}:${f.text}`) && seen.add(`${f.kind}:${f.text}`));
  return { text: out, masked, findings };
}

/**
 * The author's private note about their topic: what was masked, what else may identify the client and how to take
 * the topic back (`number`, the team's topic number, when it is stored already; an anonymous topic from a check gets
 * its number later).
 */
export function topicCheckBlocks(lang: Lang, check: TopicCheck, number?: number): Block[] {
  const masked = maskedBlock(lang, check);
  const blocks: Block[] = masked ? [masked] : [];
  if (check.findings.length) {
    const found = foundList(lang, check);
    blocks.push(textBlock(number === undefined ? t(lang, 'supervision.deid.considerLater', { found }) : t(lang, 'supervision.deid.consider', { found, id: number })));
  }
  return blocks;
}

/** What was masked, as one line for the author; undefined when nothing was. */
export function maskedBlock(lang: Lang, check: TopicCheck): Block | undefined {
  if (!check.masked.length) return undefined;
  const kinds = check.masked.map((k) => tx(lang, 'supervision.deid.replaced', { kind: kindWords(lang, k), mask: MASKS[k] }));
  return textBlock(t(lang, 'supervision.deid.masked', { kinds: andList(lang, kinds) }));
}

/** "“Anna Kowalska” (looks like a name) and “12.03.1984” (an exact date)": the findings in words, the first few. */
export function foundList(lang: Lang, check: TopicCheck): string {
  const found = check.findings.slice(0, SHOWN).map((f) => tx(lang, 'supervision.deid.found', { text: f.text, kind: kindWords(lang, f.kind) }));
  if (check.findings.length > SHOWN) found.push('…');
  return andList(lang, found);
}
