// Renders the core's message and form model as HTML for the playground; every text is escaped here, on the server.
import { DateTime } from 'luxon';
import { labelNamesPoint, type Field } from '../../src/core/form.js';
import { messageToPlain, type Block, type Button, type Rich, type Span } from '../../src/core/message.js';
import { tx, type Lang } from '../../src/i18n/index.js';
import type { webMessages } from '../../src/db/schema/index.js';
import { writtenIn } from './lang.js';
import type { OpenForm } from './port.js';
import { CHANNELS, findMember } from './workspace.js';

export type WebRow = typeof webMessages.$inferSelect;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escape text and attribute values: nothing a member wrote can become markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

const SAFE_LINK = /^(https?:|webcal:|mailto:)/i;

/** One span as HTML; `inCode`: it sits inside a <code> its neighbours share, so it does not open its own. */
function span(s: Span, inCode = false): string {
  if (s.mention) {
    // A deliberate mention: shown as @name, never a notification (there is nothing to ping here anyway).
    const name = findMember(s.mention)?.name ?? s.text.replace(/^@/, '');
    return `<span class="mention">@${escapeHtml(name)}</span>`;
  }
  // Member-written text is escaped and marked, and keeps the style its template gave it (a bold name, code).
  let html = s.untrusted ? `<span class="untrusted">${escapeHtml(s.text)}</span>` : escapeHtml(s.text);
  if (s.style === 'bold') html = `<strong>${html}</strong>`;
  else if (s.style === 'italic') html = `<em>${html}</em>`;
  else if (s.style === 'code' && !inCode) html = `<code>${html}</code>`;
  if (s.link && !s.untrusted && SAFE_LINK.test(s.link)) html = `<a href="${escapeHtml(s.link)}" rel="noopener noreferrer" target="_blank">${html}</a>`;
  return html;
}

const inCodeRun = (s: Span | undefined): boolean => s !== undefined && s.style === 'code' && !s.mention && !s.link;

export function renderRich(r: Rich): string {
  const out: string[] = [];
  for (let i = 0; i < r.length; i++) {
    const [a, b, c] = [r[i]!, r[i + 1], r[i + 2]];
    // A catalogue's `{param}` arrives as "…`" + param + "`…": show the param as code, still escaped.
    if (!a.untrusted && a.text.endsWith('`') && b?.untrusted && c && !c.untrusted && c.text.startsWith('`')) {
      out.push(span({ ...a, text: a.text.slice(0, -1) }), `<code>${span(b)}</code>`);
      r = [...r.slice(0, i + 2), { ...c, text: c.text.slice(1) }, ...r.slice(i + 3)];
      i++;
      continue;
    }
    // `/case withdraw {id}` arrives as three code spans (words, param, words): one <code>, so the command reads
    // as one piece to copy, without gaps between the pieces that invite typing "/ case".
    if (inCodeRun(a) && inCodeRun(b)) {
      let j = i;
      const run: string[] = [];
      while (inCodeRun(r[j])) run.push(span(r[j++]!, true));
      out.push(`<code>${run.join('')}</code>`);
      i = j - 1;
      continue;
    }
    out.push(span(a));
  }
  return out.join('');
}

/**
 * A button. One that asks first (`confirm`) is followed by its question, hidden: the page's script shows it when the
 * button is pressed and sends the press only on the confirming answer. In the page itself, not the browser's
 * confirm(), which would stop the page and which automated browsers dismiss unasked.
 */
function actionButton(x: Button, sourceId: number): string {
  const data = `data-action="${escapeHtml(x.action)}" data-value="${escapeHtml(x.value ?? '')}" data-source="${sourceId}"`;
  const style = x.style ? ` ${x.style}` : '';
  if (!x.confirm) return `<button type="button" class="action${style}" ${data}>${escapeHtml(x.label)}</button>`;
  const c = x.confirm;
  return (
    `<button type="button" class="action${style}" ${data} data-confirm aria-expanded="false">${escapeHtml(x.label)}</button>` +
    `<div class="confirm" role="group" aria-label="${escapeHtml(c.title)}" hidden>` +
    `<p><strong>${escapeHtml(c.title)}</strong> ${escapeHtml(c.text)}</p>` +
    `<button type="button" class="confirm-yes${style}" ${data}>${escapeHtml(c.confirm)}</button>` +
    `<button type="button" class="confirm-no" ${data}>${escapeHtml(c.deny)}</button>` +
    `</div>`
  );
}

function block(b: Block, sourceId: number): string {
  switch (b.type) {
    case 'text':
      return `<p>${renderRich(b.text)}</p>`;
    case 'heading':
      return `<h3 class="msg-heading">${escapeHtml(b.text)}</h3>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${renderRich(i)}</li>`).join('')}</${tag}>`;
    }
    case 'note':
      return `<p class="note">${renderRich(b.text)}</p>`;
    case 'quote':
      return `<blockquote>${renderRich(b.text)}</blockquote>`;
    case 'fields':
      return `<dl class="fields">${b.fields.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${renderRich(f.value)}</dd></div>`).join('')}</dl>`;
    case 'actions':
      return `<div class="actions">${b.buttons.map((x) => actionButton(x, sourceId)).join('')}</div>`;
    case 'image':
      return /^[A-Za-z0-9+/=]+$/.test(b.png) ? `<img class="chart" src="data:image/png;base64,${b.png}" alt="${escapeHtml(b.alt)}">` : '';
    case 'divider':
      return '<hr>';
  }
}

export interface RenderOpts {
  lang: Lang;
  zone: string;
  viewer: string;
  /** Replies visible to the viewer, for the thread link; undefined inside the thread view. */
  replies?: number;
}

/** What a screen reader says for a picture the bot sent, by its file name; its name ("autocheck-trend.png") says nothing. */
const FILE_ALT: Record<string, 'web.alt.autocheckTrend'> = { 'autocheck-trend.png': 'web.alt.autocheckTrend' };

export function formatTime(d: Date, lang: Lang, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).setLocale(lang).toFormat(lang === 'pl' ? 'ccc d MMMM, HH:mm' : 'ccc d LLL, HH:mm');
}

/** How much of a message the thread link's name quotes: enough to tell messages apart, short enough to hear. */
const QUOTED = 48;

/** At most `max` characters, cut after a whole word and marked as cut (as the page's script shortens what it reads out). */
export function shortened(words: string, max: number): string {
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const end = cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max;
  return `${cut.slice(0, end).replace(/[\s.,;:—-]+$/, '')}…`;
}

/**
 * What a screen reader hears for a message's thread link. Every link shows the same words ("Reply in thread"), so
 * tabbing through the list would give no hint which message each belongs to: the name adds the author and how the
 * message begins, or its time when it has no words. It starts with the words on screen, so a member who steers by
 * voice can still say what they see. Buttons and pictures are left out of the quote: they are not how a message begins.
 */
function threadLinkName(row: WebRow, o: RenderOpts, label: string, author: string): string {
  const said = row.message.blocks.filter((b) => b.type !== 'actions' && b.type !== 'image' && b.type !== 'divider');
  const words = messageToPlain({ blocks: said }, (s) => (s.mention ? `@${findMember(s.mention)?.name ?? s.text.replace(/^@/, '')}` : s.text)).replace(/\s+/g, ' ').trim();
  if (!words) return tx(o.lang, 'web.threadLinkAt', { action: label, author, time: formatTime(row.createdAt, o.lang, o.zone) });
  return tx(o.lang, 'web.threadLinkFor', { action: label, author, words: shortened(words, QUOTED) });
}

export function renderMessage(row: WebRow, o: RenderOpts): string {
  const bot = row.author === 'bot';
  const who = bot ? tx(o.lang, 'web.botName') : (findMember(row.author)?.name ?? row.author);
  const you = !bot && row.author === o.viewer ? ` <span class="you">${escapeHtml(tx(o.lang, 'web.you'))}</span>` : '';
  const persona = row.persona ? ` <span class="persona">${escapeHtml(row.persona)}</span>` : '';
  const at = DateTime.fromJSDate(row.createdAt).toUTC().toISO();
  const edited = row.updatedAt ? ` <span class="edited">${escapeHtml(tx(o.lang, 'web.edited'))}</span>` : '';
  const classes = ['msg', bot ? 'from-bot' : 'from-member', row.ephemeralFor ? 'ephemeral' : ''].filter(Boolean).join(' ');
  const parts = [
    `<article class="${classes}" data-id="${row.id}">`,
    `<header><span class="author">${escapeHtml(who)}</span>${persona}${you} <time datetime="${at}">${escapeHtml(formatTime(row.createdAt, o.lang, o.zone))}</time>${edited}</header>`,
  ];
  if (row.ephemeralFor) parts.push(`<p class="only-you">${escapeHtml(tx(o.lang, 'web.onlyYou'))}</p>`);
  // The page around it speaks the viewer's language; the message itself the one it was written in (lang.ts).
  const lang = writtenIn(row.message);
  parts.push(`<div class="body"${lang ? ` lang="${lang}"` : ''}>${row.message.blocks.map((b) => block(b, row.id)).join('')}</div>`);
  if (row.file) {
    const name = escapeHtml(row.file.name);
    // Files are served only to the member whose DM they are in, so the link says who is looking.
    const src = `/api/file/${row.id}?member=${encodeURIComponent(o.viewer)}`;
    if (row.file.mime === 'image/png') parts.push(`<img class="chart" src="${escapeHtml(src)}" alt="${escapeHtml(tx(o.lang, FILE_ALT[row.file.name] ?? 'web.alt.chart'))}">`);
    parts.push(`<p class="file"><a href="${escapeHtml(src)}" download="${name}">${escapeHtml(tx(o.lang, 'web.download', { name: row.file.name }))}</a></p>`);
  }
  if (o.replies !== undefined && !row.ephemeralFor) {
    const label = o.replies > 0 ? tx(o.lang, 'web.replies', { count: o.replies }) : tx(o.lang, 'web.replyInThread');
    const name = threadLinkName(row, o, label, [who, row.persona].filter(Boolean).join(' '));
    parts.push(`<footer><button type="button" class="thread-link" aria-label="${escapeHtml(name)}" data-thread="${row.id}">${escapeHtml(label)}</button></footer>`);
  }
  parts.push('</article>');
  return parts.join('');
}

/** How long a text counts, as the form's check counts it: trimmed (a trailing space or line is not sent). */
export const countedLength = (value: string): number => value.trim().length;

/**
 * When a one-line field's counter comes into sight. A short, exact field ("09:00" of 5, a zone of 64) would show
 * "5 of 5 characters" on a right answer: there it appears only once the text is too long. A longer one-line
 * field (a title of 120) shows it from 80%, when it starts to help. Multi-line fields always show it.
 */
export function quietBelow(f: { multiline?: boolean; maxLength: number }): number {
  if (f.multiline) return 0;
  return f.maxLength > 20 ? Math.ceil(f.maxLength * 0.8) : f.maxLength + 1;
}

/**
 * "12 of 500 characters", or how many too many. The page keeps it current as the member types, from the two
 * templates carried along (their `{count}` and `{over}` left in place for it). With `quietBelow`, it stays out of
 * sight until the text reaches that length. `length` is counted as the form's check counts it (countedLength), so the
 * counter and the error under it name the same number.
 */
export function counterHtml(id: string, length: number, max: number, lang: Lang, quietBelow = 0): string {
  const over = length - max;
  const text = over > 0 ? tx(lang, 'web.counterOver', { count: length, max, over }) : tx(lang, 'web.counter', { count: length, max });
  const template = escapeHtml(tx(lang, 'web.counter', { count: '{count}', max }));
  const templateOver = escapeHtml(tx(lang, 'web.counterOver', { count: '{count}', max, over: '{over}' }));
  const quiet = length < quietBelow ? ' quiet' : '';
  const quietAttr = quietBelow ? ` data-quiet-below="${quietBelow}"` : '';
  return `<p class="limit${over > 0 ? ' over' : ''}${quiet}" id="${id}"${quietAttr} data-template="${template}" data-template-over="${templateOver}">${escapeHtml(text)}</p>`;
}

function fieldHtml(f: Field, open: OpenForm, lang: Lang): string {
  const id = `f-${f.id}`;
  const error = open.errors?.[f.id];
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  const given = open.values?.[f.id];
  const described = [f.hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ');
  const aria = `${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  const optional = f.optional ? ` <span class="optional">${escapeHtml(tx(lang, 'web.optional'))}</span>` : '';
  const hint = f.hint ? `<p class="hint" id="${hintId}">${escapeHtml(f.hint)}</p>` : '';
  const err = error ? `<p class="field-error" id="${errId}">${escapeHtml(error)}</p>` : '';
  const name = escapeHtml(f.id);
  if (f.kind === 'text') {
    const value = given?.[0] ?? f.initial ?? '';
    const maxId = `${id}-max`;
    // No maxlength: a pasted case longer than the limit would be cut without a word. The counter shows the
    // length as it changes (app.js), and the form's own check names the limit when it is sent.
    const attrs = [
      `id="${id}" name="${name}" data-max="${f.maxLength}"`,
      // What the form opened with: text that differs from it is the member's, which Escape asks before dropping.
      f.initial ? `data-initial="${escapeHtml(f.initial)}"` : '',
      `aria-describedby="${[maxId, described].filter(Boolean).join(' ')}"`,
      error ? 'aria-invalid="true"' : '',
      f.placeholder ? `placeholder="${escapeHtml(f.placeholder)}"` : '',
    ].filter(Boolean).join(' ');
    const control = f.multiline ? `<textarea ${attrs} rows="4">${escapeHtml(value)}</textarea>` : `<input type="text" ${attrs} value="${escapeHtml(value)}">`;
    return `<div class="field text-field${error ? ' invalid' : ''}"><label for="${id}">${escapeHtml(f.label)}${optional}</label>${hint}${control}${counterHtml(maxId, countedLength(value), f.maxLength, lang, quietBelow(f))}${err}</div>`;
  }
  if (f.kind === 'channel') {
    const chosen = given?.[0] ?? f.initial ?? '';
    // The empty choice leaves the setting as it is: it says so, rather than being read out as "blank".
    const opts = [`<option value="">${escapeHtml(tx(lang, 'web.noChange'))}</option>`, ...CHANNELS.map((c) => `<option value="${c}"${chosen === c ? ' selected' : ''}>#${c}</option>`)];
    const attrs = `id="${id}" name="${name}"${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
    return `<div class="field channel-field${error ? ' invalid' : ''}"><label for="${id}">${escapeHtml(f.label)}${optional}</label>${hint}<select ${attrs}>${opts.join('')}</select>${err}</div>`;
  }
  const inputs: string[] = [];
  if (f.kind === 'scale') {
    const chosen = given?.[0] ?? (f.initial !== undefined ? String(f.initial) : undefined);
    for (let n = f.min; n <= f.max; n++) {
      inputs.push(`<label class="scale-point"><input type="radio" name="${name}" value="${n}"${chosen === String(n) ? ' checked' : ''}> <span>${n}</span></label>`);
    }
    // The catalogue's end labels already name their number ("0 — not at all"); add it only when they don't.
    const end = (n: number, label?: string) => (label ? `<span class="scale-end">${escapeHtml(labelNamesPoint(n, label) ? label : `${n} = ${label}`)}</span>` : '');
    const ends = `${end(f.min, f.minLabel)}${end(f.max, f.maxLabel)}`;
    // A screen reader on a point hears what the ends mean, not only "3".
    const endsId = `${id}-ends`;
    const scaleDescribed = [f.hint ? hintId : '', ends ? endsId : '', error ? errId : ''].filter(Boolean).join(' ');
    const scaleAria = `${scaleDescribed ? ` aria-describedby="${scaleDescribed}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
    return `<fieldset class="field scale${error ? ' invalid' : ''}"${scaleAria}><legend>${escapeHtml(f.label)}${optional}</legend>${hint}<div class="scale-points">${inputs.join('')}</div>${ends ? `<p class="scale-ends" id="${endsId}">${ends}</p>` : ''}${err}</fieldset>`;
  }
  const chosen = new Set(given ?? (f.initial === undefined ? [] : Array.isArray(f.initial) ? f.initial : [f.initial]));
  const type = f.multiple ? 'checkbox' : 'radio';
  for (const o of f.options) {
    inputs.push(`<label class="choice"><input type="${type}" name="${name}" value="${escapeHtml(o.value)}"${chosen.has(o.value) ? ' checked' : ''}> <span>${escapeHtml(o.label)}</span></label>`);
  }
  return `<fieldset class="field choice-field${error ? ' invalid' : ''}"${aria}><legend>${escapeHtml(f.label)}${optional}</legend>${hint}<div class="choices">${inputs.join('')}</div>${err}</fieldset>`;
}

/** The open form as an HTML form for the playground's dialog, with field errors next to their fields. */
export function renderForm(open: OpenForm, lang: Lang): string {
  const f = open.form;
  const summary = open.errors && Object.keys(open.errors).length ? `<p class="form-error" role="alert">${escapeHtml(tx(lang, 'web.formErrors'))}</p>` : '';
  return [
    `<form class="bot-form" method="dialog" data-form="${escapeHtml(f.id)}">`,
    `<h2 id="form-title">${escapeHtml(f.title)}</h2>`,
    f.intro ? `<p class="intro">${escapeHtml(f.intro)}</p>` : '',
    summary,
    ...f.fields.map((x) => fieldHtml(x, open, lang)),
    `<div class="form-buttons"><button type="button" class="form-cancel">${escapeHtml(tx(lang, 'web.cancel'))}</button><button type="submit" class="primary">${escapeHtml(f.submitLabel)}</button></div>`,
    // Escape on typed text asks this first (the page's script shows it); the safe answer goes back to the text.
    `<div class="discard" role="group" aria-labelledby="discard-question" hidden><p id="discard-question">${escapeHtml(tx(lang, 'web.discard.question'))}</p>` +
      `<button type="button" class="discard-no">${escapeHtml(tx(lang, 'web.discard.keep'))}</button><button type="button" class="discard-yes danger">${escapeHtml(tx(lang, 'web.discard.close'))}</button></div>`,
    '</form>',
  ].join('');
}
