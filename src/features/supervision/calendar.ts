// The team's supervision calendar: an .ics file on demand and a private subscription feed over HTTP.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { teamLang, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { members, supervisionPrefs, supervisionSessions, teams } from '../../db/schema/index.js';
import { tx as txt, type Lang } from '../../i18n/index.js';
import { DAY } from '../../schedule/clock.js';
import { buildCalendar, type CalendarEvent } from './ics.js';
import type { ScheduleRow } from '../../schedule/kinds.js';
import { localDate, nextOccurrence } from '../../schedule/occurrence.js';
import { payloadOf } from '../../schedule/payload.js';
import { activeSeries, SERIES_KIND, stoppedSeries } from './sessions.js';

const AHEAD_MS = 120 * DAY;

/**
 * Sessions from a month back to four months ahead: planned ones, cancelled ones (so subscribed calendars
 * drop them) and a series' later dates not yet materialized. A series session's UID comes from its series
 * and its local date, so it stays the same event once it is materialized, and when a new zone moves it in time.
 * A series that was stopped (cancelled, or replaced by setup) keeps its dates in the file as cancelled for as long
 * as they were in it (four months from the stop), so a calendar that imported them drops them too.
 */
export async function teamCalendar(tx: Tx, team: Team, lang: Lang, now: Date): Promise<string> {
  const rows = await tx
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.teamId, team.id), gt(supervisionSessions.startsAt, new Date(now.getTime() - 30 * DAY))))
    .orderBy(asc(supervisionSessions.startsAt));
  const uid = (seriesId: number | null, id: number, start: Date, zone: string) =>
    seriesId ? `supervision-${team.id}-S${seriesId}-${localDate(start, zone)}@sojusz` : `supervision-${team.id}-${id}@sojusz`;
  const summary = txt(lang, 'supervision.calendar.summary');
  const [active, stopped] = [await activeSeries(tx, team.id), await stoppedSeries(tx, team.id)];
  // SEQUENCE grows with every change (RFC 5546): twice the series' revision (moved, stopped), plus one once cancelled.
  const revisionOf = new Map([...active, ...stopped].map((r) => [r.id, payloadOf(r, SERIES_KIND).revision ?? 0]));
  const sequence = (seriesId: number | null, cancelled: boolean) => 2 * (seriesId ? (revisionOf.get(seriesId) ?? 0) : 0) + (cancelled ? 1 : 0);
  const events: CalendarEvent[] = rows.map((s) => ({
    uid: uid(s.seriesId, s.id, s.startsAt, s.zone),
    start: s.startsAt,
    durationMinutes: s.durationMinutes,
    zone: s.zone,
    summary,
    location: s.place ?? undefined,
    status: s.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
    sequence: sequence(s.seriesId, s.status === 'cancelled'),
  }));
  const known = new Set(rows.filter((s) => s.seriesId).map((s) => `${s.seriesId}:${localDate(s.startsAt, s.zone)}`));
  const project = (series: ScheduleRow, until: number, cancelled: boolean) => {
    const p = payloadOf(series, SERIES_KIND);
    for (let at = nextOccurrence(series.rule, series.zone, now); at && at.getTime() < until; at = nextOccurrence(series.rule, series.zone, at)) {
      if (known.has(`${series.id}:${localDate(at, series.zone)}`)) continue;
      events.push({
        uid: uid(series.id, 0, at, series.zone),
        start: at,
        durationMinutes: p.durationMinutes,
        zone: series.zone,
        summary,
        location: p.where ?? undefined,
        status: cancelled ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        sequence: sequence(series.id, cancelled),
      });
    }
  };
  for (const series of active) project(series, now.getTime() + AHEAD_MS, false);
  for (const series of stopped) {
    const stoppedAt = payloadOf(series, SERIES_KIND).stoppedAt;
    if (stoppedAt) project(series, Math.min(new Date(stoppedAt).getTime() + AHEAD_MS, now.getTime() + AHEAD_MS), true);
  }
  events.sort((x, y) => x.start.getTime() - y.start.getTime());
  return buildCalendar({ name: txt(lang, 'supervision.calendar.name'), now, events });
}

/** The member's unguessable feed token, remembered so the feed can find them again. */
export async function calendarToken(tx: Tx, bot: Bot, team: Team, memberId: number, memberExternalId: string): Promise<string> {
  const token = bot.secrets.hmac('calendar-token', team.id, memberExternalId);
  await tx
    .insert(supervisionPrefs)
    .values({ memberId, teamId: team.id, calendarToken: token })
    .onConflictDoUpdate({ target: supervisionPrefs.memberId, set: { calendarToken: token } });
  return token;
}

/** The base URL the bot is reachable at (PUBLIC_URL), when it serves HTTP. */
export function publicUrl(bot: Bot): string | undefined {
  return bot.publicUrl?.replace(/\/+$/, '');
}

/**
 * HTTP listener for GET /calendar/<token>.ics — mount it on the HTTP server at '/calendar'. Unknown
 * tokens get the same 404 as malformed paths, so a guess learns nothing.
 */
export function calendarRoute(bot: Bot) {
  return async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> => {
    const m = /^\/calendar\/([0-9a-f]{64})\.ics$/.exec((req.url ?? '').split('?')[0]!);
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    };
    if (req.method !== 'GET' || !m) return notFound();
    const [hit] = await bot.db
      .select({ team: teams, lang: members.lang })
      .from(supervisionPrefs)
      .innerJoin(members, eq(members.id, supervisionPrefs.memberId))
      .innerJoin(teams, eq(teams.id, supervisionPrefs.teamId))
      .where(eq(supervisionPrefs.calendarToken, m[1]!));
    if (!hit) return notFound();
    const body = await teamCalendar(bot.db, hit.team, teamLang(hit.team, hit), bot.clock.now());
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
    res.end(body);
  };
}
