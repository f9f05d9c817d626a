import { describe, it, expect } from 'vitest';
import { sparkline, trendArrow } from '../../src/features/autocheck/sparkline.js';

describe('sparkline', () => {
  it('draws the bottom of the scale as the lowest block and the top as the full block', () => {
    expect(sparkline([0, 10], 0, 10)).toBe('▁█');
  });

  it('uses all eight heights across the scale', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 0, 7)).toBe('▁▂▃▄▅▆▇█');
  });

  it('places values on the given scale, not on their own spread', () => {
    // A steady 8-of-10 stays high instead of jumping from bottom to top.
    expect(sparkline([8, 8, 8], 0, 10)).toBe('▇▇▇');
  });

  it('shows a missing answer as a dot so gaps stay visible', () => {
    expect(sparkline([1, null, 5], 1, 5)).toBe('▁·█');
  });

  it('clamps values outside the scale to its ends', () => {
    expect(sparkline([-3, 42], 0, 10)).toBe('▁█');
  });

  it('returns an empty string for no values', () => {
    expect(sparkline([], 0, 10)).toBe('');
  });

  it('draws mid height when the scale has no width', () => {
    expect(sparkline([5, 5], 5, 5)).toBe('▄▄');
  });
});

describe('trendArrow', () => {
  it.each([
    { values: [2, 2, 3, 5, 6, 6], range: 10, expected: 'up' },
    { values: [9, 8, 8, 5, 4, 3], range: 10, expected: 'down' },
    { values: [5, 6, 5, 5, 6, 5], range: 10, expected: 'flat' },
  ] as const)('calls $values on a range of $range "$expected"', ({ values, range, expected }) => {
    expect(trendArrow([...values], range)).toBe(expected);
  });

  it('calls a change just under 10% of the range flat and one at 10% a trend', () => {
    expect(trendArrow([5, 5, 5, 5.9, 5.9, 5.9], 10)).toBe('flat');
    expect(trendArrow([5, 5, 5, 6, 6, 6], 10)).toBe('up');
  });

  it('compares only the first and last thirds, ignoring the middle', () => {
    expect(trendArrow([3, 3, 0, 10, 4, 4], 10)).toBe('up');
  });

  it('judges a small change as a trend when no scale range is given (observed spread)', () => {
    expect(trendArrow([5, 5, 5, 6, 6, 6])).toBe('up');
  });

  it('is flat with fewer than two values', () => {
    expect(trendArrow([], 10)).toBe('flat');
    expect(trendArrow([7], 10)).toBe('flat');
  });

  it('compares single values when there are only two', () => {
    expect(trendArrow([2, 8], 10)).toBe('up');
  });

  it('ignores missing answers', () => {
    expect(trendArrow([8, null, 8, 2, null, 2], 10)).toBe('down');
  });
});
