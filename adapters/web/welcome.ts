// The playground's first-visit welcome: what the group has set up now, three things to try, the clock, the other language.
import type { Span } from '../../src/core/message.js';
import { t, tx, weekdayName, type Lang } from '../../src/i18n/index.js';
import type { Arrangement, Rhythm } from './arrangement.js';
import { escapeHtml, renderRich } from './render.js';
import { SAMPLE } from './sample.js';
import { firstName, MEMBERS } from './workspace.js';

/** A channel name as the welcome shows it: plain words, not a member's text. */
const channel = (c: string) => ({ channel: c });

/** "#reflection every week (Friday, 09:00)", each in the reader's language; the zone named when not the team's. */
function rhythms(lang: Lang, list: Rhythm[], teamZone: string): string {
  const one = (r: Rhythm) => {
    const when = `${weekdayName(lang, r.weekday)}, ${r.time}${r.zone === teamZone ? '' : `, ${r.zone}`}`;
    return tx(lang, 'web.welcome.rhythm', { channel: `#${r.channel}`, every: tx(lang, 'supervision.every', { count: r.every }), when });
  };
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(list.map(one));
}

/**
 * The welcome as HTML (escaped here, like every message). Read from the team's current arrangement and the simulated
 * members, so it says what is really there now; the page shows it until the member dismisses it, and remembers that.
 * It ends with one line in the other language, in that language, so a reader of either finds the way in.
 */
export function welcomeHtml(lang: Lang, now: Arrangement): string {
  const facilitator = MEMBERS.find((m) => m.isAdmin)!;
  const others = new Intl.ListFormat(lang, { type: 'conjunction' }).format(MEMBERS.filter((m) => !m.isAdmin).map((m) => m.name));
  const caseChannel = channel(now.caseChannel ?? SAMPLE.caseChannel);
  const params = { facilitator: facilitator.name, others, youAre: tx(lang, 'web.member'), caseChannel, next: tx(lang, 'web.next') };
  // The catalogue's own words and the team's names: nothing here came from a member, so no "untrusted" marking.
  const ours = (r: Span[]) => renderRich(r.map((s) => ({ ...s, untrusted: false })));
  const setUp = [
    t(lang, 'web.welcome.setUp', params),
    now.prompts.length ? t(lang, 'web.welcome.prompts', { where: rhythms(lang, now.prompts, now.zone) }) : t(lang, 'web.welcome.noPrompts'),
    now.supervision.length ? t(lang, 'web.welcome.supervision', { where: rhythms(lang, now.supervision, now.zone) }) : t(lang, 'web.welcome.noSupervision'),
    now.caseChannel ? t(lang, 'web.welcome.cases', params) : [],
  ].filter((r) => r.length);
  const tries = (['web.welcome.try1', 'web.welcome.try2', 'web.welcome.try3'] as const).map((k) => `<li>${ours(t(lang, k, params))}</li>`);
  const other: Lang = lang === 'pl' ? 'en' : 'pl';
  return [
    `<h2 id="welcome-title">${escapeHtml(tx(lang, 'web.welcome.title'))}</h2>`,
    `<p>${setUp.map(ours).join(' ')}</p>`,
    `<h3>${escapeHtml(tx(lang, 'web.welcome.tryTitle'))}</h3>`,
    `<ol>${tries.join('')}</ol>`,
    `<p class="more">${ours(t(lang, 'web.welcome.more'))}</p>`,
    // Written in the other language on purpose (see the catalogues), and marked so, for a screen reader's voice.
    `<p class="other-lang" lang="${other}">${ours(t(lang, 'web.welcome.otherLanguage', { facilitator: firstName(facilitator) }))}</p>`,
  ].join('');
}
