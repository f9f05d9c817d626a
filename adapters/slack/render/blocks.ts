// The message model to Block Kit: sections, headers, context, dividers, buttons — within Slack's limits.
import type { Block as CoreBlock, Button, ButtonConfirm, Message, Rich } from '../../../src/core/message.js';
import { messageToPlain, richToPlain } from '../../../src/core/message.js';
import { neutralize, plainSafe } from './escape.js';
import { ELLIPSIS, SLACK_LIMITS as L, truncate } from './limits.js';
import { richToMrkdwn, SLACK_CHANNEL } from './mrkdwn.js';
import { splitRich } from './split.js';

// Block Kit is a large, loosely typed JSON vocabulary; the adapter builds it as plain objects.
export type KitBlock = Record<string, unknown>;

export interface RenderedMessage {
  blocks: KitBlock[];
  /** Top-level `text`: the notification and screen-reader fallback; neutralized like member text. */
  text: string;
  /** PNG images the message carried: Block Kit needs a public URL, so the port uploads them as files. */
  images: { name: string; bytes: Uint8Array; alt: string }[];
}

/** Separator between a button's action and the suffix that keeps action_ids unique in one message. */
export const ACTION_SUFFIX = '#';

/** The action a button names, without the uniqueness suffix. */
export function actionOf(actionId: string): string {
  return actionId.replace(/#\d+$/, '');
}

const plainText = (text: string, max: number) => ({ type: 'plain_text', text: truncate(plainSafe(text), max), emoji: true });

/** Rich text as sections of at most 3000 characters, cut in its spans so that every piece keeps its marks whole. */
const sections = (rich: Rich, render: (rich: Rich) => string = richToMrkdwn): KitBlock[] =>
  splitRich(rich, L.sectionText, render)
    .filter((t) => t.trim() !== '')
    .map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));

/** Every line of a quote piece gets its ">" (ours, trusted), a piece cut inside a line too. */
const quoteLines = (rich: Rich): string =>
  richToMrkdwn(rich)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');

/** A list as one rich text: each item on its line after its number or bullet. */
const listRich = (items: Rich[], ordered?: boolean): Rich =>
  items.flatMap((item, i) => [...(i ? [{ text: '\n' }] : []), { text: `${ordered ? `${i + 1}.` : '•'} ` }, ...item]);

export function renderButton(b: Button, actionId: string): KitBlock {
  if (actionId.length > L.actionId) throw new Error(`button action id is ${actionId.length} characters; Slack allows ${L.actionId}`);
  if ((b.value ?? '').length > L.buttonValue) throw new Error(`button value is ${b.value!.length} characters; Slack allows ${L.buttonValue}`);
  return {
    type: 'button',
    action_id: actionId,
    text: plainText(b.label, L.buttonText),
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.style ? { style: b.style } : {}),
    ...(b.confirm ? { confirm: renderConfirm(b.confirm, b.style) } : {}),
  };
}

/** Slack's own confirmation dialog, all plain text; a danger button's "confirm" is red there too. */
function renderConfirm(c: ButtonConfirm, style: Button['style']): KitBlock {
  return {
    title: plainText(c.title, L.confirmTitle),
    text: plainText(c.text, L.confirmText),
    confirm: plainText(c.confirm, L.confirmButton),
    deny: plainText(c.deny, L.confirmButton),
    ...(style === 'danger' ? { style: 'danger' } : {}),
  };
}

function renderBlock(b: CoreBlock, seen: Map<string, number>, images: RenderedMessage['images']): KitBlock[] {
  switch (b.type) {
    case 'text':
      return sections(b.text);
    // Slack refuses an empty text object: an empty heading or note shows nothing either way, so it is left out.
    case 'heading':
      return b.text.trim() ? [{ type: 'header', text: plainText(b.text, L.header) }] : [];
    case 'list':
      return sections(listRich(b.items, b.ordered));
    case 'quote':
      // The ">" marks are ours (trusted); the quoted text itself is neutralized span by span.
      return sections(b.text, quoteLines);
    case 'note': {
      const text = truncate(richToMrkdwn(b.text), L.contextText);
      return text.trim() ? [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] : [];
    }
    case 'fields': {
      const out: KitBlock[] = [];
      for (let i = 0; i < b.fields.length; i += L.sectionFields) {
        const fields = b.fields.slice(i, i + L.sectionFields).map((f) => ({
          type: 'mrkdwn',
          text: truncate(`*${neutralize(f.label)}*\n${richToMrkdwn(f.value)}`, L.fieldText),
        }));
        out.push({ type: 'section', fields });
      }
      return out;
    }
    case 'actions': {
      const out: KitBlock[] = [];
      for (let i = 0; i < b.buttons.length; i += L.actionsElements) {
        const elements = b.buttons.slice(i, i + L.actionsElements).map((btn) => {
          const n = seen.get(btn.action) ?? 0;
          seen.set(btn.action, n + 1);
          return renderButton(btn, n === 0 ? btn.action : `${btn.action}${ACTION_SUFFIX}${n}`);
        });
        out.push({ type: 'actions', elements });
      }
      return out;
    }
    case 'image':
      // An image block needs a public URL; the PNG goes up as a file instead and the alt text stays here.
      images.push({ name: `${images.length + 1}.png`, bytes: Buffer.from(b.png, 'base64'), alt: b.alt });
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `🖼 ${truncate(neutralize(b.alt), L.contextText - 3)}` }] }];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** The characters of every `text` string in a block, as Slack's total for a message counts them (L.messageText). */
export function textLength(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + textLength(x), 0);
  if (typeof v !== 'object' || v === null) return 0;
  return Object.entries(v).reduce((n, [k, x]) => n + (k === 'text' && typeof x === 'string' ? x.length : textLength(x)), 0);
}

/**
 * Action blocks at the end of `blocks` (RSVP, Publish): what a cut keeps and a split puts under its last part. None
 * when they would take more than half of `max` blocks: then they are read like any other block.
 */
export function buttonsAtEnd(blocks: KitBlock[], max: number): number {
  let buttons = 0;
  while (buttons < blocks.length && blocks[blocks.length - 1 - buttons]!.type === 'actions') buttons++;
  return buttons > max / 2 ? 0 : buttons;
}

/**
 * More blocks than `max`, or more text together than `maxText`, cut to fit with a visible "…" where the cut is. The
 * buttons at the end (RSVP, Publish) are what the message is for, so the cut comes before them: a long agenda loses its
 * last topics, never its buttons. Whole blocks go: a section cut inside could leave a mark or a quote half open.
 */
export function fitBlocks(blocks: KitBlock[], max: number, maxText: number): KitBlock[] {
  const sizes = blocks.map(textLength);
  if (blocks.length <= max && sizes.reduce((a, b) => a + b, 0) <= maxText) return blocks;
  const buttons = buttonsAtEnd(blocks, max);
  const tail = blocks.length - buttons;
  // What the head may hold: the blocks and text left beside the buttons and the "…".
  let room = maxText - ELLIPSIS.length - sizes.slice(tail).reduce((a, b) => a + b, 0);
  let head = 0;
  while (head < Math.min(tail, max - 1 - buttons) && sizes[head]! <= room) room -= sizes[head++]!;
  const ellipsis = { type: 'context', elements: [{ type: 'mrkdwn', text: ELLIPSIS }] };
  return [...blocks.slice(0, head), ellipsis, ...blocks.slice(tail)];
}

/** Every block of a message in Block Kit, each with the index of the message's block it came from (-1: the persona). */
export interface LaidOut {
  blocks: KitBlock[];
  from: number[];
  images: RenderedMessage['images'];
}

export function layOut(m: Message): LaidOut {
  const seen = new Map<string, number>();
  const out: LaidOut = { blocks: [], from: [], images: [] };
  if (m.persona) {
    out.blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `*${neutralize(m.persona)}*` }] });
    out.from.push(-1);
  }
  m.blocks.forEach((b, i) => {
    for (const k of renderBlock(b, seen, out.images)) {
      out.blocks.push(k);
      out.from.push(i);
    }
  });
  return out;
}

/** The notification text, before its cut to L.fallbackText: plain, but a channel is Slack's own link (<#C…>), never its id as text. */
export function notificationText(m: Message): string {
  return neutralize(m.summary ?? messageToPlain(m, (s) => (s.channel && SLACK_CHANNEL.test(s.channel) ? `\u0000${s.channel}\u0000` : s.text))).replace(/\u0000([^\u0000]+)\u0000/g, (_m, id: string) => `<#${id.replace(/\u200b/g, '')}>`);
}

/**
 * Render a message as one Slack message; more blocks than `maxBlocks` or more text than `maxText` are cut visibly (see
 * fitBlocks). For what must stay one message (an ephemeral changed through its response_url, the Home tab, which passes
 * its own limits: the text total is a limit Slack was seen to apply to messages); posts are split instead (parts.ts).
 */
export function renderMessage(m: Message, maxBlocks: number = L.blocks, maxText: number = L.messageText): RenderedMessage {
  return asOneMessage(m, layOut(m), maxBlocks, maxText);
}

/** renderMessage of a message already laid out. */
export function asOneMessage(m: Message, laid: LaidOut, maxBlocks: number, maxText: number): RenderedMessage {
  return { blocks: fitBlocks(laid.blocks, maxBlocks, maxText), text: truncate(notificationText(m), L.fallbackText) || ELLIPSIS, images: laid.images };
}

/** Plain one-liner of rich text for plain_text places (labels, option texts). */
export const richPlain = richToPlain;
