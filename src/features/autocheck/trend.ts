// History over the last N weeks: one weekly mean per item, drawn as a sparkline with its direction.
import { DateTime } from 'luxon';
import { ITEMS, itemValue, type ItemId } from './forms.js';
import { sparkline, trendArrow, type Trend } from './sparkline.js';
import type { Entry } from './store.js';

export interface ItemTrend {
  item: ItemId;
  min: number;
  max: number;
  /** One value per week, oldest first; null for a week without this item. */
  values: (number | null)[];
  spark: string;
  /** 'few': fewer than two weeks with a value — too early to say where it goes (not "steady"). */
  trend: Trend | 'few';
}

export interface TrendView {
  weeks: number;
  /** The local start date (YYYY-MM-DD) of each week, oldest first. */
  weekStarts: string[];
  checks: number;
  items: ItemTrend[];
}

/**
 * The first instant of the window: `weeks` whole weeks back from now on the member's clock, so a week that holds
 * a change to or from summer time still runs from the same weekday and hour to the next (167 or 169 hours).
 */
export function windowStart(now: Date, weeks: number, zone: string): Date {
  return DateTime.fromJSDate(now, { zone }).minus({ weeks }).toJSDate();
}

/** The start of each week of the window, oldest first, on the member's clock. */
function weekStartsOf(now: Date, weeks: number, zone: string): DateTime[] {
  const end = DateTime.fromJSDate(now, { zone });
  return Array.from({ length: weeks }, (_, i) => end.minus({ weeks: weeks - i }));
}

/**
 * Weekly means per item over the window ending now. Weeks are counted back from now (not calendar
 * weeks) so the last point always holds the most recent seven days; items never answered are left out.
 */
export function computeTrend(entries: readonly Entry[], now: Date, weeks: number, zone: string): TrendView {
  const starts = weekStartsOf(now, weeks, zone);
  const bounds = starts.map((d) => d.toMillis());
  const sums = new Map<ItemId, { sum: number; n: number }[]>();
  let checks = 0;
  for (const e of entries) {
    const at = e.createdAt.getTime();
    if (at < bounds[0]! || e.createdAt > now) continue;
    let week = weeks - 1;
    while (at < bounds[week]!) week--;
    checks++;
    for (const { id } of ITEMS) {
      const v = itemValue(e.answers, id);
      if (v === null) continue;
      const cells = sums.get(id) ?? Array.from({ length: weeks }, () => ({ sum: 0, n: 0 }));
      cells[week]!.sum += v;
      cells[week]!.n++;
      sums.set(id, cells);
    }
  }
  const items: ItemTrend[] = [];
  for (const { id, min, max } of ITEMS) {
    const cells = sums.get(id);
    if (!cells) continue;
    const values = cells.map((c) => (c.n ? Math.round((c.sum / c.n) * 10) / 10 : null));
    const weeksWithValue = values.filter((v) => v !== null).length;
    items.push({ item: id, min, max, values, spark: sparkline(values, min, max), trend: weeksWithValue < 2 ? 'few' : trendArrow(values, max - min) });
  }
  const weekStarts = starts.map((d) => d.toISODate()!);
  return { weeks, weekStarts, checks, items };
}
