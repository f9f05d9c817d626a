// Long text cut into pieces a platform accepts: at a break when there is one, never through an emoji or an entity.
import { describe, expect, it } from 'vitest';
import { shortened, splitText } from '../../src/core/split.js';
import { splitMrkdwn } from '../../adapters/slack/render/split.js';

describe('splitting long text', () => {
  it('keeps text of exactly the limit in one piece, and an empty text as one empty piece', () => {
    expect(splitText('a'.repeat(10), 10)).toEqual(['a'.repeat(10)]);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('cuts one over the limit at the last space, without carrying the space over', () => {
    expect(splitText('aaaaaa bbbb', 10)).toEqual(['aaaaaa', 'bbbb']);
  });

  it('prefers a line break to a space when both are in the second half', () => {
    expect(splitText('aaaaaa\nb c dd', 10)).toEqual(['aaaaaa', 'b c dd']);
  });

  it('cuts hard at the limit when the second half has no break', () => {
    expect(splitText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  it('never halves an emoji at a hard cut', () => {
    const pieces = splitText(`${'a'.repeat(9)}😀${'b'.repeat(5)}`, 10);
    expect(pieces).toEqual(['a'.repeat(9), `😀${'b'.repeat(5)}`]);
    expect(pieces.join('')).toBe(`${'a'.repeat(9)}😀${'b'.repeat(5)}`);
  });

  it('on Slack never cuts an escaped entity in two', () => {
    expect(splitMrkdwn(`${'a'.repeat(8)}&amp;b`, 10)).toEqual(['a'.repeat(8), '&amp;b']);
    expect(splitMrkdwn(`${'a'.repeat(5)}&amp;bbbb`, 10)).toEqual([`${'a'.repeat(5)}&amp;`, 'bbbb']);
  });
});

describe('shortened', () => {
  it('keeps a text within the limit whole and cuts a longer one at a space with a visible ellipsis', () => {
    expect(shortened('a short topic', 13)).toEqual({ text: 'a short topic', cut: false });
    const s = shortened('a topic one character too long', 29);
    expect(s).toEqual({ text: 'a topic one character too…', cut: true });
    expect(s.text.length).toBeLessThanOrEqual(29);
  });
});
