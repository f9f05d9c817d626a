// Only the day of an instant: what a row keeps of its time when an exact time could tie it to another row (an
// anonymous topic to the check saved with it, a member's first command to the anonymous reply it was).

/** Midnight UTC of the instant's day. */
export function dayOf(at: Date): Date {
  const d = new Date(at);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** The instant's UTC day as a date ("2026-03-02"), for exports of a column that keeps only the day. */
export function isoDay(at: Date): string {
  return dayOf(at).toISOString().slice(0, 10);
}
