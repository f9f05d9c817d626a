// Text-only trend views for autocheck history: a one-line sparkline and a trend direction.

/** Eight heights, lowest first; chat platforms render them in any monospace or proportional font. */
export const SPARK_BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Shown where a check had no answer for this scale, so gaps stay visible instead of being squeezed out. */
export const SPARK_GAP = '·';

/**
 * One character per value on the fixed scale [min, max] (the questionnaire's scale, not the observed
 * spread, so that a member's "always 8 of 10" does not look like a jump from bottom to top).
 * Values outside the scale are clamped; null or non-finite values become SPARK_GAP. When min equals max
 * every value is drawn at mid height, because there is no scale to place it on.
 */
export function sparkline(values: readonly (number | null)[], min: number, max: number): string {
  const top = SPARK_BLOCKS.length - 1;
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return SPARK_GAP;
      if (!(max > min)) return SPARK_BLOCKS[Math.floor(top / 2)];
      const clamped = Math.min(max, Math.max(min, value));
      const index = Math.round(((clamped - min) / (max - min)) * top);
      return SPARK_BLOCKS[index];
    })
    .join('');
}

export type Trend = 'up' | 'down' | 'flat';

/** Share of the range that the two means must differ by before we call it a trend. */
export const TREND_THRESHOLD = 0.1;

/**
 * Direction of a series, oldest value first.
 *
 * Rule: drop nulls and non-finite values; take the first third and the last third of what remains
 * (each at least one value, floor(n / 3) otherwise) and compare their means. The trend is 'flat' when
 * |last − first| < 10% of `range`, otherwise 'up' or 'down' by the sign of the difference.
 * `range` should be the scale's width (max − min of the questionnaire) so that noise on a wide scale
 * is not called a trend; without it the observed spread (max − min of the values) is used.
 * Fewer than two values, or a range of zero, is 'flat': there is nothing to compare.
 */
export function trendArrow(values: readonly (number | null)[], range?: number): Trend {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return 'flat';
  const width = range ?? Math.max(...known) - Math.min(...known);
  if (!(width > 0)) return 'flat';
  const third = Math.max(1, Math.floor(known.length / 3));
  const difference = mean(known.slice(-third)) - mean(known.slice(0, third));
  if (Math.abs(difference) < TREND_THRESHOLD * width) return 'flat';
  return difference > 0 ? 'up' : 'down';
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
