import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { renderTrendChart, SERIES_COLOURS, type Rgb, type TrendSeries } from '../../src/features/autocheck/chart.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts');

const dates = ['03.03', '10.03', '17.03', '24.03', '31.03', '07.04', '14.04', '21.04', '28.04', '05.05'];
const sample: TrendSeries[] = [
  { label: 'Ciekawość', values: [4, 5, 5, 6, 7, null, 7, 8, 8, 9], min: 0, max: 10 },
  { label: 'Elastyczność', values: [6, 6, 5, 5, 6, 6, 7, 7, 6, 7], min: 0, max: 10 },
  { label: 'Ocenianie', values: [7, 6, 6, 4, 4, 3, null, 2, 2, 1], min: 0, max: 10 },
  { label: 'Sojusz (źródło: żółć)', values: [3, 3, 4, 4, 4, 5, 5, 5, 6, 6], min: 0, max: 10 },
];

function decode(bytes: Uint8Array) {
  return PNG.sync.read(Buffer.from(bytes));
}

function countPixels(image: { data: Uint8Array }, [r, g, b]: Rgb): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b) count++;
  }
  return count;
}

describe('renderTrendChart', () => {
  it('produces a PNG of the default 640x320 size, with one colour per series visible', () => {
    const bytes = renderTrendChart(sample, { title: 'Autocheck — ostatnie 10 sesji', dates });
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'trend-sample.png'), bytes);

    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(1024);
    const image = decode(bytes);
    expect([image.width, image.height]).toEqual([640, 320]);
    sample.forEach((_, i) => expect(countPixels(image, SERIES_COLOURS[i])).toBeGreaterThan(50));
  });

  it('keeps every series visible when several have the same values', () => {
    const same = [4, 4, 3, 4, 5];
    const image = decode(renderTrendChart(['Cel', 'Zadania', 'Więź'].map((label) => ({ label, values: same, min: 1, max: 5 })), {}));
    // Only the plot (the legend below it shows every colour anyway).
    const plot = { data: image.data.subarray(0, image.width * 4 * Math.floor(image.height * 0.7)) };
    for (let i = 0; i < 3; i++) expect(countPixels(plot, SERIES_COLOURS[i]), `series ${i}`).toBeGreaterThan(20);
  });

  it('honours a requested width and height', () => {
    const image = decode(renderTrendChart(sample, { width: 400, height: 200 }));
    expect([image.width, image.height]).toEqual([400, 200]);
  });

  it('draws a series with gaps, a single point, and an empty series without failing', () => {
    const series: TrendSeries[] = [
      { label: 'Luki', values: [null, 3, null, null, 5, null], min: 0, max: 10 },
      { label: 'Jedna', values: [7], min: 0, max: 10 },
      { label: 'Pusta', values: [], min: 0, max: 10 },
    ];
    const image = decode(renderTrendChart(series));
    expect(countPixels(image, SERIES_COLOURS[0])).toBeGreaterThan(0);
    expect(countPixels(image, SERIES_COLOURS[1])).toBeGreaterThan(0);
  });

  it('draws an empty chart when there is no history yet', () => {
    const bytes = renderTrendChart([], { title: 'Brak danych' });
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(decode(bytes).width).toBe(640);
  });

  it('draws only one point when there is a single check', () => {
    const image = decode(renderTrendChart([{ label: 'Raz', values: [5], min: 0, max: 10 }], { dates: ['01.05'] }));
    expect(countPixels(image, SERIES_COLOURS[0])).toBeGreaterThan(0);
  });

  it('reuses palette colours when there are more series than colours', () => {
    const many = Array.from({ length: SERIES_COLOURS.length + 1 }, (_, i) => ({
      label: `S${i}`,
      values: [i, i + 1],
      min: 0,
      max: 20,
    }));
    expect(() => renderTrendChart(many)).not.toThrow();
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => renderTrendChart(sample, { width: 0 })).toThrow(RangeError);
    expect(() => renderTrendChart(sample, { height: 10.5 })).toThrow(RangeError);
  });
});
