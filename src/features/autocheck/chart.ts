// Renders an autocheck trend as a PNG in-process (pngjs + our bitmap font): no browser, no native canvas.

import { PNG } from 'pngjs';
import { LINE_HEIGHT, drawText, measureText } from './bitmap-font.js';

export interface TrendSeries {
  label: string;
  /** Oldest first; null where the member skipped this question, drawn as a gap in the line. */
  values: readonly (number | null)[];
  /** The question's scale, so the line's height means the same thing on every chart. */
  min: number;
  max: number;
}

export interface TrendChartOptions {
  width?: number;
  height?: number;
  title?: string;
  /** One label per point index, shown under the x axis where they fit. */
  dates?: readonly string[];
}

export type Rgb = readonly [r: number, g: number, b: number];

/**
 * Okabe–Ito palette, reordered so the first colours have the most contrast on white; yellow is last
 * because it is hard to see on white. Series beyond eight reuse colours from the start.
 */
export const SERIES_COLOURS: readonly Rgb[] = [
  [0x00, 0x72, 0xb2], // blue
  [0xd5, 0x5e, 0x00], // vermillion
  [0x00, 0x9e, 0x73], // bluish green
  [0xe6, 0x9f, 0x00], // orange
  [0xcc, 0x79, 0xa7], // reddish purple
  [0x56, 0xb4, 0xe9], // sky blue
  [0x00, 0x00, 0x00], // black
  [0xf0, 0xe4, 0x42], // yellow
];

export const DEFAULT_WIDTH = 640;
export const DEFAULT_HEIGHT = 320;
const MAX_SIDE = 4096;

const WHITE: Rgb = [255, 255, 255];
const GRID: Rgb = [0xe6, 0xe6, 0xe6];
const AXIS: Rgb = [0xb0, 0xb0, 0xb0];
const TEXT: Rgb = [0x22, 0x22, 0x22];
const MUTED: Rgb = [0x55, 0x55, 0x55];

const LINE_WIDTH = 2.5;
const DOT_RADIUS = 3.5;

/** A PNG (as bytes) with one line per series on a shared time axis, a grid and a legend. */
export function renderTrendChart(series: readonly TrendSeries[], opts: TrendChartOptions = {}): Uint8Array {
  const width = opts.width ?? DEFAULT_WIDTH;
  const height = opts.height ?? DEFAULT_HEIGHT;
  for (const side of [width, height]) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_SIDE) {
      throw new RangeError(`chart side must be an integer in 1..${MAX_SIDE}, got ${side}`);
    }
  }
  const canvas = new Canvas(width, height);
  const big = width >= 480 ? 2 : 1; // title and legend
  const small = width >= 480 && height >= 240 ? 2 : 1; // axis labels
  const pad = 10 * big;

  let top = pad;
  if (opts.title) {
    canvas.text(opts.title, pad, top, big, TEXT);
    top += LINE_HEIGHT * big + 4 * big;
  }

  const legend = layoutLegend(series, width - 2 * pad, big);
  const legendTop = height - pad - legend.height;
  legend.items.forEach((item, i) => {
    const colour = colourOf(i);
    const y = legendTop + item.row * legend.rowHeight;
    const swatch = 5 * big;
    canvas.fillRect(pad + item.x, y + 2 * big, swatch * 2, swatch * 2 - big, colour);
    canvas.text(item.label, pad + item.x + swatch * 2 + 4 * big, y, big, TEXT);
  });

  const count = Math.max(0, opts.dates?.length ?? 0, ...series.map((s) => s.values.length));
  const ticks = yTicks(series);
  const tickWidth = Math.max(...ticks.map((t) => measureText(t.label, small)));
  const plot = {
    left: pad + tickWidth + 6 * small,
    right: width - pad,
    top: top + LINE_HEIGHT * small * 0.5,
    bottom: legendTop - 6 * big - (opts.dates?.length ? LINE_HEIGHT * small + 4 * small : 0),
  };
  if (plot.right - plot.left < 10 || plot.bottom - plot.top < 10) return encode(canvas); // too small to plot

  // Keep the end dots inside the frame instead of cut in half by it.
  const inset = DOT_RADIUS + 4;
  const xOf = (i: number) =>
    count <= 1
      ? (plot.left + plot.right) / 2
      : plot.left + inset + (i * (plot.right - plot.left - 2 * inset)) / (count - 1);
  const yOf = (fraction: number) => plot.bottom - inset - fraction * (plot.bottom - plot.top - 2 * inset);

  // On a short plot, label every other grid line rather than letting the numbers overlap.
  let labelled = ticks;
  const gap = (list: typeof ticks) => (list[1].fraction - list[0].fraction) * (yOf(0) - yOf(1));
  while (labelled.length > 2 && gap(labelled) < LINE_HEIGHT * small) labelled = labelled.filter((_, i) => i % 2 === 0);
  for (const tick of ticks) canvas.fillRect(plot.left, Math.round(yOf(tick.fraction)), plot.right - plot.left, 1, GRID);
  for (const tick of labelled) {
    const y = Math.round(yOf(tick.fraction));
    const labelWidth = measureText(tick.label, small);
    canvas.text(tick.label, plot.left - 6 * small - labelWidth, y - (LINE_HEIGHT / 2 + 0.5) * small, small, MUTED);
  }
  const dateStep = opts.dates?.length ? labelStep(opts.dates, count, xOf, small) : 0;
  for (let i = 0; i < count; i++) {
    if (count <= 24 || (dateStep > 0 && i % dateStep === 0)) {
      canvas.fillRect(Math.round(xOf(i)), plot.top, 1, plot.bottom - plot.top, GRID);
    }
  }
  canvas.fillRect(plot.left, plot.top, 1, plot.bottom - plot.top, AXIS);
  canvas.fillRect(plot.left, plot.bottom, plot.right - plot.left, 1, AXIS);

  if (opts.dates && dateStep > 0) {
    let lastRight = -Infinity;
    for (let i = 0; i < opts.dates.length; i += dateStep) {
      const label = opts.dates[i];
      const labelWidth = measureText(label, small);
      const x = Math.min(width - pad - labelWidth, Math.max(pad, Math.round(xOf(i) - labelWidth / 2)));
      // The last label is pulled in from the edge; skip it rather than print it over its neighbour.
      if (x < lastRight + 4 * small) continue;
      canvas.text(label, x, plot.bottom + 4 * small, small, MUTED);
      lastRight = x + labelWidth;
    }
  }

  // Series with the same values (goal, task and bond all 4) would hide one another under the last one drawn: each
  // is nudged a little aside (a "dodge"), a few pixels, so every colour stays visible.
  const dodge = (index: number) => index - (series.length - 1) / 2;
  series.forEach((s, index) => {
    const colour = colourOf(index);
    const [dx, dy] = [dodge(index) * DOT_RADIUS * 0.9, dodge(index) * LINE_WIDTH];
    const points = s.values.map((v, i) =>
      v === null || !Number.isFinite(v) ? null : ([xOf(i) + dx, yOf(fractionOf(v, s.min, s.max)) + dy] as const),
    );
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b) canvas.line(a[0], a[1], b[0], b[1], LINE_WIDTH, colour);
    }
    for (const p of points) if (p) canvas.disc(p[0], p[1], DOT_RADIUS, colour);
  });

  return encode(canvas);
}

function colourOf(index: number): Rgb {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

function fractionOf(value: number, min: number, max: number): number {
  if (!(max > min)) return 0.5;
  return (Math.min(max, Math.max(min, value)) - min) / (max - min);
}

/**
 * Scale values on the y axis when every series shares one scale; otherwise each line is drawn on its
 * own scale and the axis can only honestly say "share of the scale", so it shows percentages.
 * Horizontal grid lines follow the same ticks.
 */
function yTicks(series: readonly TrendSeries[]): { fraction: number; label: string }[] {
  const first = series[0];
  const shared = first !== undefined && series.every((s) => s.min === first.min && s.max === first.max);
  if (!shared || !(first.max > first.min)) {
    return [0, 0.25, 0.5, 0.75, 1].map((f) => ({ fraction: f, label: `${f * 100}%` }));
  }
  const { min, max } = first;
  const step = niceStep(max - min);
  const ticks: { fraction: number; label: string }[] = [];
  // Round numbers (0, 2, 4 … 10 rather than 0, 2.5, 5 …), starting at the first multiple of the step.
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + 1e-9; k++) {
    const value = k * step;
    ticks.push({ fraction: (value - min) / (max - min), label: formatNumber(value) });
  }
  return ticks;
}

/** The smallest of 1, 2 or 5 × 10^n that cuts `span` into at most six intervals. */
function niceStep(span: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(span / 6));
  for (const factor of [1, 2, 5, 10]) if (span / (factor * magnitude) <= 6) return factor * magnitude;
  return 10 * magnitude;
}

function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Every how many points a date label fits without touching its neighbour. */
function labelStep(dates: readonly string[], count: number, xOf: (i: number) => number, scale: number): number {
  if (count <= 1) return 1;
  const widest = Math.max(...dates.map((d) => measureText(d, scale)));
  const spacing = xOf(1) - xOf(0);
  return Math.max(1, Math.ceil((widest + 8 * scale) / spacing));
}

interface LegendLayout {
  items: { label: string; x: number; row: number }[];
  rowHeight: number;
  height: number;
}

/** Legend entries left to right, wrapping onto a new row when the next one would not fit. */
function layoutLegend(series: readonly TrendSeries[], maxWidth: number, scale: number): LegendLayout {
  const rowHeight = LINE_HEIGHT * scale + 2 * scale;
  const items: LegendLayout['items'] = [];
  let x = 0;
  let row = 0;
  for (const s of series) {
    const itemWidth = 10 * scale + 4 * scale + measureText(s.label, scale);
    if (x > 0 && x + itemWidth > maxWidth) {
      row += 1;
      x = 0;
    }
    items.push({ label: s.label, x, row });
    x += itemWidth + 14 * scale;
  }
  return { items, rowHeight, height: series.length === 0 ? 0 : (row + 1) * rowHeight };
}

function encode(canvas: Canvas): Uint8Array {
  const png = new PNG({ width: canvas.width, height: canvas.height });
  canvas.data.copy(png.data);
  return PNG.sync.write(png);
}

/** RGBA pixels with coverage-blended shapes, so lines look smooth without a graphics library. */
class Canvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = Buffer.alloc(width * height * 4);
    this.fillRect(0, 0, width, height, WHITE);
  }

  /** Mixes `colour` into one pixel; `coverage` 1 paints it exactly (tests look for exact colours). */
  blend(x: number, y: number, colour: Rgb, coverage = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || coverage <= 0) return;
    const at = (y * this.width + x) * 4;
    const a = Math.min(1, coverage);
    for (let c = 0; c < 3; c++) this.data[at + c] = Math.round(this.data[at + c] * (1 - a) + colour[c] * a);
    this.data[at + 3] = 255;
  }

  fillRect(x: number, y: number, w: number, h: number, colour: Rgb): void {
    const x0 = Math.round(x);
    const y0 = Math.round(y);
    for (let py = y0; py < y0 + Math.round(h); py++) {
      for (let px = x0; px < x0 + Math.round(w); px++) this.blend(px, py, colour);
    }
  }

  text(text: string, x: number, y: number, scale: number, colour: Rgb): void {
    drawText(text, Math.round(x), Math.round(y), scale, (px, py) => this.blend(px, py, colour));
  }

  /** A segment `thickness` wide with round caps; each pixel is lit by how much of it the stroke covers. */
  line(x1: number, y1: number, x2: number, y2: number, thickness: number, colour: Rgb): void {
    const half = thickness / 2;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const lengthSq = dx * dx + dy * dy;
    for (let py = Math.floor(Math.min(y1, y2) - half - 1); py <= Math.ceil(Math.max(y1, y2) + half + 1); py++) {
      for (let px = Math.floor(Math.min(x1, x2) - half - 1); px <= Math.ceil(Math.max(x1, x2) + half + 1); px++) {
        const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSq));
        const distance = Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
        this.blend(px, py, colour, half + 0.5 - distance);
      }
    }
  }

  disc(cx: number, cy: number, radius: number, colour: Rgb): void {
    for (let py = Math.floor(cy - radius - 1); py <= Math.ceil(cy + radius + 1); py++) {
      for (let px = Math.floor(cx - radius - 1); px <= Math.ceil(cx + radius + 1); px++) {
        this.blend(px, py, colour, radius + 0.5 - Math.hypot(px - cx, py - cy));
      }
    }
  }
}
