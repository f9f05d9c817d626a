// When a supervision session is, said the same way everywhere: the list, the home view, reminders, DMs, agendas.
//
// The convention: a session is given in its own zone, the one it was planned in (the time the group agreed on).
// When the reader's clock shows something else at that moment, the session's zone is named and the reader's
// own time is added, so nobody has to guess which of two times is meant. The reader is the member for private
// answers and DMs, and the team (its zone) for what is posted in a channel. A channel's copy names the zone always:
// its readers may be anywhere, and each sees the post's own time (the platform's header) in their zone.
import { DateTime } from 'luxon';
import { tx, type Lang } from '../../i18n/index.js';
import { formatLocal, localDate } from '../../schedule/occurrence.js';

/** Who reads the time: one member in their zone ("your time"), or a channel read by the team in the team's zone. */
export interface Reader {
  zone: string;
  member: boolean;
  /** Posted in a channel: the session's zone is named even when the team's clock shows the same time. */
  channel?: boolean;
}

export function sessionWhen(lang: Lang, s: { startsAt: Date; zone: string }, reader: Reader): string {
  const there = formatLocal(s.startsAt, s.zone, lang);
  const here = formatLocal(s.startsAt, reader.zone, lang);
  if (here === there) return reader.channel ? tx(lang, 'supervision.when.channel', { when: there, zone: s.zone }) : there;
  // The same day where the reader is: the hour says enough; another day: the whole date.
  const local = localDate(s.startsAt, reader.zone) === localDate(s.startsAt, s.zone) ? DateTime.fromJSDate(s.startsAt, { zone: reader.zone }).toFormat('HH:mm') : here;
  return reader.member
    ? tx(lang, 'supervision.when.yours', { when: there, zone: s.zone, local })
    : tx(lang, 'supervision.when.team', { when: there, zone: s.zone, local, teamZone: reader.zone });
}
