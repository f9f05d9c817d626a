// The playground's first-visit welcome: what the sample group has set up, three things to try, and the clock.
import type { Span } from '../../src/core/message.js';
import { t, tx, weekdayName, type Lang } from '../../src/i18n/index.js';
import { escapeHtml, renderRich } from './render.js';
import { SAMPLE } from './sample.js';
import { MEMBERS } from './workspace.js';


/** A channel name as the welcome shows it: plain words, not a member's text. */
const channel = (c: string) => ({ channel: c });

/**
 * The welcome as HTML (escaped here, like every message). Read from the sample set-up and the simulated members, so
 * it says what is really there; the page shows it until the member dismisses it, and remembers that.
 */
export function welcomeHtml(lang: Lang): string {
  const facilitator = MEMBERS.find((m) => m.isAdmin)!;
  const others = new Intl.ListFormat(lang, { type: 'conjunction' }).format(MEMBERS.filter((m) => !m.isAdmin).map((m) => m.name));
  const { prompt, supervision } = SAMPLE;
  const params = {
    facilitator: facilitator.name,
    others,
    youAre: tx(lang, 'web.member'),
    promptChannel: channel(prompt.channel),
    promptWhen: `${weekdayName(lang, prompt.weekday)}, ${prompt.time}`,
    supervisionChannel: channel(supervision.channel),
    supervisionWhen: `${weekdayName(lang, supervision.weekday)}, ${supervision.time}`,
    caseChannel: channel(SAMPLE.caseChannel),
    next: tx(lang, 'web.next'),
  };
  // The catalogue's own words and the sample's names: nothing here came from a member, so no "untrusted" marking.
  const ours = (r: Span[]) => renderRich(r.map((s) => ({ ...s, untrusted: false })));
  const tries = (['web.welcome.try1', 'web.welcome.try2', 'web.welcome.try3'] as const).map((k) => `<li>${ours(t(lang, k, params))}</li>`);
  return [
    `<h2 id="welcome-title">${escapeHtml(tx(lang, 'web.welcome.title'))}</h2>`,
    `<p>${ours(t(lang, 'web.welcome.setUp', params))}</p>`,
    `<h3>${escapeHtml(tx(lang, 'web.welcome.tryTitle'))}</h3>`,
    `<ol>${tries.join('')}</ol>`,
    `<p class="more">${ours(t(lang, 'web.welcome.more'))}</p>`,
  ].join('');
}
