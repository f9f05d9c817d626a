// Finds social-media names: an "@name" ("@kasia_93", "@dawid.siedlce.tuning") and a name given after a platform
// ("na TikToku jako olcia_zgierz_08", "on Twitch as dark_knight77"), which lead to a person as an e-mail does.

import { collect, type Finding } from './types.js';

const SP = String.raw`[ \u00a0]+`;

// Not inside an e-mail ("anna@wp.pl" is the e-mail detector's) and never ending in a dot: "… @kasia_93." ends a sentence.
const AT_HANDLE_RE = /(?<![\p{L}\p{N}_.@+-])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?/gu;

// The platforms in the forms a sentence puts them in ("na TikToku", "na Instagramie", "on YouTube").
const PLATFORM = String.raw`(?:Tik[Tt]ok\p{Ll}*|Insta(?:gram)?\p{Ll}*|Facebook\p{Ll}*|FB|Twitter\p{Ll}*|YouTub\p{Ll}*|Snapchac\p{Ll}*|Snapchat\p{Ll}*|Discord\p{Ll}*|Twitch\p{Ll}*|Reddic\p{Ll}*|Reddit\p{Ll}*|Telegram\p{Ll}*|Threads|Bluesk\p{Ll}*|Roblox\p{Ll}*|Steam\p{Ll}*)`;
const AS = String.raw`(?:jako|pod${SP}nickiem|pod${SP}nazwą|nick(?:iem)?|login(?:em)?|as|handle|username|called)`;
// A platform name only counts when it looks like one: a digit, an underscore or a dot inside ("olcia_zgierz_08"), so
// "na TikToku jako dziewczyna" or "on Twitch as a streamer" stay prose.
const NAMED_ON_PLATFORM_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])${PLATFORM}(?:${SP}\p{Ll}+){0,2}?${SP}${AS}${SP}[„"“]?)[\p{L}\p{N}_.]*[\p{L}\p{N}_]`,
  'gu',
);

export function findHandles(text: string): Finding[] {
  return [
    ...collect(AT_HANDLE_RE, text, 'handle', (m) => m[0].length >= 3),
    ...collect(NAMED_ON_PLATFORM_RE, text, 'handle', (m) => /[_.\d]/.test(m[0])),
  ];
}
