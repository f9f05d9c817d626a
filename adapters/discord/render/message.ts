// Message model → Discord messages: content within 2000 characters (split visibly), embeds for personas, fields and images, buttons as action rows.
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField, APIComponentInActionRow } from 'discord.js';
import { styleRuns, type Block, type Button, type Message, type Rich, type Span } from '../../../src/core/message.js';
import { escapeUntrusted, NO_MENTIONS } from './escape.js';
import { splitText } from '../../../src/core/split.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';
import { respellCommands } from '../commands/spelling.js';

export interface DiscordFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/** One Discord message body (JSON), plus files to send as multipart. */
export interface DiscordPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInActionRow>[];
  allowed_mentions: typeof NO_MENTIONS;
  attachments?: { id: number; filename: string }[];
  files?: DiscordFile[];
}

/** Inline rich text as Discord markdown; member-written spans are neutralized. */
export function richToMarkdown(text: Rich): string {
  // A catalogue may wrap a {param} in backticks ("`{example}`"): the param then sits between two plain spans that
  // each carry one backtick. Inside inline code Discord shows backslash escapes literally (a copied example would
  // fail), and renders neither markdown nor mentions, so there the text only loses its own backticks.
  let inCode = false;
  const body = (s: Span): string => {
    if (s.mention) return `<@${s.mention.replace(/\D/g, '')}>`;
    if (s.channel && /^\d{15,22}$/.test(s.channel)) return `<#${s.channel}>`;
    // In a masked link's label a member's link is escaped whole: a "]" in it would end the label early.
    const linked = Boolean(s.link && /^https?:\/\//.test(s.link));
    let t = s.untrusted ? (s.style === 'code' || inCode ? s.text.replace(/`/g, "'") : escapeUntrusted(s.text, { keepLinks: !linked })) : s.text;
    if (!s.untrusted && !s.style && (s.text.match(/`/g)?.length ?? 0) % 2 === 1) inCode = !inCode;
    if (linked) t = `[${t}](${s.link})`;
    return t;
  };
  // Spans of one style in a row are marked once: "**#7**", not "**#****7**".
  return styleRuns(text)
    .map((run) => {
      const t = run.spans.map(body).join('');
      if (run.style === 'bold') return `**${t}**`;
      if (run.style === 'italic') return `_${t}_`;
      if (run.style === 'code') return `\`${t}\``;
      return t;
    })
    .join('');
}

function blockToMarkdown(b: Block): string | undefined {
  switch (b.type) {
    case 'text':
      return richToMarkdown(b.text);
    case 'heading':
      return `**${b.text}**`;
    case 'list':
      return b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '•'} ${richToMarkdown(i)}`).join('\n');
    case 'note':
      return richToMarkdown(b.text)
        .split('\n')
        .map((l) => `-# ${l}`)
        .join('\n');
    case 'quote':
      return richToMarkdown(b.text)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'divider':
      return '───';
    default:
      return undefined; // fields, actions and images become embeds and components
  }
}

/**
 * What a button's custom_id says besides its action: `ask`, that pressing it asks first (the words come from the
 * action's declaration, see interactions/confirm.ts); `confirmed`, that it is the confirm of such a question (the id
 * of the message the first press was on; '' when unknown). Discord buttons have no confirmation step of their own.
 */
export type Mark = { ask: true } | { confirmed: string };

/** A button as this adapter renders it: a core button, or one of the adapter's own whose custom_id carries a mark. */
export type DiscordButton = Button & { mark?: Mark };

/**
 * custom_id for a core button: `${action}|${value}`; over Discord's 100 characters is a bug in the caller.
 * With `team`, `@${team}/` goes first: a click in a DM carries no server, and the button must say whose it is.
 * A mark goes between them, `?/` or `!${message id}/`. What cannot be dropped comes first: the mark itself (a button
 * that asks first must never act on the press), then the server, then the confirm's message id.
 */
export function buttonCustomId(action: string, value?: string, team?: string, mark?: Mark): string {
  const id = `${action}|${value ?? ''}`;
  if (id.length > L.customId) throw new Error(`button custom_id over ${L.customId} characters: ${action}`);
  const marks = !mark ? [''] : 'ask' in mark ? ['?/'] : [`!${mark.confirmed}/`, '!/'];
  // Only a real server id: never the 'dm' placeholder of a click whose server could not be told.
  const teams = team && /^\d+$/.test(team) ? [`@${team}/`, ''] : [''];
  for (const t of teams) for (const m of marks) if (t.length + m.length + id.length <= L.customId) return `${t}${m}${id}`;
  throw new Error(`button custom_id over ${L.customId} characters with its confirmation mark: ${action}`);
}

export function parseCustomId(id: string): { action: string; value?: string; team?: string; ask?: boolean; confirmed?: string } {
  const m = /^@(\d+)\//.exec(id);
  let rest = m ? id.slice(m[0].length) : id;
  const out: { team?: string; ask?: boolean; confirmed?: string } = m ? { team: m[1]! } : {};
  // `?key/` on buttons rendered before the words were declared by the action: the key is no longer needed.
  const mark = /^([?!])([^/|]*)\//.exec(rest);
  if (mark) {
    if (mark[1] === '?') out.ask = true;
    else out.confirmed = mark[2]!;
    rest = rest.slice(mark[0].length);
  }
  const bar = rest.indexOf('|');
  if (bar < 0) return { action: rest, ...out };
  const value = rest.slice(bar + 1);
  return { action: rest.slice(0, bar), value: value === '' ? undefined : value, ...out };
}


export function renderButtons(buttons: DiscordButton[], team?: string): APIActionRowComponent<APIComponentInActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInActionRow>[] = [];
  for (let i = 0; i < buttons.length && rows.length < L.actionRows; i += L.buttonsPerRow) {
    rows.push({
      type: 1,
      components: buttons.slice(i, i + L.buttonsPerRow).map(
        (b): APIButtonComponentWithCustomId => ({
          type: 2,
          style: b.style === 'primary' ? 1 : b.style === 'danger' ? 4 : 2,
          label: truncate(b.label, L.buttonLabel),
          custom_id: buttonCustomId(b.action, b.value, team, b.mark ?? (b.confirm ? { ask: true } : undefined)),
        }),
      ),
    });
  }
  return rows;
}

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.author?.name.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Keep the sum of embed texts within 6000 by shortening descriptions, then dropping trailing fields (visibly). */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const total = () => embeds.reduce((n, e) => n + embedSize(e), 0);
  for (const e of embeds) {
    const over = total() - L.embedTotal;
    if (over <= 0) break;
    if (e.description) e.description = truncate(e.description, Math.max(1, e.description.length - over));
  }
  for (const e of embeds) {
    while (total() > L.embedTotal && e.fields && e.fields.length > 1) {
      e.fields.pop();
      e.fields[e.fields.length - 1]!.value = truncate(`${e.fields[e.fields.length - 1]!.value}\n…`, L.fieldValue);
    }
  }
  return embeds.slice(0, L.embedsPerMessage);
}

/** Fields as embed fields: at most 25 (the last one says more were cut), names 256, values 1024. */
export function fieldsEmbed(fields: { label: string; value: Rich }[]): APIEmbed {
  let out: APIEmbedField[] = fields.map((f) => ({ name: truncate(f.label || '\u200b', L.fieldName), value: truncate(richToMarkdown(f.value) || '\u200b', L.fieldValue) }));
  if (out.length > L.embedFields) {
    const hidden = out.length - (L.embedFields - 1);
    out = [...out.slice(0, L.embedFields - 1), { name: '…', value: `+${hidden}` }];
  }
  return { fields: out };
}

/**
 * Render one core message as one or more Discord messages. Content over 2000 characters is split at
 * line breaks into numbered parts "(1/2)"; embeds, buttons and files ride on the last part.
 */
export interface RenderOptions {
  /** Marks the buttons with their server, for messages that land outside it (DMs). */
  team?: string;
  /** Respells a code span that names a command (our words use Slack's spelling; Discord's can differ). */
  spell?: (code: string) => string;
}

export function renderMessage(m: Message, o: RenderOptions = {}): DiscordPayload[] {
  const lines: string[] = [];
  const embeds: APIEmbed[] = [];
  const buttons: DiscordButton[] = [];
  const files: DiscordFile[] = [];
  for (const b of m.blocks) {
    const md = blockToMarkdown(b);
    if (md !== undefined) lines.push(md);
    else if (b.type === 'fields') embeds.push(fieldsEmbed(b.fields));
    else if (b.type === 'actions') buttons.push(...b.buttons);
    else if (b.type === 'image') {
      const name = files.length ? `chart-${files.length + 1}.png` : 'chart.png';
      files.push({ name, data: Buffer.from(b.png, 'base64'), contentType: 'image/png' });
      embeds.push({ image: { url: `attachment://${name}` }, ...(b.alt ? { footer: { text: truncate(b.alt, 2048) } } : {}) });
    }
  }
  const body = o.spell && !m.persona ? respellCommands(lines.join('\n'), o.spell) : lines.join('\n');
  let chunks: string[];
  if (m.persona) {
    // An anonymous post: the pseudonym is the embed's author, the text its description.
    embeds.unshift({ author: { name: truncate(m.persona, L.embedAuthorName) }, description: truncate(body, L.embedDescription) || undefined });
    chunks = [];
  } else {
    chunks = splitContent(body);
  }
  const components = renderButtons(buttons, o.team);
  const tail: Omit<DiscordPayload, 'allowed_mentions'> = {
    ...(embeds.length ? { embeds: fitEmbeds(embeds) } : {}),
    ...(components.length ? { components } : {}),
    ...(files.length ? { files, attachments: files.map((f, id) => ({ id, filename: f.name })) } : {}),
  };
  if (!chunks.length) return [{ allowed_mentions: NO_MENTIONS, ...tail }];
  return chunks.map((content, i) => ({ content, allowed_mentions: NO_MENTIONS, ...(i === chunks.length - 1 ? tail : {}) }));
}

/** A line with nothing to read: empty, or only a quote or note mark ("> ", "-# "). */
const BLANK_LINE = /^[ \t]*(?:>|-#)?[ \t]*$/;

/**
 * Split content visibly: each part ends with "(n/N)" when there is more than one, on its last line with words —
 * a part cut after an empty quote line would otherwise show the marker alone on it (">  (1/2)"). Blank lines at a
 * part's edges only spaced it from the other part, so they go.
 */
export function splitContent(body: string): string[] {
  if (body.length <= L.content) return body ? [body] : [];
  const room = L.content - ' (99/99)'.length;
  const parts = splitText(body, room).map((p) => {
    const lines = p.split('\n');
    while (lines.length > 1 && BLANK_LINE.test(lines[lines.length - 1]!)) lines.pop();
    while (lines.length > 1 && BLANK_LINE.test(lines[0]!)) lines.shift();
    return lines.join('\n').trimEnd();
  });
  return parts.map((p, i) => `${p} (${i + 1}/${parts.length})`);
}

/** The "(n/N)" a split part ends with. */
const PART_MARKER = / \(\d+\/\d+\)$/;

/**
 * At most `n` messages (editing a split message in place, its parts' ids fixed): parts past the n-th join the last
 * one, shortened with a visible "…"; markers count to n. Embeds, buttons and files stay on the last part.
 */
export function renderWithin(m: Message, n: number, o: RenderOptions = {}): DiscordPayload[] {
  const parts = renderMessage(m, o);
  if (parts.length <= Math.max(1, n)) return parts;
  const last = parts[parts.length - 1]!;
  const texts = parts.map((p) => (p.content ?? '').replace(PART_MARKER, ''));
  if (n <= 1) return [{ ...last, content: truncate(texts.join('\n'), L.content) }];
  const room = L.content - ` (${n}/${n})`.length;
  const kept = [...texts.slice(0, n - 1), truncate(texts.slice(n - 1).join('\n'), room)];
  return kept.map((text, i) => (i === n - 1 ? { ...last, content: `${text} (${n}/${n})` } : { content: `${text} (${i + 1}/${n})`, allowed_mentions: NO_MENTIONS }));
}

/** One message only (editing in place): content over 2000 characters is shortened with a visible "…". */
export function renderSingle(m: Message, o: RenderOptions = {}): DiscordPayload {
  return renderWithin(m, 1, o)[0]!;
}
