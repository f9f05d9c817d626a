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

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The first instant of the window: `weeks` whole weeks back from now. */
export function windowStart(now: Date, weeks: number): Date {
  return new Date(now.getTime() - weeks * WEEK_MS);
}

/**
 * Weekly means per item over the window ending now. Weeks are counted back from now (not calendar
 * weeks) so the last point always holds the most recent seven days; items never answered are left out.
 */
export function computeTrend(entries: readonly Entry[], now: Date, weeks: number, zone: string): TrendView {
  const start = windowStart(now, weeks);
  const sums = new Map<ItemId, { sum: number; n: number }[]>();
  let checks = 0;
  for (const e of entries) {
    const offset = e.createdAt.getTime() - start.getTime();
    if (offset < 0 || e.createdAt > now) continue;
    const week = Math.min(weeks - 1, Math.floor(offset / WEEK_MS));
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
  const weekStarts = Array.from({ length: weeks }, (_, i) => DateTime.fromJSDate(new Date(start.getTime() + i * WEEK_MS), { zone }).toISODate()!);
  return { weeks, weekStarts, checks, items };
}
