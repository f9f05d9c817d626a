// The platform-neutral message model: what the core says, before any adapter renders it natively.

/**
 * A run of text. `untrusted` marks text that came from a member (a case, a reply, a topic): adapters
 * must neutralize mentions and markup in it, so re-posted text can never ping anyone.
 */
export interface Span {
  text: string;
  style?: 'bold' | 'italic' | 'code';
  untrusted?: boolean;
  /** A deliberate mention of a member, rendered as the platform's mention but never as a ping. */
  mention?: string;
  /** A channel of the team by platform id, rendered as the platform's channel link ("#name"). */
  channel?: string;
  /** A link target; the span text is the label. */
  link?: string;
}

export type Rich = Span[];

/** A button; `action` names the handler, `value` is its small payload (ids, never personal text). */
export interface Button {
  action: string;
  value?: string;
  label: string;
  style?: 'primary' | 'danger';
  /**
   * Ask before acting, for a step that cannot be undone: the member sees the title and text and chooses between the
   * `confirm` and `deny` words (all from the catalogue; plain text, Slack shows at most 100, 300, 30 and 30
   * characters). Each adapter asks in its own way: Slack's confirm dialog, a question under the message in the
   * playground, a private question of its own on Discord (adapters/discord/interactions/confirm.ts).
   */
  confirm?: ButtonConfirm;
}

export interface ButtonConfirm {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export type Block =
  | { type: 'text'; text: Rich }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: Rich[]; ordered?: boolean }
  | { type: 'note'; text: Rich }
  | { type: 'quote'; text: Rich }
  | { type: 'fields'; fields: { label: string; value: Rich }[] }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'image'; png: string /* base64 */; alt: string }
  | { type: 'divider' };

export interface Message {
  blocks: Block[];
  /** Plain one-line summary for notifications and fallbacks; no personal text in it. */
  summary?: string;
  /** Who this message shows as, for anonymous posts ("Colleague A"); adapters may render as a heading. */
  persona?: string;
}

export interface File {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** A channel reference: a clickable #channel where the platform has one. */
export const channelRef = (id: string): Span => ({ text: `#${id}`, channel: id });

/** Plain (trusted) text span. */
export const plain = (text: string): Span => ({ text });
/** Member-written text: mentions and markup will be neutralized by the adapter. */
export const untrusted = (text: string): Span => ({ text, untrusted: true });

export const textBlock = (text: Rich | string): Block => ({ type: 'text', text: typeof text === 'string' ? [plain(text)] : text });
export const noteBlock = (text: Rich | string): Block => ({ type: 'note', text: typeof text === 'string' ? [plain(text)] : text });
export const quoteBlock = (text: string): Block => ({ type: 'quote', text: [untrusted(text)] });

export function message(...blocks: (Block | false | null | undefined)[]): Message {
  return { blocks: blocks.filter((b): b is Block => Boolean(b)) };
}

/**
 * Consecutive spans of one style, so that a renderer opens and closes a style once: a catalogue's "*#{id}*" is
 * two bold spans (the trusted "#", the untrusted id), and "*#**7*" is not bold anywhere.
 */
export function styleRuns(rich: Rich): { style?: Span['style']; spans: Span[] }[] {
  const runs: { style?: Span['style']; spans: Span[] }[] = [];
  for (const s of rich) {
    const last = runs.at(-1);
    if (last && last.style === s.style) last.spans.push(s);
    else runs.push({ style: s.style, spans: [s] });
  }
  return runs;
}

/**
 * Flatten a rich text to plain characters (for summaries, tests and length checks). `spanText` lets a platform write
 * some spans its own way (a channel as its link) in otherwise plain text.
 */
export function richToPlain(text: Rich, spanText: (s: Span) => string = (s) => s.text): string {
  return text.map(spanText).join('');
}

/** Plain text of a whole message: what a reader would see, without markup. */
export function messageToPlain(m: Message, spanText?: (s: Span) => string): string {
  const out: string[] = [];
  if (m.persona) out.push(m.persona);
  for (const b of m.blocks) {
    switch (b.type) {
      case 'text':
      case 'note':
      case 'quote':
        out.push(richToPlain(b.text, spanText));
        break;
      case 'heading':
        out.push(b.text);
        break;
      case 'list':
        b.items.forEach((i, n) => out.push(`${b.ordered ? `${n + 1}.` : '•'} ${richToPlain(i, spanText)}`));
        break;
      case 'fields':
        for (const f of b.fields) out.push(`${f.label}: ${richToPlain(f.value, spanText)}`);
        break;
      case 'actions':
        out.push(b.buttons.map((x) => `[${x.label}]`).join(' '));
        break;
      case 'image':
        out.push(`[${b.alt}]`);
        break;
      case 'divider':
        out.push('---');
        break;
    }
  }
  return out.join('\n');
}
