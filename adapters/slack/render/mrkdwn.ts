// Rich text (spans) to Slack mrkdwn: trusted catalogue text keeps its markup, untrusted spans are neutralized.
import { styleRuns, type Rich, type Span } from '../../../src/core/message.js';
import { escapeEntities, neutralize, safeUrl } from './escape.js';

/** A Slack conversation id (channel, private channel, DM): only these become <#…> links. */
export const SLACK_CHANNEL = /^[CGD][A-Z0-9_]+$/;

const MEMBER_ID = /^[UW][A-Z0-9]{2,}$/;

function wrap(text: string, mark: string): string {
  // Slack only formats when the marks touch non-space characters: keep outer spaces outside.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!m[2]) return text;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
}

/** A span's text as mrkdwn, without its style. */
function spanBody(span: Span): string {
  if (span.mention && !span.untrusted && MEMBER_ID.test(span.mention)) return `<@${span.mention}>`;
  if (span.channel && SLACK_CHANNEL.test(span.channel)) return `<#${span.channel}>`;
  let text = span.untrusted ? neutralize(span.text) : escapeEntities(span.text);
  if (span.link) {
    const url = safeUrl(span.link);
    if (url && !span.untrusted) text = `<${url}|${text.replace(/\|/g, '¦')}>`;
    else if (url) text = `${text} (${neutralize(span.link)})`;
  }
  return text;
}

function styled(text: string, style: Span['style']): string {
  if (style === 'bold') return wrap(text, '*');
  if (style === 'italic') return wrap(text, '_');
  if (style === 'code') return wrap(text, '`');
  return text;
}

export function spanToMrkdwn(span: Span): string {
  return styled(spanBody(span), span.style);
}

/** Spans of one style in a row are marked once: "*#7*", not "*#**7*". */
export function richToMrkdwn(rich: Rich): string {
  return styleRuns(rich)
    .map((run) => styled(run.spans.map(spanBody).join(''), run.style))
    .join('');
}
