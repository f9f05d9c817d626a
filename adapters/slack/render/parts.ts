// A message too long for one Slack message (50 blocks, the text total) as several, in order: each part marked "(n/N)"
// as Discord marks its parts, the buttons and images with the last. A message that fits stays one, unmarked.
import type { Message } from '../../../src/core/message.js';
import { asOneMessage, buttonsAtEnd, fitBlocks, layOut, notificationText, textLength, type KitBlock, type LaidOut, type RenderedMessage } from './blocks.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';

/** What a part's mark takes of the part's budget: one block, and at most this many characters. */
const MARK_ROOM = '(99/99)'.length;

const context = (text: string): KitBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/**
 * A part the new text of an edited message no longer needs (see SlackPort.update: its parts are kept). Slack refuses a
 * message without text, and an edit without blocks would leave the old ones on screen (a withdrawn case's end).
 */
export const BLANK_PART: RenderedMessage = { blocks: [context('—')], text: '—', images: [] };

/** Where a long message's blocks go: `groups` of block indices, one per part, and the buttons (`tail`) under the last. */
interface Split {
  groups: number[][];
  tail: number[];
}

/** Consecutive groups, each within one message's budget beside its mark; undefined when everything fits in one. */
function split(laid: LaidOut, maxBlocks: number, maxText: number): Split | undefined {
  const sizes = laid.blocks.map(textLength);
  const size = (g: number[]) => g.reduce((n, i) => n + sizes[i]!, 0);
  if (laid.blocks.length <= maxBlocks && sizes.reduce((a, b) => a + b, 0) <= maxText) return undefined;
  const room = { blocks: maxBlocks - 1, text: maxText - MARK_ROOM };
  const end = laid.blocks.length - buttonsAtEnd(laid.blocks, room.blocks);
  const tail = Array.from({ length: laid.blocks.length - end }, (_, i) => end + i);
  const groups: number[][] = [[]];
  let used = 0;
  for (let i = 0; i < end; i++) {
    const g = groups.at(-1)!;
    if (g.length && (g.length >= room.blocks || used + sizes[i]! > room.text)) {
      groups.push([i]);
      used = sizes[i]!;
    } else {
      g.push(i);
      used += sizes[i]!;
    }
  }
  // The buttons go under the last part. Where they do not fit beside it, they go into one more with the block before
  // them, so that they do not stand without words (unless even that one block leaves them no room).
  const last = groups.at(-1)!;
  if (last.length + tail.length > room.blocks || size(last) + size(tail) > room.text) {
    const withBlock = last.length > 1 && size([last.at(-1)!, ...tail]) <= room.text;
    groups.push(withBlock ? [last.pop()!] : []);
  }
  // A divider where the message was split only spaced what is now in another part.
  const divider = (i: number | undefined) => i !== undefined && laid.blocks[i]!.type === 'divider';
  groups.forEach((g, k) => {
    while (k > 0 && g.length > 1 && divider(g[0])) g.shift();
    while (k < groups.length - 1 && g.length > 1 && divider(g.at(-1))) g.pop();
  });
  return { groups, tail };
}

/** The parts as Slack messages: each with its mark (before the buttons on the last) and its own notification text. */
function assemble(m: Message, laid: LaidOut, groups: number[][], tail: number[], maxBlocks: number, maxText: number): RenderedMessage[] {
  return groups.map((g, k) => {
    const last = k === groups.length - 1;
    const own = last ? [...g, ...tail] : g;
    const mark = `(${k + 1}/${groups.length})`;
    // Within its budget already, except a last part that renderWithin joined, or one block past a message's budget
    // on its own: those are cut visibly, never refused by Slack.
    const blocks = fitBlocks(own.map((i) => laid.blocks[i]!), maxBlocks - 1, maxText - MARK_ROOM);
    const at = blocks.length - (last ? tail.length : 0);
    // A notification says what this part holds (or the message's summary, which holds nothing a member wrote).
    const from = new Set(own.map((i) => laid.from[i]!));
    const words = notificationText(m.summary !== undefined ? m : { ...(from.has(-1) && m.persona ? { persona: m.persona } : {}), blocks: m.blocks.filter((_, i) => from.has(i)) });
    return {
      blocks: [...blocks.slice(0, at), context(mark), ...blocks.slice(at)],
      text: `${truncate(words, L.fallbackText - mark.length - 1)} ${mark}`.trimStart(),
      images: last ? laid.images : [],
    };
  });
}

/**
 * At most `n` messages, for a message whose parts are already posted and are edited in place: parts past the n-th join
 * the last, shortened with a visible "…", and the marks count to n. With `n` 1 it is renderMessage: one message, cut.
 */
export function renderWithin(m: Message, n: number, maxBlocks: number = L.blocks, maxText: number = L.messageText): RenderedMessage[] {
  const laid = layOut(m);
  const s = split(laid, maxBlocks, maxText);
  // One group: a single block past a message's budget, which no split can help (renderMessage cuts it visibly).
  if (!s || s.groups.length === 1 || n <= 1) return [asOneMessage(m, laid, maxBlocks, maxText)];
  const groups = s.groups.length <= n ? s.groups : [...s.groups.slice(0, n - 1), s.groups.slice(n - 1).flat()];
  return assemble(m, laid, groups, s.tail, maxBlocks, maxText);
}

/** Every part of a message, to be posted in order into the same place. */
export function renderParts(m: Message): RenderedMessage[] {
  return renderWithin(m, Infinity);
}
