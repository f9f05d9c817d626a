// A tiny 5x7 pixel font so charts can carry labels without a font file or a native text renderer.

/** One lit pixel: x in 0..4, y relative to the top of a capital letter (negative above it, 7+ below). */
export type Pixel = readonly [x: number, y: number];

export interface Glyph {
  readonly pixels: readonly Pixel[];
}

export const GLYPH_WIDTH = 5;
/** Rows above the capitals, where the accents of Ć Ń Ó Ś Ź Ż go. */
export const ASCENT = 2;
export const CAP_HEIGHT = 7;
/** Rows below the baseline, for g j p q y, commas and the ogonek of ą ę. */
export const DESCENT = 2;
export const LINE_HEIGHT = ASCENT + CAP_HEIGHT + DESCENT;
/** Glyph width plus one column of space between letters. */
export const ADVANCE = GLYPH_WIDTH + 1;

/**
 * Rows as '#' (on) and '.' (off), separated by spaces; an optional "N:" prefix says which row the
 * first one is (lowercase letters start at row 2, their x-height).
 */
const TABLE: Record<string, string> = {
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '####. #...# #...# #...# #...# #...# ####.',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  Ł: '.#... .#... .#.#. .##.. ##... .#... .####',

  a: '2:.###. ....# .#### #...# .####',
  b: '#.... #.... ####. #...# #...# #...# ####.',
  c: '2:.###. #.... #.... #...# .###.',
  d: '....# ....# .#### #...# #...# #...# .####',
  e: '2:.###. #...# ##### #.... .###.',
  f: '..##. .#..# .#... ###.. .#... .#... .#...',
  g: '2:.#### #...# #...# #...# .#### ....# .###.',
  h: '#.... #.... #.##. ##..# #...# #...# #...#',
  i: '..#.. ..... .##.. ..#.. ..#.. ..#.. .###.',
  j: '...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..',
  k: '#.... #.... #...# #..#. ###.. #..#. #...#',
  l: '.##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  m: '2:##.#. #.#.# #.#.# #.#.# #.#.#',
  n: '2:#.##. ##..# #...# #...# #...#',
  o: '2:.###. #...# #...# #...# .###.',
  p: '2:####. #...# #...# #...# ####. #.... #....',
  q: '2:.#### #...# #...# #...# .#### ....# ....#',
  r: '2:#.##. ##..# #.... #.... #....',
  s: '2:.#### #.... .###. ....# ####.',
  t: '.#... .#... ###.. .#... .#... .#..# ..##.',
  u: '2:#...# #...# #...# #..## .##.#',
  v: '2:#...# #...# #...# .#.#. ..#..',
  w: '2:#...# #...# #.#.# #.#.# .#.#.',
  x: '2:#...# .#.#. ..#.. .#.#. #...#',
  y: '2:#...# #...# #...# #...# .#### ....# .###.',
  z: '2:##### ...#. ..#.. .#... #####',
  ł: '.##.. ..#.. ..#.# ..##. .##.. ..#.. .###.',

  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '####. ....# ....# .###. ....# ....# ####.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',

  ' ': '.....',
  '.': '5:.##.. .##..',
  ',': '5:.##.. .##.. ..#.. .#...',
  ':': '1:.##.. .##.. ..... ..... .##.. .##..',
  ';': '1:.##.. .##.. ..... ..... .##.. .##.. ..#.. .#...',
  '-': '3:.###.',
  '+': '1:..#.. ..#.. ##### ..#.. ..#..',
  '=': '2:##### ..... #####',
  '/': '....# ....# ...#. ..#.. .#... #.... #....',
  '\\': '#.... #.... .#... ..#.. ...#. ....# ....#',
  '%': '##..# ##..# ...#. ..#.. .#... #..## #..##',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  '[': '.###. .#... .#... .#... .#... .#... .###.',
  ']': '.###. ...#. ...#. ...#. ...#. ...#. .###.',
  '?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
  '!': '..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..',
  "'": '..#.. ..#.. .#...',
  '"': '.#.#. .#.#.',
  '_': '7:#####',
  '#': '.#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.',
  '<': '....# ...#. ..#.. .#... ..#.. ...#. ....#',
  '>': '#.... .#... ..#.. ...#. ..#.. .#... #....',
  '*': '1:#.#.# .###. ##### .###. #.#.#',
  '&': '.##.. #..#. #.#.. .#... #.#.# #..#. .##.#',
  '@': '.###. #...# #.### #.#.# #.### #.... .###.',
  '$': '..#.. .#### #.#.. .###. ..#.# ####. ..#..',
  '^': '..#.. .#.#. #...#',
  '`': '.#... ..#..',
  '{': '...#. ..#.. ..#.. .#... ..#.. ..#.. ...#.',
  '}': '.#... ..#.. ..#.. ...#. ..#.. ..#.. .#...',
  '|': '..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  '~': '3:.#... #.#.# ...#.',
  '°': '.##.. #..#. .##..',
  '·': '3:..#..',
  '…': '6:#.#.#',
};

type Mark = 'acute' | 'dot' | 'ogonek';

/** Lowercase marks sit just above the x-height, with a row of space so they read as accents. */
const MARKS: Record<Mark, { upper: readonly Pixel[]; lower: readonly Pixel[] }> = {
  acute: { upper: [[3, -2], [2, -1]], lower: [[3, -1], [2, 0]] },
  dot: { upper: [[2, -2]], lower: [[2, 0]] },
  ogonek: { upper: [[3, 7], [4, 8]], lower: [[3, 7], [4, 8]] },
};

/** Polish letters as their base letter plus a mark; ł and Ł are drawn whole in TABLE. */
const COMPOSED: Record<string, readonly [base: string, mark: Mark]> = {
  ą: ['a', 'ogonek'], ę: ['e', 'ogonek'], ć: ['c', 'acute'], ń: ['n', 'acute'], ó: ['o', 'acute'],
  ś: ['s', 'acute'], ź: ['z', 'acute'], ż: ['z', 'dot'],
  Ą: ['A', 'ogonek'], Ę: ['E', 'ogonek'], Ć: ['C', 'acute'], Ń: ['N', 'acute'], Ó: ['O', 'acute'],
  Ś: ['S', 'acute'], Ź: ['Z', 'acute'], Ż: ['Z', 'dot'],
};

/** Typographic look-alikes that would otherwise fall back to '?'. */
const ALIASES: Record<string, string> = { '–': '-', '—': '-', '−': '-', '’': "'", '‘': "'", '“': '"', '”': '"', '„': '"' };

function parseGlyph(spec: string): Glyph {
  const match = /^(\d+):(.*)$/.exec(spec);
  const top = match ? Number(match[1]) : 0;
  const rows = (match ? match[2] : spec).split(' ');
  const pixels: Pixel[] = [];
  rows.forEach((row, r) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '#') pixels.push([x, top + r]);
  });
  return { pixels };
}

const GLYPHS = new Map<string, Glyph>();
for (const [char, spec] of Object.entries(TABLE)) GLYPHS.set(char, parseGlyph(spec));
for (const [char, [base, mark]] of Object.entries(COMPOSED)) {
  const isUpper = base === base.toUpperCase();
  const extra = isUpper ? MARKS[mark].upper : MARKS[mark].lower;
  GLYPHS.set(char, { pixels: [...GLYPHS.get(base)!.pixels, ...extra] });
}
const FALLBACK = GLYPHS.get('?')!;

/** The glyph for one character; characters the font lacks are drawn as '?', never dropped silently. */
export function glyphFor(char: string): Glyph {
  return GLYPHS.get(char) ?? GLYPHS.get(ALIASES[char] ?? '') ?? FALLBACK;
}

/** Whether the font has its own glyph (or a look-alike) for a character. */
export function hasGlyph(char: string): boolean {
  return GLYPHS.has(char) || ALIASES[char] !== undefined;
}

/** Width in pixels of a single line of text at the given scale. */
export function measureText(text: string, scale = 1): number {
  const count = [...text.normalize('NFC')].length;
  return count === 0 ? 0 : (count * ADVANCE - 1) * scale;
}

/**
 * Draws one line of text with its line box's top-left corner at (x, y): accents of capitals start at
 * y, capitals at y + ASCENT * scale. Each font pixel becomes a scale × scale square passed to `plot`.
 */
export function drawText(
  text: string,
  x: number,
  y: number,
  scale: number,
  plot: (px: number, py: number) => void,
): void {
  let cursor = x;
  for (const char of text.normalize('NFC')) {
    for (const [gx, gy] of glyphFor(char).pixels) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) plot(cursor + gx * scale + dx, y + (gy + ASCENT) * scale + dy);
      }
    }
    cursor += ADVANCE * scale;
  }
}
