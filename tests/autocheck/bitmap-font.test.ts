import { describe, it, expect } from 'vitest';
import { ADVANCE, drawText, glyphFor, hasGlyph, measureText } from '../../src/features/autocheck/bitmap-font.js';

const key = (char: string) => JSON.stringify([...glyphFor(char).pixels].sort());

describe('bitmap font', () => {
  it('has a glyph for every printable ASCII character', () => {
    const missing = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !hasGlyph(c));
    expect(missing).toEqual([]);
  });

  it('draws every Polish letter differently from its base letter', () => {
    const pairs = [...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'].map((c) => [c, c.normalize('NFD')[0].replace('ł', 'l').replace('Ł', 'L')]);
    for (const [letter, base] of pairs) {
      expect(hasGlyph(letter)).toBe(true);
      expect(key(letter), letter).not.toBe(key(base));
    }
    expect(key('ź')).not.toBe(key('ż'));
  });

  it('draws an unknown character as a question mark rather than dropping it', () => {
    expect(key('→')).toBe(key('?'));
    expect(measureText('a→b')).toBe(measureText('a?b'));
  });

  it('measures text as glyph advances without trailing space, scaled', () => {
    expect(measureText('')).toBe(0);
    expect(measureText('ab')).toBe(2 * ADVANCE - 1);
    expect(measureText('ab', 2)).toBe(2 * (2 * ADVANCE - 1));
  });

  it('keeps every drawn pixel within the measured width', () => {
    const xs: number[] = [];
    drawText('Zażółć gęślą jaźń', 10, 0, 2, (x) => xs.push(x));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThan(10 + measureText('Zażółć gęślą jaźń', 2));
  });
});
