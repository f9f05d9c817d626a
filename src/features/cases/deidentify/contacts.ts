// Finds e-mail addresses (also lightly obfuscated ones) and web links.

import { collect, makeFinding, type Finding } from './types.js';

// "anna.k@example.pl", and the spellings people use to dodge filters: "anna.k @ wp.pl", "anna [at] example.pl",
// "annak(at)wp(dot)pl", "anna(małpa)wp(kropka)pl". A disguised dot counts only after a disguised or real at-sign. An
// at-sign spaced on one side only is a social-media name after a word ("z konta @beata.wolka"), not an e-mail.
const AT = String.raw`(?:@|[ \t\u00a0]@[ \t\u00a0]|[ \t\u00a0]?[[(](?:at|małpa)[\])][ \t\u00a0]?)`;
const DOT = String.raw`(?:\.|[ \t\u00a0]?[[(](?:dot|kropka)[\])][ \t\u00a0]?)`;
const EMAIL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`,
  'gu',
);

const URL_RE = /(?<![\p{L}\p{N}@.])(?:https?:\/\/|www\.)[^\s<>"'„”«»]+/giu;

export function findEmails(text: string): Finding[] {
  return collect(EMAIL_RE, text, 'email');
}

/** Sentence punctuation right after a link belongs to the sentence, not to the link. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1];
    if (c === ')') {
      const opened = url.slice(0, end).split('(').length - 1;
      const closed = url.slice(0, end).split(')').length - 1;
      if (closed <= opened) break;
    } else if (!'.,;:!?]}\''.includes(c)) {
      break;
    }
    end--;
  }
  return url.slice(0, end);
}

export function findUrls(text: string): Finding[] {
  const out: Finding[] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m !== null; m = URL_RE.exec(text)) {
    const url = trimUrl(m[0]);
    if (/^(?:https?:\/\/|www\.)./i.test(url)) out.push(makeFinding('url', text, m.index, m.index + url.length));
  }
  return out;
}
